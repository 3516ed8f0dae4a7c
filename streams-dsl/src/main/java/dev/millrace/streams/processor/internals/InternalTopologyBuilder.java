package dev.millrace.streams.processor.internals;

import dev.millrace.common.serialization.Deserializer;
import dev.millrace.common.serialization.Serializer;
import dev.millrace.streams.errors.TopologyException;
import dev.millrace.streams.processor.StreamPartitioner;
import dev.millrace.streams.processor.TimestampExtractor;
import dev.millrace.streams.processor.TopicNameExtractor;
import dev.millrace.streams.processor.api.FixedKeyProcessorSupplier;
import dev.millrace.streams.processor.api.ProcessorSupplier;
import dev.millrace.streams.state.StoreBuilder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The logical topology behind {@link dev.millrace.streams.Topology} and the DSL: nodes in insertion order, stores,
 * internal topics, and the grouping of nodes into sub-topologies (connected components over edges and shared stores,
 * numbered in insertion order of their first node, as Kafka Streams numbers them). It validates every addition with
 * Kafka's rules and messages, describes itself, and builds fresh runtime graphs per task.
 *
 * <p>Owning thread: the thread building the topology; building tasks afterwards only reads it.
 */
public class InternalTopologyBuilder {

    private final Map<String, NodeFactory> nodeFactories = new LinkedHashMap<>();
    private final Map<String, StoreFactory> stateFactories = new HashMap<>();
    private final Map<String, StoreFactory> globalStateFactories = new LinkedHashMap<>();
    private final Set<String> rawSourceTopicNames = new LinkedHashSet<>();
    private final Set<String> globalTopics = new HashSet<>();
    private final Map<String, InternalTopicProperties> internalTopics = new HashMap<>();
    private final Map<String, List<String>> nodeToSourceTopics = new HashMap<>();
    private final Map<String, Pattern> nodeToSourcePatterns = new LinkedHashMap<>();
    private final Map<String, String> nodeToSinkTopic = new HashMap<>();
    private final Map<String, String> storeToSourceChangelogTopic = new HashMap<>();
    private final List<Set<String>> copartitionSourceGroups = new ArrayList<>();
    private final QuickUnion<String> nodeGrouper = new QuickUnion<>();
    private String applicationId;

    // ---- building ------------------------------------------------------------------------------------------------

    private void verifyName(String name) {
        Objects.requireNonNull(name, "name cannot be null");
        if (nodeFactories.containsKey(name)) {
            throw new TopologyException("Processor " + name + " is already added.");
        }
    }

    /**
     * Adds a source of named topics.
     *
     * @param name the node name
     * @param timestampExtractor the extractor, or null for the default
     * @param keyDeserializer the key deserializer, or null for the default
     * @param valueDeserializer the value deserializer, or null for the default
     * @param topics the topics
     */
    public final void addSource(String name, TimestampExtractor timestampExtractor, Deserializer<?> keyDeserializer,
                                Deserializer<?> valueDeserializer, String... topics) {
        verifyName(name);
        Objects.requireNonNull(topics, "topics cannot be a null array");
        if (topics.length == 0) {
            throw new TopologyException("topics cannot be empty");
        }
        for (String topic : topics) {
            Objects.requireNonNull(topic, "topic names cannot be null");
            validateTopicNotAlreadyRegistered(topic);
            rawSourceTopicNames.add(topic);
        }
        nodeFactories.put(name, new NodeFactory.SourceFactory(name, topics, null, timestampExtractor,
                keyDeserializer, valueDeserializer));
        nodeToSourceTopics.put(name, List.of(topics));
        nodeGrouper.add(name);
    }

    /**
     * Adds a source of the topics matching a pattern.
     *
     * @param name the node name
     * @param timestampExtractor the extractor, or null for the default
     * @param keyDeserializer the key deserializer, or null for the default
     * @param valueDeserializer the value deserializer, or null for the default
     * @param topicPattern the pattern
     */
    public final void addSource(String name, TimestampExtractor timestampExtractor, Deserializer<?> keyDeserializer,
                                Deserializer<?> valueDeserializer, Pattern topicPattern) {
        verifyName(name);
        Objects.requireNonNull(topicPattern, "topicPattern cannot be null");
        for (String topic : rawSourceTopicNames) {
            if (topicPattern.matcher(topic).matches()) {
                throw new TopologyException("Pattern " + topicPattern
                        + " will match a topic that has already been registered by another source.");
            }
        }
        nodeFactories.put(name, new NodeFactory.SourceFactory(name, null, topicPattern, timestampExtractor,
                keyDeserializer, valueDeserializer));
        nodeToSourcePatterns.put(name, topicPattern);
        nodeGrouper.add(name);
    }

