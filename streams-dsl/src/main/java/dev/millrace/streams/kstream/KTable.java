package dev.millrace.streams.kstream;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.state.KeyValueStore;

/**
 * A changelog stream viewed as a table: the latest value per key, where a null value deletes the key, as Kafka
 * Streams' {@code KTable}. Operators forward changes (new value, and the old value when a downstream operator
 * needs it). A table is materialized in a timestamped key-value store when it is a named source, an aggregation,
 * a join input, or when {@link Materialized#as(String)} is given; only then is {@link #queryableStoreName()} set.
 * Caching and changelogging follow the {@link Materialized} options (both on by default).
 *
 * <p>Example: {@code builder.table("users").filter((id, u) -> u.active()).toStream().to("active-users")}; when a
 * user stops being active, the filtered table emits a tombstone for that id.
 *
 * <p>Not thread-safe: used while building a topology.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface KTable<K, V> {

    /**
     * Keeps the rows matching the predicate; a row that stops qualifying becomes a
     * tombstone; e.g. {@code filter((k, v) -> v.active())}.
     */
    KTable<K, V> filter(Predicate<? super K, ? super V> predicate);

    /**
     * Like {@link #filter(Predicate)}, with a processor name.
     */
    KTable<K, V> filter(Predicate<? super K, ? super V> predicate, Named named);

    /**
     * Like {@link #filter(Predicate)}, materialized as given.
     */
    KTable<K, V> filter(Predicate<? super K, ? super V> predicate,
                            Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * Like {@link #filter(Predicate)}, named and materialized as given.
     */
    KTable<K, V> filter(Predicate<? super K, ? super V> predicate, Named named,
                            Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * Drops the rows matching the predicate; a row that stops qualifying becomes a
     * tombstone; e.g. {@code filterNot((k, v) -> v.deleted())}.
     */
    KTable<K, V> filterNot(Predicate<? super K, ? super V> predicate);

    /**
     * Like {@link #filterNot(Predicate)}, with a processor name.
     */
    KTable<K, V> filterNot(Predicate<? super K, ? super V> predicate, Named named);

    /**
     * Like {@link #filterNot(Predicate)}, materialized as given.
     */
    KTable<K, V> filterNot(Predicate<? super K, ? super V> predicate,
                               Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * Like {@link #filterNot(Predicate)}, named and materialized as given.
     */
    KTable<K, V> filterNot(Predicate<? super K, ? super V> predicate, Named named,
                               Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * Maps every value (deletions stay deletions); e.g. {@code mapValues(String::length)}.
     */
    <VR> KTable<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper);

    /**
     * Like {@link #mapValues(ValueMapper)}, with a processor name.
     */
    <VR> KTable<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper, Named named);

    /**
     * Maps every value, reading the key.
     */
    <VR> KTable<K, VR> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper);

    /**
     * Like {@link #mapValues(ValueMapperWithKey)}, with a processor name.
     */
    <VR> KTable<K, VR> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper, Named named);

    /**
     * Like {@link #mapValues(ValueMapper)}, materialized as given.
     */
    <VR> KTable<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper,
                                 Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * Like {@link #mapValues(ValueMapper)}, named and materialized as given.
     */
    <VR> KTable<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper, Named named,
                                 Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * Like {@link #mapValues(ValueMapperWithKey)}, materialized as given.
     */
    <VR> KTable<K, VR> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper,
                                 Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * Like {@link #mapValues(ValueMapperWithKey)}, named and materialized as given.
     */
    <VR> KTable<K, VR> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper, Named named,
                                 Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * Returns the table's changelog as a stream (deletions are records with a null value); e.g.
     * {@code table.toStream().to("out")}.
     * 
     * @return the stream
     */
    KStream<K, V> toStream();

    /**
     * Like {@link #toStream()}, with a processor name.
     */
    KStream<K, V> toStream(Named named);

    /**
     * Returns the changelog as a stream re-keyed by the mapper.
     */
    <KR> KStream<KR, V> toStream(KeyValueMapper<? super K, ? super V, ? extends KR> mapper);

    /**
     * Like {@link #toStream(KeyValueMapper)}, with a processor name.
     */
    <KR> KStream<KR, V> toStream(KeyValueMapper<? super K, ? super V, ? extends KR> mapper, Named named);

    /**
     * Re-groups the rows by a new key for aggregation; e.g.
     * {@code users.groupBy((id, u) -> KeyValue.pair(u.region(), u))}.
     */
    <KR, VR> KGroupedTable<KR, VR> groupBy(
            KeyValueMapper<? super K, ? super V, ? extends KeyValue<? extends KR, ? extends VR>> selector);

    /**
     * Like {@link #groupBy(KeyValueMapper)}, with serdes and a repartition topic name.
     */
    <KR, VR> KGroupedTable<KR, VR> groupBy(
            KeyValueMapper<? super K, ? super V, ? extends KeyValue<? extends KR, ? extends VR>> selector,
            Grouped<KR, VR> grouped);

    /**
     * Inner-joins with another table on the key: a result exists while both sides have a value; e.g.
     * {@code a.join(b, (x, y) -> x + y)}.
     */
    <VO, VR> KTable<K, VR> join(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner);

    /**
     * Like {@link #join(KTable, ValueJoiner)}, with a processor name.
     */
    <VO, VR> KTable<K, VR> join(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                    Named named);

    /**
     * Like {@link #join(KTable, ValueJoiner)}, materialized as given.
     */
    <VO, VR> KTable<K, VR> join(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                    Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * Like {@link #join(KTable, ValueJoiner)}, named and materialized as given.
     */
    <VO, VR> KTable<K, VR> join(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                    Named named, Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * Left-joins with another table on the key: a result exists while this side has a value (the other may be
     * null); e.g. {@code users.leftJoin(regions, (user, region) -> region == null ? "unknown" : region)}.
     */
    <VO, VR> KTable<K, VR> leftJoin(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner);

    /**
     * Like {@link #leftJoin(KTable, ValueJoiner)}, with a processor name.
     */
    <VO, VR> KTable<K, VR> leftJoin(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                        Named named);

    /**
     * Like {@link #leftJoin(KTable, ValueJoiner)}, materialized as given.
     */
    <VO, VR> KTable<K, VR> leftJoin(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                        Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * Like {@link #leftJoin(KTable, ValueJoiner)}, named and materialized as given.
     */
    <VO, VR> KTable<K, VR> leftJoin(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                        Named named, Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * Outer-joins with another table on the key: a result exists while either side has a value; e.g.
     * {@code left.outerJoin(right, (l, r) -> l + "/" + r)} emits "a/null", then "a/b" when b arrives.
     */
    <VO, VR> KTable<K, VR> outerJoin(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner);

    /**
     * Like {@link #outerJoin(KTable, ValueJoiner)}, with a processor name.
     */
    <VO, VR> KTable<K, VR> outerJoin(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                         Named named);

    /**
     * Like {@link #outerJoin(KTable, ValueJoiner)}, materialized as given.
     */
    <VO, VR> KTable<K, VR> outerJoin(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                         Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * Like {@link #outerJoin(KTable, ValueJoiner)}, named and materialized as given.
     */
    <VO, VR> KTable<K, VR> outerJoin(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                         Named named, Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * Returns the name of the store to query this table by; e.g. {@code table.queryableStoreName()} is "t" for a
     * table built with {@code Materialized.as("t")}, null for an unmaterialized one.
     * 
     * @return the store name, or null when the table is not queryable
     */
    String queryableStoreName();
}
