package dev.millrace.streams;

import dev.millrace.common.serialization.Deserializer;
import dev.millrace.common.serialization.Serializer;
import dev.millrace.streams.processor.StreamPartitioner;
import dev.millrace.streams.processor.TimestampExtractor;
import dev.millrace.streams.processor.TopicNameExtractor;
import dev.millrace.streams.processor.api.ProcessorSupplier;
import dev.millrace.streams.processor.internals.InternalTopologyBuilder;
import dev.millrace.streams.state.StoreBuilder;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A processing graph built node by node (the Processor API): sources read topics, processors transform records and
 * use state stores, sinks write topics. {@code StreamsBuilder.build()} produces one from the DSL. Every method
 * validates its arguments with Kafka Streams' rules and fails with
 * {@link dev.millrace.streams.errors.TopologyException} (or {@link NullPointerException} for null arguments), so a
 * broken topology fails when it is built, not when it runs.
 *
 * <p>Not thread-safe while being built; read-only afterwards.
 */
public class Topology {

    /**
     * The logical topology; the test driver (same package) reads it. This is the documented internal hook between
     * streams-dsl and test-driver.
     */
    protected final InternalTopologyBuilder internalTopologyBuilder;

    /** Creates an empty topology. */
    public Topology() {
        this(new InternalTopologyBuilder());
    }

    /**
     * Wraps an internal builder (used by {@code StreamsBuilder}).
     *
     * @param internalTopologyBuilder the builder
     */
    protected Topology(InternalTopologyBuilder internalTopologyBuilder) {
        this.internalTopologyBuilder = internalTopologyBuilder;
    }

    /**
     * Adds a source reading topics with the default serdes and timestamp extractor.
     *
     * @param name the node name
     * @param topics the topics
     * @return this topology
     */
    public synchronized Topology addSource(String name, String... topics) {
        internalTopologyBuilder.addSource(name, null, null, null, topics);
        return this;
    }

    /**
     * Adds a source reading every topic matching a pattern.
     *
     * @param name the node name
     * @param topicPattern the pattern
     * @return this topology
     */
    public synchronized Topology addSource(String name, Pattern topicPattern) {
        internalTopologyBuilder.addSource(name, null, null, null, topicPattern);
        return this;
    }

    /**
     * Adds a source with an offset reset policy.
     *
     * @param offsetReset the reset policy
     * @param name the node name
     * @param topics the topics
     * @return this topology
     */
    public synchronized Topology addSource(AutoOffsetReset offsetReset, String name, String... topics) {
        internalTopologyBuilder.addSource(name, null, null, null, topics);
        return this;
    }

    /**
     * Adds a pattern source with an offset reset policy.
     *
     * @param offsetReset the reset policy
     * @param name the node name
     * @param topicPattern the pattern
     * @return this topology
     */
    public synchronized Topology addSource(AutoOffsetReset offsetReset, String name, Pattern topicPattern) {
        internalTopologyBuilder.addSource(name, null, null, null, topicPattern);
        return this;
    }

    /**
     * Adds a source with its own timestamp extractor.
     *
     * @param timestampExtractor the extractor
     * @param name the node name
     * @param topics the topics
     * @return this topology
     */
    public synchronized Topology addSource(TimestampExtractor timestampExtractor, String name, String... topics) {
        internalTopologyBuilder.addSource(name, timestampExtractor, null, null, topics);
        return this;
    }

    /**
     * Adds a pattern source with its own timestamp extractor.
     *
     * @param timestampExtractor the extractor
     * @param name the node name
     * @param topicPattern the pattern
     * @return this topology
     */
    public synchronized Topology addSource(TimestampExtractor timestampExtractor, String name, Pattern topicPattern) {
        internalTopologyBuilder.addSource(name, timestampExtractor, null, null, topicPattern);
        return this;
    }

    /**
     * Adds a source with a reset policy and its own timestamp extractor.
     *
     * @param offsetReset the reset policy
     * @param timestampExtractor the extractor
     * @param name the node name
     * @param topics the topics
     * @return this topology
     */
    public synchronized Topology addSource(AutoOffsetReset offsetReset, TimestampExtractor timestampExtractor,
                                           String name, String... topics) {
        internalTopologyBuilder.addSource(name, timestampExtractor, null, null, topics);
        return this;
    }

