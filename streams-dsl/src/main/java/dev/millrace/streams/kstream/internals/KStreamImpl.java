package dev.millrace.streams.kstream.internals;

import dev.millrace.common.serialization.Serde;
import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.kstream.BranchedKStream;
import dev.millrace.streams.kstream.ForeachAction;
import dev.millrace.streams.kstream.GlobalKTable;
import dev.millrace.streams.kstream.Grouped;
import dev.millrace.streams.kstream.Joined;
import dev.millrace.streams.kstream.KGroupedStream;
import dev.millrace.streams.kstream.KStream;
import dev.millrace.streams.kstream.KTable;
import dev.millrace.streams.kstream.KeyValueMapper;
import dev.millrace.streams.kstream.Materialized;
import dev.millrace.streams.kstream.Named;
import dev.millrace.streams.kstream.Predicate;
import dev.millrace.streams.kstream.Printed;
import dev.millrace.streams.kstream.Produced;
import dev.millrace.streams.kstream.Repartitioned;
import dev.millrace.streams.kstream.ValueJoiner;
import dev.millrace.streams.kstream.ValueJoinerWithKey;
import dev.millrace.streams.kstream.ValueMapper;
import dev.millrace.streams.kstream.ValueMapperWithKey;
import dev.millrace.streams.kstream.internals.graph.GraphNode;
import dev.millrace.streams.kstream.internals.graph.ProcessorGraphNode;
import dev.millrace.streams.kstream.internals.graph.ProcessorParameters;
import dev.millrace.streams.kstream.internals.graph.RepartitionNode;
import dev.millrace.streams.kstream.internals.graph.StreamSinkNode;
import dev.millrace.streams.processor.StreamPartitioner;
import dev.millrace.streams.processor.TopicNameExtractor;
import dev.millrace.streams.processor.api.FixedKeyProcessorSupplier;
import dev.millrace.streams.processor.api.ProcessorSupplier;
import dev.millrace.streams.processor.internals.StaticTopicNameExtractor;
import dev.millrace.streams.processor.internals.SupplierChecks;
import dev.millrace.streams.state.KeyValueStore;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@link KStream} implementation: each operator adds a graph node named like Kafka Streams' and returns a new
 * stream that remembers whether its keys may have changed (then the next stateful operator repartitions).
 * Stream-table joins live in {@link KStreamTableJoins}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class KStreamImpl<K, V> extends KStreamGlobalJoins<K, V> {

    static final String SOURCE_NAME = "KSTREAM-SOURCE-";
    static final String SINK_NAME = "KSTREAM-SINK-";
    static final String REPARTITION_TOPIC_SUFFIX = "-repartition";
    static final String MERGE_NAME = "KSTREAM-MERGE-";
    static final String FILTER_NAME = "KSTREAM-FILTER-";
    private static final String PEEK_NAME = "KSTREAM-PEEK-";
    private static final String FLATMAP_NAME = "KSTREAM-FLATMAP-";
    private static final String FLATMAPVALUES_NAME = "KSTREAM-FLATMAPVALUES-";
    private static final String MAP_NAME = "KSTREAM-MAP-";
    private static final String MAPVALUES_NAME = "KSTREAM-MAPVALUES-";
    private static final String PROCESSOR_NAME = "KSTREAM-PROCESSOR-";
    private static final String PROCESSVALUES_NAME = "KSTREAM-PROCESSVALUES-";
    private static final String PRINTING_NAME = "KSTREAM-PRINTER-";
    private static final String KEY_SELECT_NAME = "KSTREAM-KEY-SELECT-";
    private static final String FOREACH_NAME = "KSTREAM-FOREACH-";
    private static final String TO_KTABLE_NAME = "KSTREAM-TOTABLE-";
    private static final String REPARTITION_NAME = "KSTREAM-REPARTITION-";

    final boolean repartitionRequired;
    RepartitionNode repartitionNode;

    KStreamImpl(String name, Serde<K> keySerde, Serde<V> valueSerde, Set<String> subTopologySourceNodes,
                boolean repartitionRequired, GraphNode graphNode, InternalStreamsBuilder builder) {
        super(name, keySerde, valueSerde, subTopologySourceNodes, graphNode, builder);
        this.repartitionRequired = repartitionRequired;
    }

    @Override
    final KStreamImpl<K, V> self() {
        return this;
    }

    private <KR, VR> KStreamImpl<KR, VR> child(String childName, Serde<KR> keys, Serde<VR> values, boolean repartition,
                                               GraphNode node) {
        builder.addGraphNode(graphNode, node);
        return new KStreamImpl<>(childName, keys, values, subTopologySourceNodes, repartition, node, builder);
    }

    private ProcessorGraphNode processorNode(String nodeName, ProcessorSupplier<?, ?, ?, ?> supplier) {
        return new ProcessorGraphNode(nodeName, new ProcessorParameters(supplier, nodeName));
    }

    private ProcessorGraphNode fixedKeyNode(String nodeName, FixedKeyProcessorSupplier<?, ?, ?> supplier) {
        return new ProcessorGraphNode(nodeName, new ProcessorParameters(supplier, nodeName));
    }

    @Override
    public KStream<K, V> filter(Predicate<? super K, ? super V> predicate) {
        return filter(predicate, NamedInternal.empty());
    }

    @Override
    public KStream<K, V> filter(Predicate<? super K, ? super V> predicate, Named named) {
        return doFilter(predicate, named, false);
    }

    @Override
    public KStream<K, V> filterNot(Predicate<? super K, ? super V> predicate) {
        return filterNot(predicate, NamedInternal.empty());
    }

    @Override
    public KStream<K, V> filterNot(Predicate<? super K, ? super V> predicate, Named named) {
        return doFilter(predicate, named, true);
    }

    private KStream<K, V> doFilter(Predicate<? super K, ? super V> predicate, Named named, boolean not) {
        Objects.requireNonNull(predicate, "predicate cannot be null");
        Objects.requireNonNull(named, "named cannot be null");
        String nodeName = new NamedInternal(named).orElseGenerateWithPrefix(builder, FILTER_NAME);
        return child(nodeName, keySerde, valueSerde, repartitionRequired,
                processorNode(nodeName, StreamOperators.filter(predicate, not)));
    }

    @Override
    public <KOut> KStream<KOut, V> selectKey(KeyValueMapper<? super K, ? super V, ? extends KOut> mapper) {
        return selectKey(mapper, NamedInternal.empty());
    }

    @Override
    public <KOut> KStream<KOut, V> selectKey(KeyValueMapper<? super K, ? super V, ? extends KOut> mapper,
                                             Named named) {
        Objects.requireNonNull(mapper, "mapper cannot be null");
        Objects.requireNonNull(named, "named cannot be null");
        ProcessorGraphNode node = selectKeyNode(mapper, new NamedInternal(named));
        return child(node.nodeName(), null, valueSerde, true, node);
    }

    private <KR> ProcessorGraphNode selectKeyNode(KeyValueMapper<? super K, ? super V, ? extends KR> mapper,
                                                  NamedInternal named) {
        String nodeName = named.orElseGenerateWithPrefix(builder, KEY_SELECT_NAME);
        ProcessorGraphNode node = processorNode(nodeName,
                StreamOperators.<K, V, KR, V>map((key, value) -> new KeyValue<>(mapper.apply(key, value), value)));
        node.setKeyChangingOperation(true);
        return node;
    }

    @Override
    public <VOut> KStream<K, VOut> mapValues(ValueMapper<? super V, ? extends VOut> mapper) {
        return mapValues(withKey(mapper), NamedInternal.empty());
    }

    @Override
    public <VOut> KStream<K, VOut> mapValues(ValueMapper<? super V, ? extends VOut> mapper, Named named) {
        return mapValues(withKey(mapper), named);
    }

    @Override
    public <VOut> KStream<K, VOut> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VOut> mapper) {
        return mapValues(mapper, NamedInternal.empty());
    }

    @Override
    public <VOut> KStream<K, VOut> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VOut> mapper,
                                             Named named) {
        Objects.requireNonNull(mapper, "mapper cannot be null");
        Objects.requireNonNull(named, "named cannot be null");
        String nodeName = new NamedInternal(named).orElseGenerateWithPrefix(builder, MAPVALUES_NAME);
        ProcessorGraphNode node = fixedKeyNode(nodeName, StreamOperators.mapValues(mapper));
        node.setValueChangingOperation(true);
        return child(nodeName, keySerde, null, repartitionRequired, node);
    }

    static <K, V, VR> ValueMapperWithKey<K, V, VR> withKey(ValueMapper<? super V, ? extends VR> mapper) {
        Objects.requireNonNull(mapper, "mapper cannot be null");
        return (readOnlyKey, value) -> mapper.apply(value);
    }

    @Override
    public <KOut, VOut> KStream<KOut, VOut> map(
            KeyValueMapper<? super K, ? super V, ? extends KeyValue<? extends KOut, ? extends VOut>> mapper) {
        return map(mapper, NamedInternal.empty());
    }

    @Override
    public <KOut, VOut> KStream<KOut, VOut> map(
            KeyValueMapper<? super K, ? super V, ? extends KeyValue<? extends KOut, ? extends VOut>> mapper,
            Named named) {
        Objects.requireNonNull(mapper, "mapper cannot be null");
        Objects.requireNonNull(named, "named cannot be null");
        String nodeName = new NamedInternal(named).orElseGenerateWithPrefix(builder, MAP_NAME);
        ProcessorGraphNode node = processorNode(nodeName, StreamOperators.map(mapper));
        node.setKeyChangingOperation(true);
        return child(nodeName, null, null, true, node);
    }

    @Override
    public <KOut, VOut> KStream<KOut, VOut> flatMap(KeyValueMapper<? super K, ? super V,
            ? extends Iterable<? extends KeyValue<? extends KOut, ? extends VOut>>> mapper) {
        return flatMap(mapper, NamedInternal.empty());
    }

    @Override
    public <KOut, VOut> KStream<KOut, VOut> flatMap(KeyValueMapper<? super K, ? super V,
            ? extends Iterable<? extends KeyValue<? extends KOut, ? extends VOut>>> mapper, Named named) {
        Objects.requireNonNull(mapper, "mapper cannot be null");
        Objects.requireNonNull(named, "named cannot be null");
        String nodeName = new NamedInternal(named).orElseGenerateWithPrefix(builder, FLATMAP_NAME);
        ProcessorGraphNode node = processorNode(nodeName, StreamOperators.flatMap(mapper));
        node.setKeyChangingOperation(true);
        return child(nodeName, null, null, true, node);
    }

    @Override
    public <VOut> KStream<K, VOut> flatMapValues(ValueMapper<? super V, ? extends Iterable<? extends VOut>> mapper) {
        return flatMapValues(withKey(mapper), NamedInternal.empty());
    }

    @Override
    public <VOut> KStream<K, VOut> flatMapValues(ValueMapper<? super V, ? extends Iterable<? extends VOut>> mapper,
                                                 Named named) {
        return flatMapValues(withKey(mapper), named);
    }

    @Override
    public <VOut> KStream<K, VOut> flatMapValues(
            ValueMapperWithKey<? super K, ? super V, ? extends Iterable<? extends VOut>> mapper) {
        return flatMapValues(mapper, NamedInternal.empty());
    }

    @Override
    public <VOut> KStream<K, VOut> flatMapValues(
            ValueMapperWithKey<? super K, ? super V, ? extends Iterable<? extends VOut>> mapper, Named named) {
        Objects.requireNonNull(mapper, "mapper cannot be null");
        Objects.requireNonNull(named, "named cannot be null");
        String nodeName = new NamedInternal(named).orElseGenerateWithPrefix(builder, FLATMAPVALUES_NAME);
        ProcessorGraphNode node = fixedKeyNode(nodeName, StreamOperators.flatMapValues(mapper));
        node.setValueChangingOperation(true);
        return child(nodeName, keySerde, null, repartitionRequired, node);
    }

    @Override
    public void print(Printed<K, V> printed) {
        Objects.requireNonNull(printed, "printed cannot be null");
        PrintedInternal<K, V> internal = new PrintedInternal<>(printed);
        String nodeName = new NamedInternal(internal.name()).orElseGenerateWithPrefix(builder, PRINTING_NAME);
        builder.addGraphNode(graphNode, processorNode(nodeName, new PrintProcessorSupplier<>(internal, name)));
    }

    @Override
    public void foreach(ForeachAction<? super K, ? super V> action) {
        foreach(action, NamedInternal.empty());
    }

    @Override
    public void foreach(ForeachAction<? super K, ? super V> action, Named named) {
        Objects.requireNonNull(action, "action cannot be null");
        Objects.requireNonNull(named, "named cannot be null");
        String nodeName = new NamedInternal(named).orElseGenerateWithPrefix(builder, FOREACH_NAME);
        builder.addGraphNode(graphNode, processorNode(nodeName, StreamOperators.foreach(action)));
    }

    @Override
    public KStream<K, V> peek(ForeachAction<? super K, ? super V> action) {
        return peek(action, NamedInternal.empty());
    }

    @Override
    public KStream<K, V> peek(ForeachAction<? super K, ? super V> action, Named named) {
        Objects.requireNonNull(action, "action cannot be null");
        Objects.requireNonNull(named, "named cannot be null");
        String nodeName = new NamedInternal(named).orElseGenerateWithPrefix(builder, PEEK_NAME);
        return child(nodeName, keySerde, valueSerde, repartitionRequired,
                fixedKeyNode(nodeName, StreamOperators.peek(action)));
    }

    @Override
    public BranchedKStream<K, V> split() {
        return new BranchedKStreamImpl<>(this, repartitionRequired, NamedInternal.empty());
    }

    @Override
    public BranchedKStream<K, V> split(Named named) {
        Objects.requireNonNull(named, "named cannot be null");
        return new BranchedKStreamImpl<>(this, repartitionRequired, new NamedInternal(named));
    }

    @Override
    public KStream<K, V> merge(KStream<K, V> otherStream) {
        return merge(otherStream, NamedInternal.empty());
    }

    @Override
    public KStream<K, V> merge(KStream<K, V> otherStream, Named named) {
        Objects.requireNonNull(otherStream, "otherStream cannot be null");
        Objects.requireNonNull(named, "named cannot be null");
        KStreamImpl<K, V> other = (KStreamImpl<K, V>) otherStream;
        String nodeName = new NamedInternal(named).orElseGenerateWithPrefix(builder, MERGE_NAME);
        Set<String> sources = new HashSet<>(subTopologySourceNodes);
        sources.addAll(other.subTopologySourceNodes);
        ProcessorGraphNode node = processorNode(nodeName, StreamOperators.passThrough());
        node.setMergeNode(true);
        builder.addGraphNode(List.of(graphNode, other.graphNode), node);
        return new KStreamImpl<>(nodeName, null, null, sources, repartitionRequired || other.repartitionRequired,
                node, builder);
    }

    @Override
    public KStream<K, V> repartition() {
        return repartition(Repartitioned.as(null));
    }

    @Override
    public KStream<K, V> repartition(Repartitioned<K, V> repartitioned) {
        Objects.requireNonNull(repartitioned, "repartitioned cannot be null");
        RepartitionedInternal<K, V> internal = new RepartitionedInternal<>(repartitioned);
        String prefix = internal.name() != null ? internal.name() : builder.newProcessorName(REPARTITION_NAME);
        Serde<V> values = internal.valueSerde() == null ? valueSerde : internal.valueSerde();
        Serde<K> keys = internal.keySerde() == null ? keySerde : internal.keySerde();
        RepartitionNode node = createRepartitionNode(builder, RepartitionNode.Kind.UNOPTIMIZABLE, internal.keySerde(),
                values, prefix, internal.streamPartitioner(), internal.numberOfPartitions());
        builder.addGraphNode(graphNode, node);
        return new KStreamImpl<>(node.nodeName(), keys, values, Set.of(node.nodeName()), false, node, builder);
    }

    /**
     * Creates a repartition node with Kafka's names: the topic is {@code <prefix>-repartition}; sink, filter and
     * source names are generated (burning three counter values) unless the prefix is a user's name, then they are
     * the topic name plus {@code -sink}, {@code -filter} and {@code -source}.
     */
    static RepartitionNode createRepartitionNode(InternalStreamsBuilder builder, RepartitionNode.Kind kind,
                                                 Serde<?> keySerde, Serde<?> valueSerde, String prefix,
                                                 StreamPartitioner<?, ?> partitioner, Integer partitions) {
        String topic = prefix.endsWith(REPARTITION_TOPIC_SUFFIX) ? prefix : prefix + REPARTITION_TOPIC_SUFFIX;
        String sinkName = builder.newProcessorName(SINK_NAME);
        String filterName = builder.newProcessorName(FILTER_NAME);
        String sourceName = builder.newProcessorName(SOURCE_NAME);
        if (!prefix.matches("KSTREAM.*-[0-9]{10}")) {
            sinkName = topic + "-sink";
            sourceName = topic + "-source";
            filterName = topic + "-filter";
        }
        ProcessorParameters filter = new ProcessorParameters(StreamOperators.filter((k, v) -> true, false),
                filterName);
        return new RepartitionNode(kind, sourceName, sinkName, topic, keySerde, valueSerde, partitioner, partitions,
                filter);
    }

    /** Repartitions for a join or table, reusing this stream's node when the name is the stream's own. */
    KStreamImpl<K, V> repartitionForJoin(String repartitionName, Serde<K> keyOverride, Serde<V> valueOverride) {
        Serde<K> keys = keyOverride != null ? keyOverride : keySerde;
        Serde<V> values = valueOverride != null ? valueOverride : valueSerde;
        RepartitionNode created = createRepartitionNode(builder, RepartitionNode.Kind.OPTIMIZABLE, keys, values,
                repartitionName, null, null);
        if (repartitionNode == null || !name.equals(repartitionName)) {
            repartitionNode = created;
            builder.addGraphNode(graphNode, repartitionNode);
        }
        return new KStreamImpl<>(created.nodeName(), keys, values, Set.of(created.nodeName()), false, repartitionNode,
                builder);
    }

    @Override
    public void to(String topic) {
        to(topic, Produced.with(keySerde, valueSerde, null));
    }

    @Override
    public void to(String topic, Produced<K, V> produced) {
        to(new StaticTopicNameExtractor<>(topic), produced);
    }

    @Override
    public void to(TopicNameExtractor<K, V> topicExtractor) {
        to(topicExtractor, Produced.with(keySerde, valueSerde, null));
    }

    @Override
    public void to(TopicNameExtractor<K, V> topicExtractor, Produced<K, V> produced) {
        Objects.requireNonNull(topicExtractor, "topicExtractor cannot be null");
        Objects.requireNonNull(produced, "produced cannot be null");
        ProducedInternal<K, V> internal = new ProducedInternal<>(produced);
        if (internal.keySerde() == null) {
            internal.withKeySerde(keySerde);
        }
        if (internal.valueSerde() == null) {
            internal.withValueSerde(valueSerde);
        }
        String nodeName = new NamedInternal(internal.name()).orElseGenerateWithPrefix(builder, SINK_NAME);
        builder.addGraphNode(graphNode, new StreamSinkNode<>(nodeName, topicExtractor, internal));
    }

    @Override
    public KTable<K, V> toTable() {
        return toTable(NamedInternal.empty(), Materialized.with(keySerde, valueSerde));
    }

    @Override
    public KTable<K, V> toTable(Named named) {
        return toTable(named, Materialized.with(keySerde, valueSerde));
    }

    @Override
    public KTable<K, V> toTable(Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
        return toTable(NamedInternal.empty(), materialized);
    }

    @Override
    public KTable<K, V> toTable(Named named, Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
        Objects.requireNonNull(named, "named cannot be null");
        Objects.requireNonNull(materialized, "materialized cannot be null");
        NamedInternal namedInternal = new NamedInternal(named);
        String nodeName = namedInternal.orElseGenerateWithPrefix(builder, TO_KTABLE_NAME);
        MaterializedInternal<K, V, KeyValueStore<Bytes, byte[]>> internal =
                new MaterializedInternal<>(materialized, builder, TO_KTABLE_NAME);
        Serde<K> keys = internal.keySerde() == null ? keySerde : internal.keySerde();
        Serde<V> values = internal.valueSerde() == null ? valueSerde : internal.valueSerde();
        Set<String> sources = subTopologySourceNodes;
        GraphNode parent = graphNode;
        if (repartitionRequired) {
            RepartitionNode repartition = createRepartitionNode(builder, RepartitionNode.Kind.OPTIMIZABLE, keys,
                    values, nodeName, null, null);
            builder.addGraphNode(graphNode, repartition);
            parent = repartition;
            sources = Set.of(repartition.nodeName());
        }
        KTableSource<K, V> tableSource = new KTableSource<>(internal);
        GraphNode tableNode = new ProcessorGraphNode(nodeName, new ProcessorParameters(tableSource, nodeName));
        builder.addGraphNode(parent, tableNode);
        return new KTableImpl<>(nodeName, keys, values, sources, internal.queryableStoreName(), tableSource,
                tableNode, builder);
    }

    @Override
    public KGroupedStream<K, V> groupByKey() {
        return groupByKey(Grouped.with(keySerde, valueSerde));
    }

    @Override
    public KGroupedStream<K, V> groupByKey(Grouped<K, V> grouped) {
        Objects.requireNonNull(grouped, "grouped cannot be null");
        return new KGroupedStreamImpl<>(name, subTopologySourceNodes, new GroupedInternal<>(grouped),
                repartitionRequired, graphNode, builder);
    }

    @Override
    public <KOut> KGroupedStream<KOut, V> groupBy(KeyValueMapper<? super K, ? super V, KOut> keySelector) {
        return groupBy(keySelector, Grouped.with(null, valueSerde));
    }

    @Override
    public <KOut> KGroupedStream<KOut, V> groupBy(KeyValueMapper<? super K, ? super V, KOut> keySelector,
                                                  Grouped<KOut, V> grouped) {
        Objects.requireNonNull(keySelector, "keySelector cannot be null");
        Objects.requireNonNull(grouped, "grouped cannot be null");
        GroupedInternal<KOut, V> internal = new GroupedInternal<>(grouped);
        ProcessorGraphNode node = selectKeyNode(keySelector, new NamedInternal(internal.name()));
        builder.addGraphNode(graphNode, node);
        return new KGroupedStreamImpl<>(node.nodeName(), subTopologySourceNodes, internal, true, node, builder);
    }

    @Override
    public <KOut, VOut> KStream<KOut, VOut> process(
            ProcessorSupplier<? super K, ? super V, ? extends KOut, ? extends VOut> processorSupplier,
            String... stateStoreNames) {
        return process(processorSupplier, Named.as(builder.newProcessorName(PROCESSOR_NAME)), stateStoreNames);
    }

    @Override
    public <KOut, VOut> KStream<KOut, VOut> process(
            ProcessorSupplier<? super K, ? super V, ? extends KOut, ? extends VOut> processorSupplier, Named named,
            String... stateStoreNames) {
        SupplierChecks.checkSupplier(processorSupplier);
        String nodeName = checkProcessArguments(named, stateStoreNames);
        return child(nodeName, null, null, true, new ProcessorGraphNode(nodeName,
                new ProcessorParameters(processorSupplier, nodeName), stateStoreNames));
    }

    @Override
    public <VOut> KStream<K, VOut> processValues(
            FixedKeyProcessorSupplier<? super K, ? super V, ? extends VOut> processorSupplier,
            String... stateStoreNames) {
        return processValues(processorSupplier, Named.as(builder.newProcessorName(PROCESSVALUES_NAME)),
                stateStoreNames);
    }

    @Override
    public <VOut> KStream<K, VOut> processValues(
            FixedKeyProcessorSupplier<? super K, ? super V, ? extends VOut> processorSupplier, Named named,
            String... stateStoreNames) {
        SupplierChecks.checkSupplier(processorSupplier);
        String nodeName = checkProcessArguments(named, stateStoreNames);
        return child(nodeName, keySerde, null, repartitionRequired, new ProcessorGraphNode(nodeName,
                new ProcessorParameters(processorSupplier, nodeName), stateStoreNames));
    }

    private static String checkProcessArguments(Named named, String... stateStoreNames) {
        Objects.requireNonNull(named, "named cannot be null");
        Objects.requireNonNull(stateStoreNames, "stateStoreNames cannot be a null array");
        for (String storeName : stateStoreNames) {
            Objects.requireNonNull(storeName, "state store name cannot be null");
        }
        return new NamedInternal(named).name();
    }

    // ---- stream-table and stream-global-table joins: see KStreamTableJoins ----------------------------------------

    @Override
    public <VT, VOut> KStream<K, VOut> join(KTable<K, VT> table,
                                            ValueJoiner<? super V, ? super VT, ? extends VOut> joiner) {
        return join(table, toJoinerWithKey(joiner), Joined.with(null, null, null));
    }

    @Override
    public <VT, VOut> KStream<K, VOut> join(KTable<K, VT> table,
                                            ValueJoinerWithKey<? super K, ? super V, ? super VT, ? extends VOut> j) {
        return join(table, j, Joined.with(null, null, null));
    }

    @Override
    public <VT, VOut> KStream<K, VOut> join(KTable<K, VT> table,
                                            ValueJoiner<? super V, ? super VT, ? extends VOut> joiner,
                                            Joined<K, V, VT> joined) {
        return join(table, toJoinerWithKey(joiner), joined);
    }

    @Override
    public <VT, VOut> KStream<K, VOut> join(KTable<K, VT> table,
                                            ValueJoinerWithKey<? super K, ? super V, ? super VT, ? extends VOut> j,
                                            Joined<K, V, VT> joined) {
        return KStreamTableJoins.streamTableJoin(this, table, j, joined, false);
    }

    @Override
    public <VT, VOut> KStream<K, VOut> leftJoin(KTable<K, VT> table,
                                                ValueJoiner<? super V, ? super VT, ? extends VOut> joiner) {
        return leftJoin(table, toJoinerWithKey(joiner), Joined.with(null, null, null));
    }

    @Override
    public <VT, VOut> KStream<K, VOut> leftJoin(KTable<K, VT> table,
                                                ValueJoinerWithKey<? super K, ? super V, ? super VT, ? extends VOut>
                                                        j) {
        return leftJoin(table, j, Joined.with(null, null, null));
    }

    @Override
    public <VT, VOut> KStream<K, VOut> leftJoin(KTable<K, VT> table,
                                                ValueJoiner<? super V, ? super VT, ? extends VOut> joiner,
                                                Joined<K, V, VT> joined) {
        return leftJoin(table, toJoinerWithKey(joiner), joined);
    }

    @Override
    public <VT, VOut> KStream<K, VOut> leftJoin(KTable<K, VT> table,
                                                ValueJoinerWithKey<? super K, ? super V, ? super VT, ? extends VOut>
                                                        j, Joined<K, V, VT> joined) {
        return KStreamTableJoins.streamTableJoin(this, table, j, joined, true);
    }

    static <K, V1, V2, VR> ValueJoinerWithKey<K, V1, V2, VR> toJoinerWithKey(
            ValueJoiner<? super V1, ? super V2, ? extends VR> joiner) {
        Objects.requireNonNull(joiner, "joiner cannot be null");
        return (readOnlyKey, value1, value2) -> joiner.apply(value1, value2);
    }
}
