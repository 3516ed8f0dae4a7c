package dev.millrace.streams.kstream;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.state.KeyValueStore;

/**
 * A stream grouped by key, ready for aggregation, as Kafka Streams' {@code KGroupedStream}. Each aggregation keeps
 * one value per key in a timestamped key-value store (named by {@link Materialized#as(String)} or generated as
 * {@code KSTREAM-AGGREGATE-STATE-STORE-n}/{@code KSTREAM-REDUCE-STATE-STORE-n}) and returns the table of results.
 * Records with a null key (or, for reduce and aggregate, a null value) are skipped, logged and counted in the
 * dropped-records metric. If the stream was re-keyed, the records first go through a {@code -repartition} topic.
 *
 * <p>Example: {@code stream.groupByKey().reduce(Long::sum, Materialized.as("sums"))}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface KGroupedStream<K, V> {

    /** @return a table counting the records per key */
    KTable<K, Long> count();

    /**
     * Counts records per key; e.g. {@code stream.groupByKey().count()} emits 1, 2, ... per key.
     *
     * @param named the processor name
     * @return the counts
     */
    KTable<K, Long> count(Named named);

    /**
     * Counts records per key; e.g. {@code count(Materialized.as("counts"))}.
     *
     * @param materialized the store options
     * @return the counts
     */
    KTable<K, Long> count(Materialized<K, Long, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * Counts records per key.
     *
     * @param named the processor name
     * @param materialized the store options
     * @return the counts
     */
    KTable<K, Long> count(Named named, Materialized<K, Long, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * Combines the values per key; e.g. {@code reduce((a, b) -> a + b)}.
     *
     * @param reducer combines the aggregate and a new value
     * @return the results
     */
    KTable<K, V> reduce(Reducer<V> reducer);

    /**
     * Combines the values per key.
     *
     * @param reducer combines the aggregate and a new value
     * @param materialized the store options
     * @return the results
     */
    KTable<K, V> reduce(Reducer<V> reducer, Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * Combines the values per key.
     *
     * @param reducer combines the aggregate and a new value
     * @param named the processor name
     * @param materialized the store options
     * @return the results
     */
    KTable<K, V> reduce(Reducer<V> reducer, Named named,
                        Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * Folds the values per key; e.g. {@code aggregate(() -> 0L, (k, v, agg) -> agg + v.length())}.
     *
     * @param initializer the initial aggregate
     * @param aggregator folds a value into the aggregate
     * @param <VOut> the aggregate type
     * @return the results
     */
    <VOut> KTable<K, VOut> aggregate(Initializer<VOut> initializer, Aggregator<? super K, ? super V, VOut> aggregator);

    /**
     * Folds the values per key.
     *
     * @param initializer the initial aggregate
     * @param aggregator folds a value into the aggregate
     * @param materialized the store options
     * @param <VOut> the aggregate type
     * @return the results
     */
    <VOut> KTable<K, VOut> aggregate(Initializer<VOut> initializer, Aggregator<? super K, ? super V, VOut> aggregator,
                                     Materialized<K, VOut, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * Folds the values per key.
     *
     * @param initializer the initial aggregate
     * @param aggregator folds a value into the aggregate
     * @param named the processor name
     * @param materialized the store options
     * @param <VOut> the aggregate type
     * @return the results
     */
    <VOut> KTable<K, VOut> aggregate(Initializer<VOut> initializer, Aggregator<? super K, ? super V, VOut> aggregator,
                                     Named named, Materialized<K, VOut, KeyValueStore<Bytes, byte[]>> materialized);
}
