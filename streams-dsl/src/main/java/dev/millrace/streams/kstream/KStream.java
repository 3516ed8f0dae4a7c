package dev.millrace.streams.kstream;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.processor.TopicNameExtractor;
import dev.millrace.streams.processor.api.FixedKeyProcessorSupplier;
import dev.millrace.streams.processor.api.ProcessorSupplier;
import dev.millrace.streams.state.KeyValueStore;

/**
 * An unbounded stream of independent key-value records, as Kafka Streams' {@code KStream}: every operator returns
 * a new stream (or nothing, for terminal operators) and adds nodes to the builder's topology; nothing runs until
 * the topology is built and started. Operators that may change keys ({@link #selectKey}, {@link #map},
 * {@link #flatMap}, {@link #process}) mark the stream so that a later stateful operator (aggregation, join,
 * {@link #toTable()}) first writes it to an automatically created {@code -repartition} topic. Node names are
 * generated as {@code KSTREAM-<OP>-<10-digit counter>} unless a {@link Named} is given, and
 * {@code Topology.describe()} prints the same text as Kafka Streams for the same program.
 *
 * <p>Example (word count):
 * <pre>{@code
 * builder.<String, String>stream("lines")
 *        .flatMapValues(line -> Arrays.asList(line.toLowerCase().split(" ")))
 *        .groupBy((key, word) -> word)
 *        .count()
 *        .toStream()
 *        .to("counts", Produced.with(Serdes.String(), Serdes.Long()));
 * }</pre>
 *
 * <p>Not thread-safe: build a topology on one thread. Every argument is checked for null with a
 * {@link NullPointerException} naming it, as in Kafka Streams.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface KStream<K, V> {

    /**
     * Keeps the records matching the predicate; e.g. {@code stream.filter((k, v) -> v > 0)}.
     *
     * @param predicate the predicate
     * @return the filtered stream
     */
    KStream<K, V> filter(Predicate<? super K, ? super V> predicate);

    /**
     * Keeps the records matching the predicate.
     *
     * @param predicate the predicate
     * @return the filtered stream
     */
    KStream<K, V> filter(Predicate<? super K, ? super V> predicate, Named named);

    /**
     * Drops the records matching the predicate; e.g. {@code stream.filterNot((k, v) -> v == null)}.
     *
     * @param predicate the predicate
     * @return the filtered stream
     */
    KStream<K, V> filterNot(Predicate<? super K, ? super V> predicate);

    /**
     * Drops the records matching the predicate.
     *
     * @param predicate the predicate
     * @return the filtered stream
     */
    KStream<K, V> filterNot(Predicate<? super K, ? super V> predicate, Named named);

    /**
     * Replaces each key; e.g. {@code orders.selectKey((k, order) -> order.customerId())}. Marks the stream for
     * repartitioning.
     *
     * @param mapper computes the new key
     * @return the re-keyed stream
     */
    <KOut> KStream<KOut, V> selectKey(KeyValueMapper<? super K, ? super V, ? extends KOut> mapper);

    /**
     * Replaces each key.
     *
     * @param mapper computes the new key
     * @return the re-keyed stream
     */
    <KOut> KStream<KOut, V> selectKey(KeyValueMapper<? super K, ? super V, ? extends KOut> mapper, Named named);

    /**
     * Replaces each value; e.g. {@code stream.mapValues(String::length)}.
     *
     * @param mapper computes the new value
     * @return the mapped stream
     */
    <VOut> KStream<K, VOut> mapValues(ValueMapper<? super V, ? extends VOut> mapper);

    /**
     * Replaces each value.
     *
     * @param mapper computes the new value
     * @return the mapped stream
     */
    <VOut> KStream<K, VOut> mapValues(ValueMapper<? super V, ? extends VOut> mapper, Named named);

    /**
     * Replaces each value, reading the (read-only) key; e.g. {@code stream.mapValues((k, v) -> k + v)}.
     *
     * @param mapper computes the new value
     * @return the mapped stream
     */
    <VOut> KStream<K, VOut> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VOut> mapper);

    /**
     * Replaces each value, reading the (read-only) key.
     *
     * @param mapper computes the new value
     * @return the mapped stream
     */
    <VOut> KStream<K, VOut> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VOut> mapper, Named named);

    /**
     * Replaces key and value; e.g. {@code stream.map((k, v) -> KeyValue.pair(v, k))}. Marks the stream for
     * repartitioning.
     *
     * @param mapper computes the new pair
     * @return the mapped stream
     */
    <KOut, VOut> KStream<KOut, VOut> map(
            KeyValueMapper<? super K, ? super V, ? extends KeyValue<? extends KOut, ? extends VOut>> mapper);

    /**
     * Replaces key and value.
     *
     * @param mapper computes the new pair
     * @return the mapped stream
     */
    <KOut, VOut> KStream<KOut, VOut> map(
            KeyValueMapper<? super K, ? super V, ? extends KeyValue<? extends KOut, ? extends VOut>> mapper,
            Named named);

    /**
     * Replaces each record by zero or more records; e.g.
     * {@code stream.flatMap((k, v) -> List.of(KeyValue.pair(k, v), KeyValue.pair(v, k)))}. Marks the stream for
     * repartitioning.
     *
     * @param mapper computes the new records
     * @return the mapped stream
     */
    <KOut, VOut> KStream<KOut, VOut> flatMap(KeyValueMapper<? super K, ? super V,
            ? extends Iterable<? extends KeyValue<? extends KOut, ? extends VOut>>> mapper);

    /**
     * Replaces each record by zero or more records.
     *
     * @param mapper computes the new records
     * @return the mapped stream
     */
    <KOut, VOut> KStream<KOut, VOut> flatMap(KeyValueMapper<? super K, ? super V,
            ? extends Iterable<? extends KeyValue<? extends KOut, ? extends VOut>>> mapper, Named named);

    /**
     * Replaces each value by zero or more values under the same key; e.g.
     * {@code lines.flatMapValues(line -> Arrays.asList(line.split(" ")))}.
     *
     * @param mapper computes the new values
     * @return the mapped stream
     */
    <VOut> KStream<K, VOut> flatMapValues(ValueMapper<? super V, ? extends Iterable<? extends VOut>> mapper);

    /**
     * Replaces each value by zero or more values under the same key.
     *
     * @param mapper computes the new values
     * @return the mapped stream
     */
    <VOut> KStream<K, VOut> flatMapValues(ValueMapper<? super V, ? extends Iterable<? extends VOut>> mapper,
                                          Named named);

    /**
     * Replaces each value by zero or more values, reading the key.
     *
     * @param mapper computes the new values
     * @return the mapped stream
     */
    <VOut> KStream<K, VOut> flatMapValues(
            ValueMapperWithKey<? super K, ? super V, ? extends Iterable<? extends VOut>> mapper);

    /**
     * Replaces each value by zero or more values, reading the key.
     *
     * @param mapper computes the new values
     * @return the mapped stream
     */
    <VOut> KStream<K, VOut> flatMapValues(
            ValueMapperWithKey<? super K, ? super V, ? extends Iterable<? extends VOut>> mapper, Named named);

    /**
     * Prints every record; e.g. {@code stream.print(Printed.<String, String>toSysOut().withLabel("in"))}.
     *
     * @param printed where and how to print
     */
    void print(Printed<K, V> printed);

    /**
     * Runs an action per record (terminal); e.g. {@code stream.foreach((k, v) -> seen.add(v))}.
     *
     * @param action the action
     */
    void foreach(ForeachAction<? super K, ? super V> action);

    /**
     * Runs an action per record (terminal).
     *
     * @param action the action
     */
    void foreach(ForeachAction<? super K, ? super V> action, Named named);

    /**
     * Runs an action per record and passes the record on; e.g. {@code stream.peek((k, v) -> log.info("{}", v))}.
     *
     * @param action the action
     * @return an equal stream
     */
    KStream<K, V> peek(ForeachAction<? super K, ? super V> action);

    /**
     * Runs an action per record and passes the record on.
     *
     * @param action the action
     * @return an equal stream
     */
    KStream<K, V> peek(ForeachAction<? super K, ? super V> action, Named named);

    /**
     * Splits the stream by predicates; e.g.
     * {@code stream.split().branch((k, v) -> v > 0, Branched.as("pos")).defaultBranch()}.
     *
     * @return the branching builder
     */
    BranchedKStream<K, V> split();

    /**
     * Splits the stream by predicates; branch names are prefixed with the given name.
     *
     * @param named the splitter's name
     * @return the branching builder
     */
    BranchedKStream<K, V> split(Named named);

    /**
     * Merges two streams; e.g. {@code a.merge(b)}.
     *
     * @param otherStream the other stream
     * @return the merged stream
     */
    KStream<K, V> merge(KStream<K, V> otherStream);

    /**
     * Merges two streams.
     *
     * @param otherStream the other stream
     * @return the merged stream
     */
    KStream<K, V> merge(KStream<K, V> otherStream, Named named);

    /**
     * Writes the stream through a generated repartition topic and reads it back; e.g.
     * {@code stream.selectKey((k, v) -> v.userId()).repartition()} co-partitions by user.
     *
     * @return the repartitioned stream
     */
    KStream<K, V> repartition();

    /**
     * Writes the stream through a repartition topic and reads it back; e.g.
     * {@code stream.repartition(Repartitioned.as("by-user").withNumberOfPartitions(4))}.
     *
     * @param repartitioned the topic's name, serdes, partitioner and partition count
     * @return the repartitioned stream
     */
    KStream<K, V> repartition(Repartitioned<K, V> repartitioned);

    /**
     * Writes the stream to a topic with the stream's (or default) serdes; e.g. {@code stream.to("out")}.
     *
     * @param topic the topic
     */
    void to(String topic);

    /**
     * Writes the stream to a topic.
     *
     * @param topic the topic
     * @param produced the serdes, partitioner and sink name
     */
    void to(String topic, Produced<K, V> produced);

    /**
     * Writes each record to the topic the extractor chooses; e.g. {@code stream.to((k, v, ctx) -> "out-" + k)}.
     *
     * @param topicExtractor chooses the topic
     */
    void to(TopicNameExtractor<K, V> topicExtractor);

    /**
     * Writes each record to the topic the extractor chooses.
     *
     * @param topicExtractor chooses the topic
     * @param produced the serdes, partitioner and sink name
     */
    void to(TopicNameExtractor<K, V> topicExtractor, Produced<K, V> produced);

    /**
     * Interprets the stream as a changelog: the latest value per key (a null value deletes); e.g.
     * {@code stream.toTable()}.
     *
     * @return the table
     */
    KTable<K, V> toTable();

    /**
     * Interprets the stream as a changelog.
     *
     * @return the table
     */
    KTable<K, V> toTable(Named named);

    /**
     * Interprets the stream as a changelog, materialized as given.
     *
     * @param materialized the store options
     * @return the table
     */
    KTable<K, V> toTable(Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * Interprets the stream as a changelog, materialized as given.
     *
     * @param materialized the store options
     * @return the table
     */
    KTable<K, V> toTable(Named named, Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized);

    /**
     * Groups by the current key; e.g. {@code stream.groupByKey().count()}.
     *
     * @return the grouped stream
     */
    KGroupedStream<K, V> groupByKey();

    /**
     * Groups by the current key, with serdes and a repartition topic name.
     *
     * @param grouped the options
     * @return the grouped stream
     */
    KGroupedStream<K, V> groupByKey(Grouped<K, V> grouped);

    /**
     * Groups by a new key (always repartitioned); e.g. {@code words.groupBy((k, word) -> word)}.
     *
     * @param keySelector computes the grouping key
     * @return the grouped stream
     */
    <KOut> KGroupedStream<KOut, V> groupBy(KeyValueMapper<? super K, ? super V, KOut> keySelector);

    /**
     * Groups by a new key, with serdes and a repartition topic name.
     *
     * @param keySelector computes the grouping key
     * @param grouped the options
     * @return the grouped stream
     */
    <KOut> KGroupedStream<KOut, V> groupBy(KeyValueMapper<? super K, ? super V, KOut> keySelector,
                                           Grouped<KOut, V> grouped);

    /**
     * Joins each record with the table's current value for its key (inner: records without one are dropped);
     * e.g. {@code orders.join(customers, (order, customer) -> order + "/" + customer)}.
     *
     * @param table the table
     * @param joiner combines the values
     * @return the joined stream
     */
    <VT, VOut> KStream<K, VOut> join(KTable<K, VT> table, ValueJoiner<? super V, ? super VT, ? extends VOut> joiner);

    /**
     * Joins each record with the table's current value for its key, reading the key.
     *
     * @param table the table
     * @param joiner combines the values
     * @return the joined stream
     */
    <VT, VOut> KStream<K, VOut> join(KTable<K, VT> table,
                                     ValueJoinerWithKey<? super K, ? super V, ? super VT, ? extends VOut> joiner);

    /**
     * Joins each record with the table's current value for its key.
     *
     * @param table the table
     * @param joiner combines the values
     * @return the joined stream
     */
    <VT, VOut> KStream<K, VOut> join(KTable<K, VT> table, ValueJoiner<? super V, ? super VT, ? extends VOut> joiner,
                                     Joined<K, V, VT> joined);

    /**
     * Joins each record with the table's current value for its key, reading the key.
     *
     * @param table the table
     * @param joiner combines the values
     * @return the joined stream
     */
    <VT, VOut> KStream<K, VOut> join(KTable<K, VT> table,
                                     ValueJoinerWithKey<? super K, ? super V, ? super VT, ? extends VOut> joiner,
                                     Joined<K, V, VT> joined);

    /**
     * Left-joins each record with the table's current value for its key (null when absent); e.g.
     * {@code clicks.leftJoin(regions, (page, region) -> page + "@" + region)}.
     *
     * @param table the table
     * @param joiner combines the values
     * @return the joined stream
     */
    <VT, VOut> KStream<K, VOut> leftJoin(KTable<K, VT> table,
                                         ValueJoiner<? super V, ? super VT, ? extends VOut> joiner);

    /**
     * Left-joins each record with the table's current value for its key, reading the key.
     *
     * @param table the table
     * @param joiner combines the values
     * @return the joined stream
     */
    <VT, VOut> KStream<K, VOut> leftJoin(KTable<K, VT> table,
                                         ValueJoinerWithKey<? super K, ? super V, ? super VT, ? extends VOut> joiner);

    /**
     * Left-joins each record with the table's current value for its key.
     *
     * @param table the table
     * @param joiner combines the values
     * @return the joined stream
     */
    <VT, VOut> KStream<K, VOut> leftJoin(KTable<K, VT> table,
                                         ValueJoiner<? super V, ? super VT, ? extends VOut> joiner,
                                         Joined<K, V, VT> joined);

    /**
     * Left-joins each record with the table's current value for its key, reading the key.
     *
     * @param table the table
     * @param joiner combines the values
     * @return the joined stream
     */
    <VT, VOut> KStream<K, VOut> leftJoin(KTable<K, VT> table,
                                         ValueJoinerWithKey<? super K, ? super V, ? super VT, ? extends VOut> joiner,
                                         Joined<K, V, VT> joined);

    /**
     * Joins each record with a global table's value for the key the selector computes; e.g.
     * {@code orders.join(products, (k, order) -> order.productId(), (order, product) -> order + product)}.
     *
     * @param globalTable the global table
     * @param keySelector computes the table key
     * @param joiner combines the values
     * @return the joined stream
     */
    <GK, GV, VOut> KStream<K, VOut> join(GlobalKTable<GK, GV> globalTable,
                                         KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                         ValueJoiner<? super V, ? super GV, ? extends VOut> joiner);

    /**
     * Joins each record with a global table's value for the selected key, reading the key.
     *
     * @param globalTable the global table
     * @param keySelector computes the table key
     * @param joiner combines the values
     * @return the joined stream
     */
    <GK, GV, VOut> KStream<K, VOut> join(GlobalKTable<GK, GV> globalTable,
                                         KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                         ValueJoinerWithKey<? super K, ? super V, ? super GV, ? extends VOut> joiner);

    /**
     * Joins each record with a global table's value for the selected key.
     *
     * @param globalTable the global table
     * @param keySelector computes the table key
     * @param joiner combines the values
     * @return the joined stream
     */
    <GK, GV, VOut> KStream<K, VOut> join(GlobalKTable<GK, GV> globalTable,
                                         KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                         ValueJoiner<? super V, ? super GV, ? extends VOut> joiner, Named named);

    /**
     * Joins each record with a global table's value for the selected key, reading the key.
     *
     * @param globalTable the global table
     * @param keySelector computes the table key
     * @param joiner combines the values
     * @return the joined stream
     */
    <GK, GV, VOut> KStream<K, VOut> join(GlobalKTable<GK, GV> globalTable,
                                         KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                         ValueJoinerWithKey<? super K, ? super V, ? super GV, ? extends VOut> joiner,
                                         Named named);

    /**
     * Left-joins each record with a global table's value for the selected key (null when absent).
     *
     * @param globalTable the global table
     * @param keySelector computes the table key
     * @param joiner combines the values
     * @return the joined stream
     */
    <GK, GV, VOut> KStream<K, VOut> leftJoin(GlobalKTable<GK, GV> globalTable,
                                             KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                             ValueJoiner<? super V, ? super GV, ? extends VOut> joiner);

    /**
     * Left-joins each record with a global table's value for the selected key, reading the key.
     *
     * @param globalTable the global table
     * @param keySelector computes the table key
     * @param joiner combines the values
     * @return the joined stream
     */
    <GK, GV, VOut> KStream<K, VOut> leftJoin(GlobalKTable<GK, GV> globalTable,
                                             KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                             ValueJoinerWithKey<? super K, ? super V, ? super GV, ? extends VOut>
                                                     joiner);

    /**
     * Left-joins each record with a global table's value for the selected key.
     *
     * @param globalTable the global table
     * @param keySelector computes the table key
     * @param joiner combines the values
     * @return the joined stream
     */
    <GK, GV, VOut> KStream<K, VOut> leftJoin(GlobalKTable<GK, GV> globalTable,
                                             KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                             ValueJoiner<? super V, ? super GV, ? extends VOut> joiner, Named named);

    /**
     * Left-joins each record with a global table's value for the selected key, reading the key.
     *
     * @param globalTable the global table
     * @param keySelector computes the table key
     * @param joiner combines the values
     * @return the joined stream
     */
    <GK, GV, VOut> KStream<K, VOut> leftJoin(GlobalKTable<GK, GV> globalTable,
                                             KeyValueMapper<? super K, ? super V, ? extends GK> keySelector,
                                             ValueJoinerWithKey<? super K, ? super V, ? super GV, ? extends VOut>
                                                     joiner, Named named);

    /**
     * Runs a Processor API processor on every record; e.g. {@code stream.process(MyProcessor::new, "store")}.
     * Marks the stream for repartitioning (the processor may change keys).
     *
     * @param processorSupplier supplies a new processor per task
     * @param stateStoreNames stores (added with {@code addStateStore}) to connect
     * @return the processor's output stream
     */
    <KOut, VOut> KStream<KOut, VOut> process(
            ProcessorSupplier<? super K, ? super V, ? extends KOut, ? extends VOut> processorSupplier,
            String... stateStoreNames);

    /**
     * Runs a Processor API processor on every record.
     *
     * @param processorSupplier supplies a new processor per task
     * @param stateStoreNames stores to connect
     * @return the processor's output stream
     */
    <KOut, VOut> KStream<KOut, VOut> process(
            ProcessorSupplier<? super K, ? super V, ? extends KOut, ? extends VOut> processorSupplier, Named named,
            String... stateStoreNames);

    /**
     * Runs a fixed-key processor (it cannot change keys) on every record; e.g.
     * {@code stream.processValues(Enricher::new, "lookups")} with a store named "lookups".
     *
     * @param processorSupplier supplies a new processor per task
     * @param stateStoreNames stores to connect
     * @return the processor's output stream
     */
    <VOut> KStream<K, VOut> processValues(
            FixedKeyProcessorSupplier<? super K, ? super V, ? extends VOut> processorSupplier,
            String... stateStoreNames);

    /**
     * Runs a fixed-key processor (it cannot change keys) on every record.
     *
     * @param processorSupplier supplies a new processor per task
     * @param stateStoreNames stores to connect
     * @return the processor's output stream
     */
    <VOut> KStream<K, VOut> processValues(
            FixedKeyProcessorSupplier<? super K, ? super V, ? extends VOut> processorSupplier, Named named,
            String... stateStoreNames);
}