    /**
     * Adds a sink to a fixed topic.
     *
     * @param name the node name
     * @param topic the topic
     * @param keySerializer the key serializer, or null for the default
     * @param valueSerializer the value serializer, or null for the default
     * @param partitioner the partitioner, or null for the default
     * @param predecessorNames the parents
     * @param <K> the key type
     * @param <V> the value type
     */
    public final <K, V> void addSink(String name, String topic, Serializer<K> keySerializer,
                                     Serializer<V> valueSerializer, StreamPartitioner<? super K, ? super V> partitioner,
                                     String... predecessorNames) {
        verifyName(name);
        Objects.requireNonNull(topic, "topic cannot be null");
        verifyParents(name, predecessorNames);
        addSink(name, new StaticTopicNameExtractor<K, V>(topic), keySerializer, valueSerializer, partitioner,
                predecessorNames);
        nodeToSinkTopic.put(name, topic);
    }

    /**
     * Adds a sink whose topic is chosen per record.
     *
     * @param name the node name
     * @param topicExtractor the extractor
     * @param keySerializer the key serializer, or null for the default
     * @param valueSerializer the value serializer, or null for the default
     * @param partitioner the partitioner, or null for the default
     * @param predecessorNames the parents
     * @param <K> the key type
     * @param <V> the value type
     */
    public final <K, V> void addSink(String name, TopicNameExtractor<? super K, ? super V> topicExtractor,
                                     Serializer<K> keySerializer, Serializer<V> valueSerializer,
                                     StreamPartitioner<? super K, ? super V> partitioner,
                                     String... predecessorNames) {
        verifyName(name);
        Objects.requireNonNull(topicExtractor, "topicExtractor cannot be null");
        verifyParents(name, predecessorNames);
        nodeFactories.put(name, new NodeFactory.SinkFactory<>(name, predecessorNames, topicExtractor, keySerializer,
                valueSerializer, partitioner));
        nodeGrouper.add(name);
        nodeGrouper.unite(name, predecessorNames);
    }

    /**
     * Adds a processor.
     *
     * @param name the node name
     * @param supplier the supplier
     * @param predecessorNames the parents
     */
    public final void addProcessor(String name, ProcessorSupplier<?, ?, ?, ?> supplier, String... predecessorNames) {
        verifyName(name);
        SupplierChecks.checkSupplier(supplier);
        verifyParents(name, predecessorNames);
        addProcessorFactory(new NodeFactory.ProcessorFactory(name, predecessorNames, supplier, null));
    }

    /**
     * Adds a fixed-key processor.
     *
     * @param name the node name
     * @param supplier the supplier
     * @param predecessorNames the parents
     */
    public final void addProcessor(String name, FixedKeyProcessorSupplier<?, ?, ?> supplier,
                                   String... predecessorNames) {
        verifyName(name);
        SupplierChecks.checkSupplier(supplier);
        verifyParents(name, predecessorNames);
        addProcessorFactory(new NodeFactory.ProcessorFactory(name, predecessorNames, null, supplier));
    }

    private void addProcessorFactory(NodeFactory.ProcessorFactory factory) {
        nodeFactories.put(factory.name, factory);
        nodeGrouper.add(factory.name);
        nodeGrouper.unite(factory.name, factory.predecessors);
    }

    private void verifyParents(String processorName, String... predecessorNames) {
        Objects.requireNonNull(predecessorNames, "predecessorNames cannot be a null array");
        if (predecessorNames.length == 0) {
            throw new TopologyException("predecessorNames cannot be empty");
        }
        for (String predecessor : predecessorNames) {
            Objects.requireNonNull(predecessor, "parent name cannot be null");
            if (!nodeFactories.containsKey(predecessor)) {
                if (predecessor.equals(processorName)) {
                    throw new TopologyException("Parent node " + predecessor + " is unknown (self-reference).");
                }
                throw new TopologyException("Parent node " + predecessor + " is unknown.");
            }
            if (nodeToSinkTopic.containsKey(predecessor)
                    || nodeFactories.get(predecessor) instanceof NodeFactory.SinkFactory) {
                throw new TopologyException("Sink " + predecessor + " cannot be used a parent.");
            }
        }
    }

