package dev.millrace.streams.kstream;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.state.KeyValueStore;

/**
 * A table re-grouped by a new key ({@code KTable.groupBy}), as Kafka Streams' {@code KGroupedTable}. Because an
 * update of the source table moves a value between groups, each aggregation has an adder and a subtractor: an
 * update subtracts the old value from its old group and adds the new value to its new group (in one step when the
 * group is the same). The grouped records travel through a {@code -repartition} topic.
 *
 * <p>Example: {@code users.groupBy((id, u) -> KeyValue.pair(u.region(), u)).count()} counts users per region and
 * follows moves and deletions.
 *
 * @param <K> the grouping key type
 * @param <V> the value type
 */
public interface KGroupedTable<K, V> {

    /** @return the number of source rows per group */
    KTable<K, Long> count();

    /**
     * Counts source rows per group; e.g. {@code table.groupBy((user, region) -> KeyValue.pair(region,
     * user)).count()} counts users per region, moving a user between regions on an update.
     *
     * @param named the processor name
     * @return the counts
     */
    KTable<K, Long> count(Named named);

    /**
     * Counts source rows per group.
     *
     * @param materialized the store options
     * @return the counts
     */
    KTable<K, Long> count(Materialized<K, Long, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * Counts source rows per group.
     *
     * @param named the processor name
     * @param materialized the store options
     * @return the counts
     */
    KTable<K, Long> count(Named named, Materialized<K, Long, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * Combines values per group; e.g. {@code reduce(Long::sum, (a, b) -> a - b)}.
     *
     * @param adder adds a value
     * @param subtractor removes a value
     * @return the results
     */
    KTable<K, V> reduce(Reducer<V> adder, Reducer<V> subtractor);

    /**
     * Combines values per group.
     *
     * @param adder adds a value
     * @param subtractor removes a value
     * @param materialized the store options
     * @return the results
     */
    KTable<K, V> reduce(Reducer<V> adder, Reducer<V> subtractor,
                        Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * Combines values per group.
     *
     * @param adder adds a value
     * @param subtractor removes a value
     * @param named the processor name
     * @param materialized the store options
     * @return the results
     */
    KTable<K, V> reduce(Reducer<V> adder, Reducer<V> subtractor, Named named,
                        Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * Folds values per group; e.g. {@code aggregate(() -> 0L, (k, v, a) -> a + v, (k, v, a) -> a - v)}.
     *
     * @param initializer the initial aggregate
     * @param adder adds a value
     * @param subtractor removes a value
     * @param <VA> the aggregate type
     * @return the results
     */
    <VA> KTable<K, VA> aggregate(Initializer<VA> initializer, Aggregator<? super K, ? super V, VA> adder,
                                 Aggregator<? super K, ? super V, VA> subtractor);

    /**
     * Folds values per group.
     *
     * @param initializer the initial aggregate
     * @param adder adds a value
     * @param subtractor removes a value
     * @param named the processor name
     * @param <VA> the aggregate type
     * @return the results
     */
    <VA> KTable<K, VA> aggregate(Initializer<VA> initializer, Aggregator<? super K, ? super V, VA> adder,
                                 Aggregator<? super K, ? super V, VA> subtractor, Named named);

    /**
     * Folds values per group.
     *
     * @param initializer the initial aggregate
     * @param adder adds a value
     * @param subtractor removes a value
     * @param materialized the store options
     * @param <VA> the aggregate type
     * @return the results
     */
    <VA> KTable<K, VA> aggregate(Initializer<VA> initializer, Aggregator<? super K, ? super V, VA> adder,
                                 Aggregator<? super K, ? super V, VA> subtractor,
                                 Materialized<K, VA, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * Folds values per group.
     *
     * @param initializer the initial aggregate
     * @param adder adds a value
     * @param subtractor removes a value
     * @param named the processor name
     * @param materialized the store options
     * @param <VA> the aggregate type
     * @return the results
     */
    <VA> KTable<K, VA> aggregate(Initializer<VA> initializer, Aggregator<? super K, ? super V, VA> adder,
                                 Aggregator<? super K, ? super V, VA> subtractor, Named named,
                                 Materialized<K, VA, KeyValueStore<Bytes, byte[]>> materialized);
}
