package dev.millrace.streams.kstream.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.StreamsConfig;
import dev.millrace.streams.errors.TopologyException;
import dev.millrace.streams.kstream.GlobalKTable;
import dev.millrace.streams.kstream.KStream;
import dev.millrace.streams.kstream.KTable;
import dev.millrace.streams.kstream.internals.graph.GlobalStoreNode;
import dev.millrace.streams.kstream.internals.graph.GraphNode;
import dev.millrace.streams.kstream.internals.graph.ProcessorParameters;
import dev.millrace.streams.kstream.internals.graph.RepartitionNode;
import dev.millrace.streams.kstream.internals.graph.StateStoreNode;
import dev.millrace.streams.kstream.internals.graph.StreamSourceNode;
import dev.millrace.streams.kstream.internals.graph.TableSourceNode;
import dev.millrace.streams.processor.api.ProcessorSupplier;
import dev.millrace.streams.processor.internals.InternalTopologyBuilder;
import dev.millrace.streams.processor.internals.StoreFactory;
import dev.millrace.streams.state.KeyValueStore;
import dev.millrace.streams.state.VersionedBytesStoreSupplier;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The DSL's graph and name generator behind {@code StreamsBuilder}: operations add {@link GraphNode}s here (each
 * gets the next build priority), names come from one counter shared by processors and stores (Kafka's 10-digit
 * suffixes), and {@link #buildAndOptimizeTopology(Properties)} merges duplicate sources, applies the configured
 * optimizations and writes the graph to the {@link InternalTopologyBuilder} in Kafka's order.
 *
 * <p>Owning thread: the thread building the topology.
 */
public class InternalStreamsBuilder implements InternalNameProvider {

    static final String TABLE_SOURCE_SUFFIX = "-source";

    private final InternalTopologyBuilder internalTopologyBuilder;
    private final GraphNode root = new GraphNode("root") {
        @Override
        public void writeToTopology(InternalTopologyBuilder builder) {
        }
    };
    private final Map<GraphNode, Set<RepartitionNode>> keyChangingToRepartitions = new LinkedHashMap<>();
    private final Set<GraphNode> mergeNodes = new LinkedHashSet<>();
    private final Set<TableSourceNode> tableSourceNodes = new LinkedHashSet<>();
    private int index;
    private int buildPriorityIndex;

    /**
     * Creates the builder.
     *
     * @param internalTopologyBuilder the topology to write to
     */
    public InternalStreamsBuilder(InternalTopologyBuilder internalTopologyBuilder) {
        this.internalTopologyBuilder = internalTopologyBuilder;
    }

    /** @return the topology builder */
    public InternalTopologyBuilder internalTopologyBuilder() {
        return internalTopologyBuilder;
    }

    /** @return the graph's root */
    GraphNode root() {
        return root;
    }

    @Override
    public String newProcessorName(String prefix) {
        return prefix + String.format("%010d", index++);
    }

    @Override
    public String newStoreName(String prefix) {
        return prefix + String.format(KTableImpl.STATE_STORE_NAME + "%010d", index++);
    }

    /**
     * Creates a stream of named topics.
     *
     * @param topics the topics
     * @param consumed the options
     * @param <K> the key type
     * @param <V> the value type
     * @return the stream
     */
    public <K, V> KStream<K, V> stream(Collection<String> topics, ConsumedInternal<K, V> consumed) {
        String name = new NamedInternal(consumed.name()).orElseGenerateWithPrefix(this, KStreamImpl.SOURCE_NAME);
        StreamSourceNode node = new StreamSourceNode(name, topics, consumed);
        addGraphNode(root, node);
        return new KStreamImpl<>(name, consumed.keySerde(), consumed.valueSerde(), Collections.singleton(name), false,
                node, this);
    }

    /**
     * Creates a stream of the topics matching a pattern.
     *
     * @param pattern the pattern
     * @param consumed the options
     * @param <K> the key type
     * @param <V> the value type
     * @return the stream
     */
    public <K, V> KStream<K, V> stream(Pattern pattern, ConsumedInternal<K, V> consumed) {
        String name = new NamedInternal(consumed.name()).orElseGenerateWithPrefix(this, KStreamImpl.SOURCE_NAME);
        StreamSourceNode node = new StreamSourceNode(name, pattern, consumed);
        addGraphNode(root, node);
        return new KStreamImpl<>(name, consumed.keySerde(), consumed.valueSerde(), Collections.singleton(name), false,
                node, this);
    }

    /**
     * Creates a table of a topic.
     *
     * @param topic the topic
     * @param consumed the options
     * @param materialized the store options, with a store name
     * @param <K> the key type
     * @param <V> the value type
     * @return the table
     */
    public <K, V> KTable<K, V> table(String topic, ConsumedInternal<K, V> consumed,
                                     MaterializedInternal<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
        NamedInternal named = new NamedInternal(consumed.name());
        String sourceName = named.suffixWithOrElseGet(TABLE_SOURCE_SUFFIX, this, KStreamImpl.SOURCE_NAME);
        String tableSourceName = named.orElseGenerateWithPrefix(this, KTableImpl.SOURCE_NAME);
        KTableSource<K, V> tableSource = new KTableSource<>(materialized);
        TableSourceNode node = new TableSourceNode(tableSourceName, sourceName, topic, consumed,
                new ProcessorParameters(tableSource, tableSourceName), false);
        addGraphNode(root, node);
        return new KTableImpl<>(tableSourceName, consumed.keySerde(), consumed.valueSerde(),
                Collections.singleton(sourceName), materialized.queryableStoreName(), tableSource, node, this);
    }

    /**
     * Creates a global table of a topic.
     *
     * @param topic the topic
     * @param consumed the options
     * @param materialized the store options, with a store name (logging is turned off)
     * @param <K> the key type
     * @param <V> the value type
     * @return the global table
     */
    public <K, V> GlobalKTable<K, V> globalTable(String topic, ConsumedInternal<K, V> consumed,
                                                 MaterializedInternal<K, V, KeyValueStore<Bytes, byte[]>>
                                                         materialized) {
        Objects.requireNonNull(consumed, "consumed can't be null");
        Objects.requireNonNull(materialized, "materialized can't be null");
        if (materialized.storeSupplier() instanceof VersionedBytesStoreSupplier) {
            throw new TopologyException("GlobalTables cannot be versioned.");
        }
        materialized.withLoggingDisabled();
        NamedInternal named = new NamedInternal(consumed.name());
        String sourceName = named.suffixWithOrElseGet(TABLE_SOURCE_SUFFIX, this, KStreamImpl.SOURCE_NAME);
        String processorName = named.orElseGenerateWithPrefix(this, KTableImpl.SOURCE_NAME);
        KTableSource<K, V> tableSource = new KTableSource<>(materialized);
        tableSource.materialize();
        TableSourceNode node = new TableSourceNode(null, sourceName, topic, consumed,
                new ProcessorParameters(tableSource, processorName), true);
        addGraphNode(root, node);
        return new GlobalKTableImpl<>(new KTableMaterializedValueGetterSupplier<>(materialized.storeName()),
                materialized.queryableStoreName());
    }

    /**
     * Adds an unconnected store.
     *
     * @param store the store
     */
    public void addStateStore(StoreFactory store) {
        addGraphNode(root, new StateStoreNode(store));
    }

    /**
     * Adds a global store and its update processor.
     *
     * @param storeName the store's name
     * @param topic the topic
     * @param consumed the options
     * @param updateSupplier the update processor, whose {@code stores()} names the store
     */
    public void addGlobalStore(String storeName, String topic, ConsumedInternal<?, ?> consumed,
                               ProcessorSupplier<?, ?, Void, Void> updateSupplier) {
        NamedInternal named = new NamedInternal(consumed.name());
        String sourceName = named.suffixWithOrElseGet(TABLE_SOURCE_SUFFIX, this, KStreamImpl.SOURCE_NAME);
        String processorName = named.orElseGenerateWithPrefix(this, KTableImpl.SOURCE_NAME);
        addGraphNode(root, new GlobalStoreNode(storeName, sourceName, topic, consumed, processorName,
                updateSupplier));
    }

    /**
     * Adds a node below a parent and records what the optimizer needs.
     *
     * @param parent the parent
     * @param child the new node
     */
    public void addGraphNode(GraphNode parent, GraphNode child) {
        Objects.requireNonNull(parent, "parent node can't be null");
        Objects.requireNonNull(child, "child node can't be null");
        parent.addChild(child);
        recordForOptimization(child);
    }

    /**
     * Adds a node below several parents (merge, joins).
     *
     * @param parents the parents
     * @param child the new node
     */
    public void addGraphNode(Collection<GraphNode> parents, GraphNode child) {
        for (GraphNode parent : parents) {
            addGraphNode(parent, child);
        }
    }

    private void recordForOptimization(GraphNode node) {
        node.setBuildPriority(buildPriorityIndex++);
        if (node.isKeyChangingOperation()) {
            keyChangingToRepartitions.put(node, new LinkedHashSet<>());
        } else if (node instanceof RepartitionNode repartition
                && repartition.kind() == RepartitionNode.Kind.OPTIMIZABLE) {
            GraphNode keyChanger = RepartitionOptimizer.keyChangingParent(node);
            if (keyChanger != null) {
                keyChangingToRepartitions.get(keyChanger).add(repartition);
            }
        } else if (node.isMergeNode()) {
            mergeNodes.add(node);
        } else if (node instanceof TableSourceNode table) {
            tableSourceNodes.add(table);
        }
    }

    /**
     * Writes the graph to the topology builder after merging duplicate sources and applying the optimizations
     * named by {@code topology.optimization}.
     *
     * @param props the configuration, or null
     */
    public void buildAndOptimizeTopology(Properties props) {
        mergeDuplicateSourceNodes();
        Set<String> optimizations = props == null || !props.containsKey(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG)
                ? Set.of()
                : StreamsConfig.verifyTopologyOptimizationConfigs(
                        (String) props.get(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG));
        if (optimizations.contains(StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS)) {
            tableSourceNodes.forEach(node -> node.reuseSourceTopicForChangeLog(true));
        }
        if (optimizations.contains(StreamsConfig.MERGE_REPARTITION_TOPICS)) {
            new RepartitionOptimizer(this, keyChangingToRepartitions, mergeNodes).mergeRepartitionTopics();
        }
        RepartitionOptimizer.relaxNullKeyFilters(root);
        PriorityQueue<GraphNode> queue = new PriorityQueue<>(5, Comparator.comparing(GraphNode::buildPriority));
        queue.offer(root);
        while (!queue.isEmpty()) {
            GraphNode node = queue.remove();
            if (node.allParentsWrittenToTopology() && !node.hasWrittenToTopology()) {
                node.writeToTopology(internalTopologyBuilder);
                node.setHasWrittenToTopology(true);
            }
            for (GraphNode child : node.children()) {
                queue.offer(child);
            }
        }
    }

    private void mergeDuplicateSourceNodes() {
        Map<String, StreamSourceNode> byTopic = new HashMap<>();
        Map<Pattern, StreamSourceNode> byPattern =
                new TreeMap<>(Comparator.comparing(Pattern::pattern).thenComparing(Pattern::flags));
        for (GraphNode node : root.children()) {
            if (!(node instanceof StreamSourceNode source)) {
                continue;
            }
            if (source.topicPattern().isPresent()) {
                StreamSourceNode main = byPattern.get(source.topicPattern().get());
                if (main == null) {
                    byPattern.put(source.topicPattern().get(), source);
                } else {
                    main.merge(source);
                    root.removeChild(source);
                }
                continue;
            }
            Set<String> topics = source.topicNames().orElseThrow();
            StreamSourceNode main = null;
            for (String topic : topics) {
                StreamSourceNode owner = byTopic.get(topic);
                if (owner != null && main != null && owner != main) {
                    throw new TopologyException("Two source nodes are subscribed to overlapping but not equal input "
                            + "topics");
                }
                main = owner != null ? owner : main;
            }
            if (main == null) {
                topics.forEach(topic -> byTopic.put(topic, source));
            } else if (!main.topicNames().orElseThrow().equals(topics)) {
                throw new TopologyException("Two source nodes are subscribed to overlapping but not equal input "
                        + "topics");
            } else {
                main.merge(source);
                root.removeChild(source);
            }
        }
    }
}