    /**
     * Adds a user's store and connects it to processors.
     *
     * @param storeBuilder the builder
     * @param processorNames the processors to connect
     */
    public final void addStateStore(StoreBuilder<?> storeBuilder, String... processorNames) {
        Objects.requireNonNull(storeBuilder, "storeBuilder cannot be null");
        addStateStore(new StoreBuilderWrapper(storeBuilder), false, processorNames);
    }

    /**
     * Adds a store and connects it to processors.
     *
     * @param factory the store factory
     * @param allowOverride whether a different store of the same name may replace it (DSL internals)
     * @param processorNames the processors to connect
     */
    public final void addStateStore(StoreFactory factory, boolean allowOverride, String... processorNames) {
        Objects.requireNonNull(factory, "stateStoreFactory cannot be null");
        String storeName = Objects.requireNonNull(factory.storeName(), "state store name cannot be null");
        StoreFactory existing = stateFactories.get(storeName);
        if (!allowOverride && existing != null && !existing.isCompatibleWith(factory)) {
            throw new TopologyException("A different StateStore has already been added with the name " + storeName);
        }
        if (globalStateFactories.containsKey(storeName)) {
            throw new TopologyException("A different GlobalStateStore has already been added with the name "
                    + storeName);
        }
        stateFactories.put(storeName, factory);
        if (processorNames != null) {
            for (String processorName : processorNames) {
                Objects.requireNonNull(processorName, "processor cannot not be null");
                connectProcessorAndStateStore(processorName, storeName);
            }
        }
    }

    /**
     * Adds a global store: a source of one topic and the processor that updates the store from it.
     *
     * @param sourceName the source node name
     * @param timestampExtractor the extractor, or null
     * @param keyDeserializer the key deserializer, or null
     * @param valueDeserializer the value deserializer, or null
     * @param topic the topic
     * @param processorName the update processor's name
     * @param stateUpdateSupplier the update processor (its {@code stores()} names exactly one store)
     */
    public final void addGlobalStore(String sourceName, TimestampExtractor timestampExtractor,
                                     Deserializer<?> keyDeserializer, Deserializer<?> valueDeserializer, String topic,
                                     String processorName, ProcessorSupplier<?, ?, Void, Void> stateUpdateSupplier) {
        verifyName(sourceName);
        Objects.requireNonNull(topic, "topic cannot be null");
        validateTopicNotAlreadyRegistered(topic);
        verifyName(processorName);
        if (sourceName.equals(processorName)) {
            throw new TopologyException("sourceName and processorName must be different.");
        }
        SupplierChecks.checkSupplier(stateUpdateSupplier);
        Set<StoreBuilder<?>> stores = stateUpdateSupplier.stores();
        if (stores == null || stores.size() != 1) {
            throw new IllegalArgumentException("Global stores must pass in suppliers with exactly one store but got "
                    + (stores != null ? stores.size() : 0));
        }
        StoreFactory factory = new StoreBuilderWrapper(stores.iterator().next());
        String storeName = factory.storeName();
        if (stateFactories.containsKey(storeName)) {
            throw new TopologyException("A different StateStore has already been added with the name " + storeName);
        }
        if (globalStateFactories.containsKey(storeName)) {
            throw new TopologyException("A different GlobalStateStore has already been added with the name "
                    + storeName);
        }
        globalTopics.add(topic);
        nodeFactories.put(sourceName, new NodeFactory.SourceFactory(sourceName, new String[] {topic}, null,
                timestampExtractor, keyDeserializer, valueDeserializer));
        nodeToSourceTopics.put(sourceName, List.of(topic));
        nodeGrouper.add(sourceName);
        NodeFactory.ProcessorFactory processor = new NodeFactory.ProcessorFactory(processorName,
                new String[] {sourceName}, stateUpdateSupplier, null);
        processor.stateStoreNames.add(storeName);
        nodeFactories.put(processorName, processor);
        nodeGrouper.add(processorName);
        nodeGrouper.unite(processorName, sourceName);
        globalStateFactories.put(storeName, factory);
        factory.withLoggingDisabled();
        connectSourceStoreAndTopic(storeName, topic);
    }

    private void validateTopicNotAlreadyRegistered(String topic) {
        if (rawSourceTopicNames.contains(topic) || globalTopics.contains(topic)) {
            throw new TopologyException("Topic " + topic + " has already been registered by another source.");
        }
        for (Pattern pattern : nodeToSourcePatterns.values()) {
            if (pattern.matcher(topic).matches()) {
                throw new TopologyException("Topic " + topic
                        + " matches a Pattern already registered by another source.");
            }
        }
    }

