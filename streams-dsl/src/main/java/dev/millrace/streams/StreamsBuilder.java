package dev.millrace.streams;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.kstream.Consumed;
import dev.millrace.streams.kstream.GlobalKTable;
import dev.millrace.streams.kstream.KStream;
import dev.millrace.streams.kstream.KTable;
import dev.millrace.streams.kstream.Materialized;
import dev.millrace.streams.kstream.internals.ConsumedInternal;
import dev.millrace.streams.kstream.internals.InternalStreamsBuilder;
import dev.millrace.streams.kstream.internals.MaterializedInternal;
import dev.millrace.streams.processor.api.Processor;
import dev.millrace.streams.processor.api.ProcessorSupplier;
import dev.millrace.streams.processor.internals.InternalTopologyBuilder;
import dev.millrace.streams.processor.internals.StoreBuilderWrapper;
import dev.millrace.streams.state.KeyValueStore;
import dev.millrace.streams.state.StoreBuilder;

import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The entry point of the DSL, as Kafka Streams' {@code StreamsBuilder}: create streams and tables from topics,
 * chain operators on them, then {@link #build()} the {@link Topology}. Generated node and store names, sub-topology
 * numbering and {@code Topology.describe()} text are those Kafka Streams produces for the same program;
 * {@link #build(Properties)} applies {@code topology.optimization} ({@code none}, {@code all}, or a list of
 * {@code reuse.ktable.source.topics} and {@code merge.repartition.topics}).
 *
 * <p>Example:
 * <pre>{@code
 * StreamsBuilder builder = new StreamsBuilder();
 * builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
 *        .filter((k, v) -> v != null)
 *        .to("out");
 * Topology topology = builder.build();
 * }</pre>
 *
 * <p>Not thread-safe beyond Kafka's {@code synchronized} methods: build a topology on one thread, and call
 * {@link #build()} once.
 */
public class StreamsBuilder {

    /** The topology being built. */
    protected final Topology topology;
    /** The topology's internal builder. */
    protected final InternalTopologyBuilder internalTopologyBuilder;
    /** The DSL graph. */
    protected final InternalStreamsBuilder internalStreamsBuilder;

    /** Creates a builder with an empty topology. */
    public StreamsBuilder() {
        internalTopologyBuilder = new InternalTopologyBuilder();
        topology = new Topology(internalTopologyBuilder);
        internalStreamsBuilder = new InternalStreamsBuilder(internalTopologyBuilder);
    }

    /**
     * Creates a stream of one topic with the default serdes.
     *
     * @param topic the topic
     * @param <K> the key type
     * @param <V> the value type
     * @return the stream
     */
    public synchronized <K, V> KStream<K, V> stream(String topic) {
        return stream(Collections.singleton(topic));
    }

    /**
     * Creates a stream of one topic; e.g. {@code stream("in", Consumed.with(Serdes.String(), Serdes.Long()))}.
     *
     * @param topic the topic
     * @param consumed serdes, timestamp extractor, reset policy and source name
     * @param <K> the key type
     * @param <V> the value type
     * @return the stream
     */
    public synchronized <K, V> KStream<K, V> stream(String topic, Consumed<K, V> consumed) {
        return stream(Collections.singleton(topic), consumed);
    }

    /**
     * Creates a stream of several topics with the default serdes.
     *
     * @param topics the topics
     * @param <K> the key type
     * @param <V> the value type
     * @return the stream
     */
    public synchronized <K, V> KStream<K, V> stream(Collection<String> topics) {
        return stream(topics, Consumed.with(null, null, null, null));
    }

    /**
     * Creates a stream of several topics.
     *
     * @param topics the topics
     * @param consumed the options
     * @param <K> the key type
     * @param <V> the value type
     * @return the stream
     */
    public synchronized <K, V> KStream<K, V> stream(Collection<String> topics, Consumed<K, V> consumed) {
        Objects.requireNonNull(topics, "topics can't be null");
        Objects.requireNonNull(consumed, "consumed can't be null");
        return internalStreamsBuilder.stream(topics, new ConsumedInternal<>(consumed));
    }

    /**
     * Creates a stream of every topic matching a pattern, with the default serdes.
     *
     * @param topicPattern the pattern
     * @param <K> the key type
     * @param <V> the value type
     * @return the stream
     */
    public synchronized <K, V> KStream<K, V> stream(Pattern topicPattern) {
        return stream(topicPattern, Consumed.with(null, null));
    }

    /**
     * Creates a stream of every topic matching a pattern.
     *
     * @param topicPattern the pattern
     * @param consumed the options
     * @param <K> the key type
     * @param <V> the value type
     * @return the stream
     */
    public synchronized <K, V> KStream<K, V> stream(Pattern topicPattern, Consumed<K, V> consumed) {
        Objects.requireNonNull(topicPattern, "topicPattern can't be null");
        Objects.requireNonNull(consumed, "consumed can't be null");
        return internalStreamsBuilder.stream(topicPattern, new ConsumedInternal<>(consumed));
    }

    /**
     * Creates a table of a topic, materialized as given; e.g. {@code table("users", Consumed.with(s, s),
     * Materialized.as("users-store"))}.
     *
     * @param topic the topic
     * @param consumed the options
     * @param materialized the store options (its serdes are overridden by {@code consumed}'s)
     * @param <K> the key type
     * @param <V> the value type
     * @return the table
     */
    public synchronized <K, V> KTable<K, V> table(String topic, Consumed<K, V> consumed,
                                                  Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
        Objects.requireNonNull(topic, "topic can't be null");
        Objects.requireNonNull(consumed, "consumed can't be null");
        Objects.requireNonNull(materialized, "materialized can't be null");
        ConsumedInternal<K, V> consumedInternal = new ConsumedInternal<>(consumed);
        materialized.withKeySerde(consumedInternal.keySerde()).withValueSerde(consumedInternal.valueSerde());
        return internalStreamsBuilder.table(topic, consumedInternal,
                new MaterializedInternal<>(materialized, internalStreamsBuilder, topic + "-"));
    }

    /**
     * Creates a table of a topic with the default serdes.
     *
     * @param topic the topic
     * @param <K> the key type
     * @param <V> the value type
     * @return the table
     */
    public synchronized <K, V> KTable<K, V> table(String topic) {
        return table(topic, Consumed.with(null, null));
    }

    /**
     * Creates a table of a topic.
     *
     * @param topic the topic
     * @param consumed the options
     * @param <K> the key type
     * @param <V> the value type
     * @return the table
     */
    public synchronized <K, V> KTable<K, V> table(String topic, Consumed<K, V> consumed) {
        Objects.requireNonNull(topic, "topic can't be null");
        Objects.requireNonNull(consumed, "consumed can't be null");
        ConsumedInternal<K, V> consumedInternal = new ConsumedInternal<>(consumed);
        return internalStreamsBuilder.table(topic, consumedInternal, new MaterializedInternal<>(
                Materialized.with(consumedInternal.keySerde(), consumedInternal.valueSerde()), internalStreamsBuilder,
                topic + "-"));
    }

    /**
     * Creates a table of a topic, materialized (and deserialized) as given.
     *
     * @param topic the topic
     * @param materialized the store options and serdes
     * @param <K> the key type
     * @param <V> the value type
     * @return the table
     */
    public synchronized <K, V> KTable<K, V> table(String topic,
                                                  Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
        Objects.requireNonNull(topic, "topic can't be null");
        Objects.requireNonNull(materialized, "materialized can't be null");
        MaterializedInternal<K, V, KeyValueStore<Bytes, byte[]>> internal =
                new MaterializedInternal<>(materialized, internalStreamsBuilder, topic + "-");
        return internalStreamsBuilder.table(topic,
                new ConsumedInternal<>(Consumed.with(internal.keySerde(), internal.valueSerde())), internal);
    }

    /**
     * Creates a global table of a topic.
     *
     * @param topic the topic
     * @param consumed the options
     * @param <K> the key type
     * @param <V> the value type
     * @return the global table
     */
    public synchronized <K, V> GlobalKTable<K, V> globalTable(String topic, Consumed<K, V> consumed) {
        Objects.requireNonNull(topic, "topic can't be null");
        Objects.requireNonNull(consumed, "consumed can't be null");
        ConsumedInternal<K, V> consumedInternal = new ConsumedInternal<>(consumed);
        Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized =
                Materialized.<K, V, KeyValueStore<Bytes, byte[]>>with(consumedInternal.keySerde(),
                        consumedInternal.valueSerde()).withLoggingDisabled();
        return internalStreamsBuilder.globalTable(topic, consumedInternal,
                new MaterializedInternal<>(materialized, internalStreamsBuilder, topic + "-", true));
    }

    /**
     * Creates a global table of a topic with the default serdes.
     *
     * @param topic the topic
     * @param <K> the key type
     * @param <V> the value type
     * @return the global table
     */
    public synchronized <K, V> GlobalKTable<K, V> globalTable(String topic) {
        return globalTable(topic, Consumed.with(null, null));
    }

    /**
     * Creates a global table of a topic, materialized as given.
     *
     * @param topic the topic
     * @param consumed the options
     * @param materialized the store options (its serdes are overridden by {@code consumed}'s)
     * @param <K> the key type
     * @param <V> the value type
     * @return the global table
     */
    public synchronized <K, V> GlobalKTable<K, V> globalTable(String topic, Consumed<K, V> consumed,
            Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
        Objects.requireNonNull(topic, "topic can't be null");
        Objects.requireNonNull(consumed, "consumed can't be null");
        Objects.requireNonNull(materialized, "materialized can't be null");
        ConsumedInternal<K, V> consumedInternal = new ConsumedInternal<>(consumed);
        materialized.withKeySerde(consumedInternal.keySerde()).withValueSerde(consumedInternal.valueSerde())
                .withLoggingDisabled();
        return internalStreamsBuilder.globalTable(topic, consumedInternal,
                new MaterializedInternal<>(materialized, internalStreamsBuilder, topic + "-"));
    }

    /**
     * Creates a global table of a topic, materialized (and deserialized) as given.
     *
     * @param topic the topic
     * @param materialized the store options and serdes
     * @param <K> the key type
     * @param <V> the value type
     * @return the global table
     */
    public synchronized <K, V> GlobalKTable<K, V> globalTable(String topic,
            Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
        Objects.requireNonNull(topic, "topic can't be null");
        Objects.requireNonNull(materialized, "materialized can't be null");
        MaterializedInternal<K, V, KeyValueStore<Bytes, byte[]>> internal =
                new MaterializedInternal<>(materialized, internalStreamsBuilder, topic + "-");
        return internalStreamsBuilder.globalTable(topic,
                new ConsumedInternal<>(Consumed.with(internal.keySerde(), internal.valueSerde())), internal);
    }

    /**
     * Adds a store that processors can connect to by name ({@code process(supplier, "store")}).
     *
     * @param builder the store builder
     * @return this builder
     */
    public synchronized StreamsBuilder addStateStore(StoreBuilder<?> builder) {
        Objects.requireNonNull(builder, "builder can't be null");
        internalStreamsBuilder.addStateStore(new StoreBuilderWrapper(builder));
        return this;
    }

    /**
     * Adds a global store, filled from a topic by the given processor (its changelog is the topic).
     *
     * @param storeBuilder the store builder (logging is turned off)
     * @param topic the topic
     * @param consumed the options
     * @param stateUpdateSupplier the processor updating the store
     * @param <KIn> the topic's key type
     * @param <VIn> the topic's value type
     * @return this builder
     */
    public synchronized <KIn, VIn> StreamsBuilder addGlobalStore(StoreBuilder<?> storeBuilder, String topic,
                                                                 Consumed<KIn, VIn> consumed,
                                                                 ProcessorSupplier<KIn, VIn, Void, Void>
                                                                         stateUpdateSupplier) {
        Objects.requireNonNull(storeBuilder, "storeBuilder can't be null");
        Objects.requireNonNull(consumed, "consumed can't be null");
        storeBuilder.withLoggingDisabled();
        ProcessorSupplier<KIn, VIn, Void, Void> withStore = new ProcessorSupplier<>() {
            @Override
            public Processor<KIn, VIn, Void, Void> get() {
                return stateUpdateSupplier.get();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(storeBuilder);
            }
        };
        internalStreamsBuilder.addGlobalStore(storeBuilder.name(), topic, new ConsumedInternal<>(consumed), withStore);
        return this;
    }

    /**
     * Builds the topology without optimizations.
     *
     * @return the topology
     */
    public synchronized Topology build() {
        return build(null);
    }

    /**
     * Builds the topology, applying {@code topology.optimization} from the properties.
     *
     * @param props the configuration, or null
     * @return the topology
     */
    public synchronized Topology build(Properties props) {
        internalStreamsBuilder.buildAndOptimizeTopology(props);
        return topology;
    }
}