    /**
     * Adds a pattern source with a reset policy and its own timestamp extractor.
     *
     * @param offsetReset the reset policy
     * @param timestampExtractor the extractor
     * @param name the node name
     * @param topicPattern the pattern
     * @return this topology
     */
    public synchronized Topology addSource(AutoOffsetReset offsetReset, TimestampExtractor timestampExtractor,
                                           String name, Pattern topicPattern) {
        internalTopologyBuilder.addSource(name, timestampExtractor, null, null, topicPattern);
        return this;
    }

    /**
     * Adds a source with its own deserializers.
     *
     * @param name the node name
     * @param keyDeserializer the key deserializer
     * @param valueDeserializer the value deserializer
     * @param topics the topics
     * @param <K> the key type
     * @param <V> the value type
     * @return this topology
     */
    public synchronized <K, V> Topology addSource(String name, Deserializer<K> keyDeserializer,
                                                  Deserializer<V> valueDeserializer, String... topics) {
        internalTopologyBuilder.addSource(name, null, keyDeserializer, valueDeserializer, topics);
        return this;
    }

    /**
     * Adds a pattern source with its own deserializers.
     *
     * @param name the node name
     * @param keyDeserializer the key deserializer
     * @param valueDeserializer the value deserializer
     * @param topicPattern the pattern
     * @param <K> the key type
     * @param <V> the value type
     * @return this topology
     */
    public synchronized <K, V> Topology addSource(String name, Deserializer<K> keyDeserializer,
                                                  Deserializer<V> valueDeserializer, Pattern topicPattern) {
        internalTopologyBuilder.addSource(name, null, keyDeserializer, valueDeserializer, topicPattern);
        return this;
    }

    /**
     * Adds a source with a reset policy and its own deserializers.
     *
     * @param offsetReset the reset policy
     * @param name the node name
     * @param keyDeserializer the key deserializer
     * @param valueDeserializer the value deserializer
     * @param topics the topics
     * @param <K> the key type
     * @param <V> the value type
     * @return this topology
     */
    public synchronized <K, V> Topology addSource(AutoOffsetReset offsetReset, String name,
                                                  Deserializer<K> keyDeserializer,
                                                  Deserializer<V> valueDeserializer, String... topics) {
        internalTopologyBuilder.addSource(name, null, keyDeserializer, valueDeserializer, topics);
        return this;
    }

    /**
     * Adds a source with everything set.
     *
     * @param offsetReset the reset policy, or null
     * @param name the node name
     * @param timestampExtractor the extractor, or null
     * @param keyDeserializer the key deserializer, or null
     * @param valueDeserializer the value deserializer, or null
     * @param topics the topics
     * @param <K> the key type
     * @param <V> the value type
     * @return this topology
     */
    public synchronized <K, V> Topology addSource(AutoOffsetReset offsetReset, String name,
                                                  TimestampExtractor timestampExtractor,
                                                  Deserializer<K> keyDeserializer,
                                                  Deserializer<V> valueDeserializer, String... topics) {
        internalTopologyBuilder.addSource(name, timestampExtractor, keyDeserializer, valueDeserializer, topics);
        return this;
    }

    /**
     * Adds a pattern source with everything set.
     *
     * @param offsetReset the reset policy, or null
     * @param name the node name
     * @param timestampExtractor the extractor, or null
     * @param keyDeserializer the key deserializer, or null
     * @param valueDeserializer the value deserializer, or null
     * @param topicPattern the pattern
     * @param <K> the key type
     * @param <V> the value type
     * @return this topology
     */
    public synchronized <K, V> Topology addSource(AutoOffsetReset offsetReset, String name,
                                                  TimestampExtractor timestampExtractor,
                                                  Deserializer<K> keyDeserializer,
                                                  Deserializer<V> valueDeserializer, Pattern topicPattern) {
        internalTopologyBuilder.addSource(name, timestampExtractor, keyDeserializer, valueDeserializer, topicPattern);
        return this;
    }

    /**
     * Adds a sink writing to a topic with the default serdes and partitioner.
     *
     * @param name the node name
     * @param topic the topic
     * @param parentNames the parents
     * @return this topology
     */
    public synchronized Topology addSink(String name, String topic, String... parentNames) {
        internalTopologyBuilder.addSink(name, topic, null, null, null, parentNames);
        return this;
    }

    /**
     * Adds a sink with its own partitioner.
     *
     * @param name the node name
     * @param topic the topic
     * @param partitioner the partitioner
     * @param parentNames the parents
     * @param <K> the key type
     * @param <V> the value type
     * @return this topology
     */
    public synchronized <K, V> Topology addSink(String name, String topic,
                                                StreamPartitioner<? super K, ? super V> partitioner,
                                                String... parentNames) {
        internalTopologyBuilder.addSink(name, topic, null, null, partitioner, parentNames);
        return this;
    }