    /**
     * Connects a processor to stores already added.
     *
     * @param processorName the processor
     * @param stateStoreNames the stores
     */
    public final void connectProcessorAndStateStores(String processorName, String... stateStoreNames) {
        Objects.requireNonNull(processorName, "processorName cannot be null");
        Objects.requireNonNull(stateStoreNames, "stateStoreNames cannot be a null array");
        if (stateStoreNames.length == 0) {
            throw new TopologyException("stateStoreNames cannot be empty");
        }
        if (nodeToSourceTopics.containsKey(processorName) || nodeToSourcePatterns.containsKey(processorName)
                || nodeToSinkTopic.containsKey(processorName)) {
            throw new TopologyException("State stores cannot be connect to sources or sinks.");
        }
        for (String stateStoreName : stateStoreNames) {
            Objects.requireNonNull(stateStoreName, "state store name cannot be null");
            connectProcessorAndStateStore(processorName, stateStoreName);
        }
    }

    private void connectProcessorAndStateStore(String processorName, String stateStoreName) {
        if (globalStateFactories.containsKey(stateStoreName)) {
            throw new TopologyException("Global StateStore " + stateStoreName
                    + " can be used by a Processor without being specified; it should not be explicitly passed.");
        }
        if (!stateFactories.containsKey(stateStoreName)) {
            throw new TopologyException("StateStore " + stateStoreName + " is not added yet.");
        }
        if (!nodeFactories.containsKey(processorName)) {
            throw new TopologyException("Processor " + processorName + " is not added yet.");
        }
        StoreFactory factory = stateFactories.get(stateStoreName);
        Iterator<String> users = factory.connectedProcessorNames().iterator();
        if (users.hasNext()) {
            nodeGrouper.unite(users.next(), processorName);
        }
        factory.connectedProcessorNames().add(processorName);
        if (nodeFactories.get(processorName) instanceof NodeFactory.ProcessorFactory processor) {
            processor.stateStoreNames.add(stateStoreName);
        } else {
            throw new TopologyException("cannot connect a state store " + stateStoreName
                    + " to a source node or a sink node.");
        }
    }

    /**
     * Declares that a store's changelog is a source topic (KTable source stores, global stores).
     *
     * @param storeName the store
     * @param topic the topic
     */
    public final void connectSourceStoreAndTopic(String storeName, String topic) {
        if (storeToSourceChangelogTopic.containsKey(storeName)) {
            throw new TopologyException("Source store " + storeName + " is already added.");
        }
        storeToSourceChangelogTopic.put(storeName, topic);
    }

    /**
     * Declares an internal (repartition) topic: the runtime creates it, prefixed with the application id.
     *
     * @param topicName the raw name
     * @param properties its properties
     */
    public final void addInternalTopic(String topicName, InternalTopicProperties properties) {
        Objects.requireNonNull(topicName, "topicName can't be null");
        Objects.requireNonNull(properties, "internalTopicProperties can't be null");
        internalTopics.put(topicName, properties);
    }

    /**
     * Declares source nodes whose topics must be co-partitioned (joins).
     *
     * @param sourceNodes the source node names
     */
    public final void copartitionSources(Collection<String> sourceNodes) {
        copartitionSourceGroups.add(new HashSet<>(sourceNodes));
    }

    /**
     * Sets the application id, used to prefix internal topics and name changelogs.
     *
     * @param applicationId the id
     * @return this builder
     */
    public final InternalTopologyBuilder setApplicationId(String applicationId) {
        this.applicationId = Objects.requireNonNull(applicationId, "applicationId can't be null");
        return this;
    }

    /**
     * Prepares the stores for building with the application's configuration, as Kafka Streams' rewriteTopology:
     * every store factory is configured (DSL stores choose their type from {@code dsl.store.suppliers.class} here,
     * as Kafka's plain {@code StreamsBuilder} does), and caching is turned off everywhere when the cache size is 0.
     *
     * @param explicitConfigs the configuration as the user gave it (without defaults, so that explicit settings
     *                        can be told from defaults)
     * @param cacheMaxBytes the record cache size ({@code statestore.cache.max.bytes})
     * @return this builder
     */
    public final InternalTopologyBuilder rewriteTopology(Map<String, Object> explicitConfigs, long cacheMaxBytes) {
        for (StoreFactory factory : stateFactories.values()) {
            factory.configure(explicitConfigs);
            if (cacheMaxBytes == 0L) {
                factory.withCachingDisabled();
            }
        }
        for (StoreFactory factory : globalStateFactories.values()) {
            factory.configure(explicitConfigs);
            if (cacheMaxBytes == 0L) {
                factory.withCachingDisabled();
            }
        }
        return this;
    }

    /** @return the application id, or null before {@link #setApplicationId} */
    public final String applicationId() {
        return applicationId;
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    /**
     * Returns the name an internal topic gets at run time.
     *
     * @param topic the raw name
     * @return {@code <application.id>-<topic>} for internal topics, the name itself otherwise
     */
    public final String decorateTopic(String topic) {
        if (!internalTopics.containsKey(topic)) {
            return topic;
        }
        if (applicationId == null) {
            throw new TopologyException("there are internal topics and applicationId hasn't been set. Call "
                    + "setApplicationId first");
        }
        return applicationId + "-" + topic;
    }

    /** @return whether a raw topic name is an internal topic */
    final boolean isInternalTopic(String topic) {
        return internalTopics.containsKey(topic);
    }

    /** @return the raw source topic names, internal ones included, in insertion order */
    public final Set<String> sourceTopicNames() {
        return Collections.unmodifiableSet(rawSourceTopicNames);
    }

    /** @return the source topic names as the runtime sees them (internal ones decorated) */
    public final List<String> fullSourceTopicNames() {
        List<String> names = new ArrayList<>();
        for (String topic : rawSourceTopicNames) {
            names.add(decorateTopic(topic));
        }
        return names;
    }

    /** @return the patterns of pattern-subscribed sources */
    public final Collection<Pattern> sourcePatterns() {
        return Collections.unmodifiableCollection(nodeToSourcePatterns.values());
    }

    /** @return the global topics */
    public final Set<String> globalTopics() {
        return Collections.unmodifiableSet(globalTopics);
    }

    /** @return whether the topology has global stores */
    public final boolean hasGlobalStores() {
        return !globalStateFactories.isEmpty();
    }

    /** @return the store factories of task stores, by name */
    final Map<String, StoreFactory> stateFactories() {
        return stateFactories;
    }

    /** @return the store factories of global stores, by name */
    final Map<String, StoreFactory> globalStateFactories() {
        return globalStateFactories;
    }

    final Map<String, NodeFactory> nodeFactories() {
        return nodeFactories;
    }

    final Map<String, String> storeToSourceChangelogTopic() {
        return storeToSourceChangelogTopic;
    }

    final boolean isGlobalSource(String nodeName) {
        NodeFactory factory = nodeFactories.get(nodeName);
        return factory instanceof NodeFactory.SourceFactory source && source.pattern == null
                && source.topics.size() == 1 && globalTopics.contains(source.topics.get(0));
    }

    /**
     * Groups nodes into sub-topologies: connected components in insertion order of their first node.
     *
     * @return the node names per sub-topology id
     */
    public final Map<Integer, Set<String>> nodeGroups() {
        Map<Integer, Set<String>> groups = new LinkedHashMap<>();
        Map<String, Set<String>> groupByRoot = new HashMap<>();
        int nextId = 0;
        for (String nodeName : nodeFactories.keySet()) {
            String root = nodeGrouper.root(nodeName);
            Set<String> group = groupByRoot.get(root);
            if (group == null) {
                group = new HashSet<>();
                groupByRoot.put(root, group);
                groups.put(nextId++, group);
            }
            group.add(nodeName);
        }
        return groups;
    }

    /**
     * Describes the topology in Kafka Streams' terms and text format.
     *
     * @return the description
     */
    public final DescribedTopology describe() {
        return TopologyDescriber.describe(this);
    }

    /**
     * Builds a fresh runtime graph.
     *
     * @param nodeGroup the nodes to include, or null for every node outside global stores
     * @return the graph
     */
    public final ProcessorTopology build(Set<String> nodeGroup) {
        return TaskTopologyFactory.build(this, nodeGroup);
    }

    /** @return the sub-topology ids of global stores */
    final Set<String> globalNodeNames() {
        Set<String> names = new HashSet<>();
        for (Set<String> group : nodeGroups().values()) {
            for (String node : group) {
                if (isGlobalSource(node)) {
                    names.addAll(group);
                    break;
                }
            }
        }
        return names;
    }

    /**
     * Builds the global stores' graph (sources and update processors of every global store).
     *
     * @return the graph, or null when there are no global stores
     */
    public final ProcessorTopology buildGlobalStateTopology() {
        Set<String> globalNodes = globalNodeNames();
        return globalNodes.isEmpty() ? null : TaskTopologyFactory.buildGlobal(this, globalNodes);
    }
}