    /**
     * Adds a sink with its own serializers.
     *
     * @param name the node name
     * @param topic the topic
     * @param keySerializer the key serializer
     * @param valueSerializer the value serializer
     * @param parentNames the parents
     * @param <K> the key type
     * @param <V> the value type
     * @return this topology
     */
    public synchronized <K, V> Topology addSink(String name, String topic, Serializer<K> keySerializer,
                                                Serializer<V> valueSerializer, String... parentNames) {
        internalTopologyBuilder.addSink(name, topic, keySerializer, valueSerializer, null, parentNames);
        return this;
    }

    /**
     * Adds a sink with its own serializers and partitioner.
     *
     * @param name the node name
     * @param topic the topic
     * @param keySerializer the key serializer
     * @param valueSerializer the value serializer
     * @param partitioner the partitioner
     * @param parentNames the parents
     * @param <K> the key type
     * @param <V> the value type
     * @return this topology
     */
    public synchronized <K, V> Topology addSink(String name, String topic, Serializer<K> keySerializer,
                                                Serializer<V> valueSerializer,
                                                StreamPartitioner<? super K, ? super V> partitioner,
                                                String... parentNames) {
        internalTopologyBuilder.addSink(name, topic, keySerializer, valueSerializer, partitioner, parentNames);
        return this;
    }

    /**
     * Adds a sink whose topic is chosen per record.
     *
     * @param name the node name
     * @param topicExtractor the extractor
     * @param parentNames the parents
     * @param <K> the key type
     * @param <V> the value type
     * @return this topology
     */
    public synchronized <K, V> Topology addSink(String name, TopicNameExtractor<? super K, ? super V> topicExtractor,
                                                String... parentNames) {
        internalTopologyBuilder.addSink(name, topicExtractor, null, null, null, parentNames);
        return this;
    }

    /**
     * Adds a sink whose topic is chosen per record, with its own partitioner.
     *
     * @param name the node name
     * @param topicExtractor the extractor
     * @param partitioner the partitioner
     * @param parentNames the parents
     * @param <K> the key type
     * @param <V> the value type
     * @return this topology
     */
    public synchronized <K, V> Topology addSink(String name, TopicNameExtractor<? super K, ? super V> topicExtractor,
                                                StreamPartitioner<? super K, ? super V> partitioner,
                                                String... parentNames) {
        internalTopologyBuilder.addSink(name, topicExtractor, null, null, partitioner, parentNames);
        return this;
    }

    /**
     * Adds a sink whose topic is chosen per record, with its own serializers.
     *
     * @param name the node name
     * @param topicExtractor the extractor
     * @param keySerializer the key serializer
     * @param valueSerializer the value serializer
     * @param parentNames the parents
     * @param <K> the key type
     * @param <V> the value type
     * @return this topology
     */
    public synchronized <K, V> Topology addSink(String name, TopicNameExtractor<? super K, ? super V> topicExtractor,
                                                Serializer<K> keySerializer, Serializer<V> valueSerializer,
                                                String... parentNames) {
        internalTopologyBuilder.addSink(name, topicExtractor, keySerializer, valueSerializer, null, parentNames);
        return this;
    }

    /**
     * Adds a sink whose topic is chosen per record, with everything set.
     *
     * @param name the node name
     * @param topicExtractor the extractor
     * @param keySerializer the key serializer
     * @param valueSerializer the value serializer
     * @param partitioner the partitioner
     * @param parentNames the parents
     * @param <K> the key type
     * @param <V> the value type
     * @return this topology
     */
    public synchronized <K, V> Topology addSink(String name, TopicNameExtractor<? super K, ? super V> topicExtractor,
                                                Serializer<K> keySerializer, Serializer<V> valueSerializer,
                                                StreamPartitioner<? super K, ? super V> partitioner,
                                                String... parentNames) {
        internalTopologyBuilder.addSink(name, topicExtractor, keySerializer, valueSerializer, partitioner,
                parentNames);
        return this;
    }

    /**
     * Adds a processor; stores the supplier declares in {@code stores()} are added and connected to it.
     *
     * @param name the node name
     * @param supplier the supplier, returning a new processor per call
     * @param parentNames the parents
     * @param <KIn> the input key type
     * @param <VIn> the input value type
     * @param <KOut> the output key type
     * @param <VOut> the output value type
     * @return this topology
     */
    public synchronized <KIn, VIn, KOut, VOut> Topology addProcessor(
            String name, ProcessorSupplier<KIn, VIn, KOut, VOut> supplier, String... parentNames) {
        internalTopologyBuilder.addProcessor(name, supplier, parentNames);
        Set<StoreBuilder<?>> stores = supplier.stores();
        if (stores != null) {
            for (StoreBuilder<?> store : stores) {
                internalTopologyBuilder.addStateStore(store, name);
            }
        }
        return this;
    }

    /**
     * Adds a store and connects it to processors.
     *
     * @param storeBuilder the store builder
     * @param processorNames the processors that use it
     * @param <S> the store type
     * @return this topology
     */
    public synchronized <S extends dev.millrace.streams.processor.StateStore> Topology addStateStore(
            StoreBuilder<S> storeBuilder, String... processorNames) {
        internalTopologyBuilder.addStateStore(storeBuilder, processorNames);
        return this;
    }

    /**
     * Adds a global store: every instance reads all partitions of {@code topic} into the store through
     * {@code stateUpdateSupplier}'s processor; other processors read it without connecting it.
     *
     * @param storeBuilder the store builder (logging is turned off: the topic is the changelog)
     * @param sourceName the source node name
     * @param keyDeserializer the key deserializer
     * @param valueDeserializer the value deserializer
     * @param topic the topic
     * @param processorName the update processor's name
     * @param stateUpdateSupplier the update processor
     * @param <K> the key type
     * @param <V> the value type
     * @param <S> the store type
     * @return this topology
     */
    public synchronized <K, V, S extends dev.millrace.streams.processor.StateStore> Topology addGlobalStore(
            StoreBuilder<S> storeBuilder, String sourceName, Deserializer<K> keyDeserializer,
            Deserializer<V> valueDeserializer, String topic, String processorName,
            ProcessorSupplier<K, V, Void, Void> stateUpdateSupplier) {
        return addGlobalStore(storeBuilder, sourceName, null, keyDeserializer, valueDeserializer, topic,
                processorName, stateUpdateSupplier);
    }

    /**
     * Adds a global store with its own timestamp extractor.
     *
     * @param storeBuilder the store builder
     * @param sourceName the source node name
     * @param timestampExtractor the extractor
     * @param keyDeserializer the key deserializer
     * @param valueDeserializer the value deserializer
     * @param topic the topic
     * @param processorName the update processor's name
     * @param stateUpdateSupplier the update processor
     * @param <K> the key type
     * @param <V> the value type
     * @param <S> the store type
     * @return this topology
     */
    public synchronized <K, V, S extends dev.millrace.streams.processor.StateStore> Topology addGlobalStore(
            StoreBuilder<S> storeBuilder, String sourceName, TimestampExtractor timestampExtractor,
            Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer, String topic, String processorName,
            ProcessorSupplier<K, V, Void, Void> stateUpdateSupplier) {
        java.util.Objects.requireNonNull(storeBuilder, "storeBuilder cannot be null");
        ProcessorSupplier<K, V, Void, Void> withStore = new GlobalStoreSupplier<>(stateUpdateSupplier, storeBuilder);
        internalTopologyBuilder.addGlobalStore(sourceName, timestampExtractor, keyDeserializer, valueDeserializer,
                topic, processorName, withStore);
        return this;
    }

    /**
     * Connects a processor to stores already added.
     *
     * @param processorName the processor
     * @param stateStoreNames the stores
     * @return this topology
     */
    public synchronized Topology connectProcessorAndStateStores(String processorName, String... stateStoreNames) {
        internalTopologyBuilder.connectProcessorAndStateStores(processorName, stateStoreNames);
        return this;
    }

    /**
     * Describes the topology; {@code toString()} of the result prints Kafka Streams' text.
     *
     * @return the description
     */
    public synchronized TopologyDescription describe() {
        return internalTopologyBuilder.describe();
    }

    @Override
    public String toString() {
        return describe().toString();
    }

    /** Attaches the global store's builder to its update processor's supplier. */
    private record GlobalStoreSupplier<K, V>(ProcessorSupplier<K, V, Void, Void> delegate, StoreBuilder<?> store)
            implements ProcessorSupplier<K, V, Void, Void> {
        @Override
        public dev.millrace.streams.processor.api.Processor<K, V, Void, Void> get() {
            return delegate.get();
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(store);
        }
    }
}
