package dev.millrace.streams;

import dev.millrace.clients.consumer.ConsumerRecord;
import dev.millrace.clients.producer.ProducerRecord;
import dev.millrace.common.Metric;
import dev.millrace.common.MetricName;
import dev.millrace.common.TopicPartition;
import dev.millrace.common.header.Headers;
import dev.millrace.common.record.TimestampType;
import dev.millrace.common.serialization.Deserializer;
import dev.millrace.common.serialization.Serializer;
import dev.millrace.streams.errors.TopologyException;
import dev.millrace.streams.internals.KeyValueStoreFacade;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.TaskId;
import dev.millrace.streams.processor.internals.InternalTopologyBuilder;
import dev.millrace.streams.processor.internals.ProcessorTopology;
import dev.millrace.streams.processor.internals.StreamTask;
import dev.millrace.streams.processor.internals.StreamsMetricsImpl;
import dev.millrace.streams.processor.internals.TaskSettings;
import dev.millrace.streams.state.KeyValueStore;
import dev.millrace.streams.state.ReadOnlyKeyValueStore;
import dev.millrace.streams.state.ReadOnlySessionStore;
import dev.millrace.streams.state.ReadOnlyWindowStore;
import dev.millrace.streams.state.SessionStore;
import dev.millrace.streams.state.TimestampedKeyValueStore;
import dev.millrace.streams.state.TimestampedWindowStore;
import dev.millrace.streams.state.ValueAndTimestamp;
import dev.millrace.streams.state.VersionedKeyValueStore;
import dev.millrace.streams.state.WindowStore;
import dev.millrace.streams.state.internals.ThreadCache;
import dev.millrace.streams.test.TestRecord;

import java.io.Closeable;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Properties;
import java.util.Queue;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs a {@link Topology} on the calling thread, without sockets or a broker, as Kafka Streams'
 * {@code TopologyTestDriver} does and with the same public methods, so that Kafka tests port by changing imports.
 *
 * <p>Semantics (Kafka's): every topic has one partition; all sub-topologies run in one task ({@code 0_0}); each piped
 * record is processed at once, followed by stream-time punctuation and a commit (so caches flush after every record);
 * records written to a topic the topology reads (repartition topics, or any source topic) are fed back in; global
 * stores are updated synchronously; wall-clock time only moves with {@link #advanceWallClockTime}. Output records
 * (sinks and changelogs) queue per topic until a {@link TestOutputTopic} reads them.
 *
 * <p>Owning thread: the test's thread. {@link #close()} closes processors and stores and deletes the state
 * directory when the driver created it.
 */
public class TopologyTestDriver implements Closeable {

    private static final TaskId TASK_ID = new TaskId(0, 0);
    private static final int PARTITION_ID = 0;
    /** Marks a topic the task does not read, in {@code inputTopicByTopic}. */
    private static final String NOT_AN_INPUT = new String("not-an-input");

    private final InternalTopologyBuilder builder;
    private final TaskSettings settings;
    private final StreamsMetricsImpl metrics;
    private final DriverRecordCollector collector = new DriverRecordCollector();
    private final ProcessorTopology processorTopology;
    private final ProcessorTopology globalTopology;
    private final StreamTask task;
    private final StreamTask globalTask;
    private final Map<String, Long> nextOffsets = new HashMap<>();
    private final Map<String, String> inputTopicByTopic = new HashMap<>();
    private final Map<String, Queue<ProducerRecord<byte[], byte[]>>> outputRecordsByTopic = new LinkedHashMap<>();
    private final File stateRoot;
    private final boolean ownsStateRoot;
    private long wallClockMs;

    /**
     * Creates a driver with an empty configuration and the system clock's current time.
     *
     * @param topology the topology to test
     */
    public TopologyTestDriver(Topology topology) {
        this(topology, new Properties());
    }

    /**
     * Creates a driver with the system clock's current time.
     *
     * @param topology the topology to test
     * @param config the configuration ({@code application.id} and {@code bootstrap.servers} are optional)
     */
    public TopologyTestDriver(Topology topology, Properties config) {
        this(topology, config, null);
    }

    /**
     * Creates a driver with an empty configuration.
     *
     * @param topology the topology to test
     * @param initialWallClockTimeMs the initial mocked wall-clock time
     */
    public TopologyTestDriver(Topology topology, Instant initialWallClockTimeMs) {
        this(topology, new Properties(), initialWallClockTimeMs);
    }

    /**
     * Creates a driver.
     *
     * @param topology the topology to test
     * @param config the configuration
     * @param initialWallClockTime the initial mocked wall-clock time, or null for the system clock's current time
     */
    public TopologyTestDriver(Topology topology, Properties config, Instant initialWallClockTime) {
        Objects.requireNonNull(topology, "topology cannot be null");
        Objects.requireNonNull(config, "config cannot be null");
        this.wallClockMs = initialWallClockTime == null ? System.currentTimeMillis()
                : initialWallClockTime.toEpochMilli();
        this.builder = topology.internalTopologyBuilder;
        this.metrics = new StreamsMetricsImpl(Thread.currentThread().getName());
        this.ownsStateRoot = config.get("state.dir") == null;
        this.stateRoot = DriverSettings.stateRoot(config);
        this.settings = DriverSettings.resolve(config, metrics, stateRoot);
        builder.setApplicationId(settings.applicationId());
        Map<String, Object> explicitConfigs = new HashMap<>();
        config.forEach((key, value) -> explicitConfigs.put(String.valueOf(key), value));
        builder.rewriteTopology(explicitConfigs, settings.cacheMaxBytes());
        this.processorTopology = builder.build(null);
        this.globalTopology = builder.buildGlobalStateTopology();
        ThreadCache cache = new ThreadCache("topology-test-driver ", settings.cacheMaxBytes());
        this.globalTask = globalTopology == null ? null : newTask(globalTopology, cache, Map.of(), "global");
        Map<String, StateStore> globalStores = globalTask == null ? Map.of() : globalTask.storesByName();
        for (String topic : processorTopology.sourceByTopic().keySet()) {
            nextOffsets.put(topic, 0L);
        }
        if (globalTopology != null) {
            for (String topic : globalTopology.sourceByTopic().keySet()) {
                nextOffsets.put(topic, 0L);
            }
        }
        this.task = processorTopology.isEmpty() ? null
                : newTask(processorTopology, cache, globalStores, TASK_ID.toString());
    }

    private StreamTask newTask(ProcessorTopology topology, ThreadCache cache, Map<String, StateStore> globalStores,
                               String dirName) {
        StreamTask created = new StreamTask(TASK_ID, topology, settings, collector, cache, () -> wallClockMs,
                new File(settings.stateDir(), dirName), globalStores);
        created.initialize();
        return created;
    }

    /**
     * Returns the driver's metrics, e.g. {@code dropped-records-total}.
     *
     * @return the metrics by name
     */
    public Map<MetricName, ? extends Metric> metrics() {
        return metrics.metrics();
    }

    // ---- input ---------------------------------------------------------------------------------------------------

    private void pipeRecord(String topic, long timestamp, byte[] key, byte[] value, Headers headers) {
        String taskTopic = taskInputTopic(topic);
        boolean global = globalTopology != null && globalTopology.source(topic) != null;
        if (taskTopic == null && !global) {
            throw new IllegalArgumentException("Unknown topic: " + topic);
        }
        if (taskTopic != null) {
            enqueue(topic, taskTopic, timestamp, key, value, headers);
            completeAllProcessableWork();
        }
        if (global) {
            updateGlobalStores(topic, timestamp, key, value, headers);
            captureOutputs();
        }
    }

    /** Returns the topic or pattern key the task reads {@code topic} under, or null (memoized per topic). */
    private String taskInputTopic(String topic) {
        String resolved = inputTopicByTopic.get(topic);
        if (resolved == null) {
            String found = resolveTaskInputTopic(topic);
            resolved = found == null ? NOT_AN_INPUT : found;
            inputTopicByTopic.put(topic, resolved);
        }
        return resolved == NOT_AN_INPUT ? null : resolved;
    }

    private String resolveTaskInputTopic(String topic) {
        if (task == null) {
            return null;
        }
        for (String source : processorTopology.sourceByTopic().keySet()) {
            if (!source.equals(topic) && !builder.sourcePatterns().isEmpty()
                    && builder.fullSourceTopicNames().contains(source) && Pattern.compile(source).matcher(topic)
                    .matches()) {
                throw new TopologyException("Topology add source of type String for topic: " + source
                        + " cannot contain regex pattern for input record topic: " + topic
                        + " and hence cannot process the message.");
            }
        }
        if (processorTopology.source(topic) != null) {
            return topic;
        }
        for (String key : processorTopology.sourceByTopic().keySet()) {
            if (Pattern.compile(key).matcher(topic).matches()) {
                return key;
            }
        }
        return null;
    }

    private long nextOffset(String topic) {
        long offset = nextOffsets.getOrDefault(topic, 0L);
        nextOffsets.put(topic, offset + 1);
        return offset;
    }

    private void enqueue(String topic, String taskTopic, long timestamp, byte[] key, byte[] value, Headers headers) {
        TopicPartition partition = new TopicPartition(topic, PARTITION_ID);
        task.addRecords(partition, processorTopology.source(taskTopic),
                List.of(consumerRecord(topic, nextOffset(topic), timestamp, key, value, headers)));
    }

    private static ConsumerRecord<byte[], byte[]> consumerRecord(String topic, long offset, long timestamp,
                                                                 byte[] key, byte[] value, Headers headers) {
        return new ConsumerRecord<>(topic, PARTITION_ID, offset, timestamp, TimestampType.CREATE_TIME,
                key == null ? ConsumerRecord.NULL_SIZE : key.length,
                value == null ? ConsumerRecord.NULL_SIZE : value.length, key, value, headers,
                java.util.Optional.empty());
    }

    /** Feeds one record to the global stores' update processors at once, as Kafka's driver does. */
    private void updateGlobalStores(String topic, long timestamp, byte[] key, byte[] value, Headers headers) {
        globalTask.addRecords(new TopicPartition(topic, PARTITION_ID),
                List.of(consumerRecord(topic, nextOffset(topic), timestamp, key, value, headers)));
        while (globalTask.process(wallClockMs)) {
            globalTask.commitCaches();
        }
    }

    private void completeAllProcessableWork() {
        captureOutputs();
        if (task == null) {
            return;
        }
        while (task.hasRecordsQueued()) {
            task.process(wallClockMs);
            task.maybePunctuateStreamTime();
            task.commitCaches();
            captureOutputs();
        }
    }

    private void captureOutputs() {
        for (ProducerRecord<byte[], byte[]> record : collector.drain()) {
            String topic = record.topic();
            outputRecordsByTopic.computeIfAbsent(topic, t -> new ArrayDeque<>()).add(record);
            String taskTopic = taskInputTopic(topic);
            if (taskTopic != null) {
                enqueue(topic, taskTopic, record.timestamp(), record.key(), record.value(), record.headers());
            }
            if (globalTopology != null && globalTopology.source(topic) != null) {
                updateGlobalStores(topic, record.timestamp(), record.key(), record.value(), record.headers());
            }
        }
    }

    /**
     * Advances the mocked wall clock, fires due wall-clock punctuations, commits and processes what they produced.
     *
     * @param advance how far to advance
     */
    public void advanceWallClockTime(Duration advance) {
        Objects.requireNonNull(advance, "advance cannot be null");
        wallClockMs += advance.toMillis();
        if (task != null) {
            task.maybePunctuateSystemTime();
            task.commitCaches();
        }
        completeAllProcessableWork();
    }

    // ---- topics --------------------------------------------------------------------------------------------------

    /**
     * Creates an input topic whose records start at the mocked wall-clock time and do not auto-advance.
     *
     * @param topicName the topic
     * @param keySerializer the key serializer
     * @param valueSerializer the value serializer
     * @param <K> the key type
     * @param <V> the value type
     * @return the input topic
     */
    public final <K, V> TestInputTopic<K, V> createInputTopic(String topicName, Serializer<K> keySerializer,
                                                              Serializer<V> valueSerializer) {
        return new TestInputTopic<>(this, topicName, keySerializer, valueSerializer, Instant.ofEpochMilli(wallClockMs),
                Duration.ZERO);
    }

    /**
     * Creates an input topic with a start timestamp and an automatic advance per record.
     *
     * @param topicName the topic
     * @param keySerializer the key serializer
     * @param valueSerializer the value serializer
     * @param startTimestamp the timestamp of the first record
     * @param autoAdvance how much each record advances the next one's timestamp
     * @param <K> the key type
     * @param <V> the value type
     * @return the input topic
     */
    public final <K, V> TestInputTopic<K, V> createInputTopic(String topicName, Serializer<K> keySerializer,
                                                              Serializer<V> valueSerializer, Instant startTimestamp,
                                                              Duration autoAdvance) {
        return new TestInputTopic<>(this, topicName, keySerializer, valueSerializer, startTimestamp, autoAdvance);
    }

    /**
     * Creates an output topic reader.
     *
     * @param topicName the topic
     * @param keyDeserializer the key deserializer
     * @param valueDeserializer the value deserializer
     * @param <K> the key type
     * @param <V> the value type
     * @return the output topic
     */
    public final <K, V> TestOutputTopic<K, V> createOutputTopic(String topicName, Deserializer<K> keyDeserializer,
                                                                Deserializer<V> valueDeserializer) {
        return new TestOutputTopic<>(this, topicName, keyDeserializer, valueDeserializer);
    }

    /** @return the names of every topic something was written to (sinks, repartition and changelog topics) */
    public final Set<String> producedTopicNames() {
        return Collections.unmodifiableSet(outputRecordsByTopic.keySet());
    }

    private Queue<ProducerRecord<byte[], byte[]>> recordsQueue(String topic) {
        return outputRecordsByTopic.get(topic);
    }

    <K, V> TestRecord<K, V> readRecord(String topic, Deserializer<K> keyDeserializer,
                                       Deserializer<V> valueDeserializer) {
        Queue<ProducerRecord<byte[], byte[]>> records = recordsQueue(topic);
        if (records == null) {
            throw new NoSuchElementException("Uninitialized topic: " + topic);
        }
        ProducerRecord<byte[], byte[]> record = records.poll();
        if (record == null) {
            throw new NoSuchElementException("Empty topic: " + topic);
        }
        K key = keyDeserializer.deserialize(record.topic(), record.headers(), record.key());
        V value = valueDeserializer.deserialize(record.topic(), record.headers(), record.value());
        return new TestRecord<>(key, value, record.headers(), record.timestamp());
    }

    <K, V> void pipeRecord(String topic, TestRecord<K, V> record, Serializer<K> keySerializer,
                           Serializer<V> valueSerializer, Instant time) {
        byte[] key = keySerializer.serialize(topic, record.headers(), record.key());
        byte[] value = valueSerializer.serialize(topic, record.headers(), record.value());
        long timestamp;
        if (time != null) {
            timestamp = time.toEpochMilli();
        } else if (record.timestamp() != null) {
            timestamp = record.timestamp();
        } else {
            throw new IllegalStateException("Provided `TestRecord` does not have a timestamp and no timestamp "
                    + "overwrite was provided via `time` parameter.");
        }
        pipeRecord(topic, timestamp, key, value, record.headers());
    }

    final long queueSize(String topic) {
        Queue<ProducerRecord<byte[], byte[]>> records = recordsQueue(topic);
        return records == null ? 0 : records.size();
    }

    final boolean isEmpty(String topic) {
        return queueSize(topic) == 0;
    }

    // ---- stores --------------------------------------------------------------------------------------------------

    /**
     * Returns every store of the topology, global stores included.
     *
     * @return the stores by name
     */
    public Map<String, StateStore> getAllStateStores() {
        Map<String, StateStore> all = new HashMap<>();
        if (task != null) {
            all.putAll(task.storesByName());
        }
        if (globalTask != null) {
            all.putAll(globalTask.storesByName());
        }
        return all;
    }

    /**
     * Returns a store that is not one of the built-in types (those have typed getters).
     *
     * @param name the store name
     * @return the store, or null
     * @throws IllegalArgumentException if the store is a built-in type
     */
    public StateStore getStateStore(String name) throws IllegalArgumentException {
        StateStore store = store(name);
        if (store != null) {
            BuiltInStores.throwIfBuiltIn(store);
        }
        return store;
    }

    private StateStore store(String name) {
        StateStore store = null;
        if (task != null) {
            task.context().setRecordContext(new dev.millrace.streams.state.internals.ProcessorRecordContext(0L, -1L,
                    -1, null, null));
            store = task.store(name);
        }
        if (store == null && globalTask != null) {
            store = globalTask.store(name);
        }
        return store;
    }

    /**
     * Returns a key-value store; a timestamped store is returned as a plain view (values without timestamps).
     *
     * @param name the store name
     * @param <K> the key type
     * @param <V> the value type
     * @return the store, or null if there is none of that name or type
     */
    @SuppressWarnings("unchecked") // the caller names the store's types, as in Kafka
    public <K, V> KeyValueStore<K, V> getKeyValueStore(String name) {
        StateStore store = store(name);
        if (store instanceof TimestampedKeyValueStore) {
            return new KeyValueStoreFacade<>((TimestampedKeyValueStore<K, V>) store);
        }
        return store instanceof KeyValueStore ? (KeyValueStore<K, V>) store : null;
    }

    /**
     * Returns a timestamped key-value store.
     *
     * @param name the store name
     * @param <K> the key type
     * @param <V> the value type
     * @return the store, or null
     */
    @SuppressWarnings("unchecked") // the caller names the store's types, as in Kafka
    public <K, V> KeyValueStore<K, ValueAndTimestamp<V>> getTimestampedKeyValueStore(String name) {
        StateStore store = store(name);
        return store instanceof TimestampedKeyValueStore ? (TimestampedKeyValueStore<K, V>) store : null;
    }

    /**
     * Returns a versioned key-value store.
     *
     * @param name the store name
     * @param <K> the key type
     * @param <V> the value type
     * @return the store, or null
     */
    @SuppressWarnings("unchecked") // the caller names the store's types, as in Kafka
    public <K, V> VersionedKeyValueStore<K, V> getVersionedKeyValueStore(String name) {
        StateStore store = store(name);
        return store instanceof VersionedKeyValueStore ? (VersionedKeyValueStore<K, V>) store : null;
    }

    /**
     * Returns a window store; a timestamped window store is returned as is only through
     * {@link #getTimestampedWindowStore}.
     *
     * @param name the store name
     * @param <K> the key type
     * @param <V> the value type
     * @return the store, or null
     */
    @SuppressWarnings("unchecked") // the caller names the store's types, as in Kafka
    public <K, V> WindowStore<K, V> getWindowStore(String name) {
        StateStore store = store(name);
        if (store instanceof TimestampedWindowStore) {
            return null;
        }
        return store instanceof WindowStore ? (WindowStore<K, V>) store : null;
    }

    /**
     * Returns a timestamped window store.
     *
     * @param name the store name
     * @param <K> the key type
     * @param <V> the value type
     * @return the store, or null
     */
    @SuppressWarnings("unchecked") // the caller names the store's types, as in Kafka
    public <K, V> WindowStore<K, ValueAndTimestamp<V>> getTimestampedWindowStore(String name) {
        StateStore store = store(name);
        return store instanceof TimestampedWindowStore ? (TimestampedWindowStore<K, V>) store : null;
    }

    /**
     * Returns a session store.
     *
     * @param name the store name
     * @param <K> the key type
     * @param <V> the value type
     * @return the store, or null
     */
    @SuppressWarnings("unchecked") // the caller names the store's types, as in Kafka
    public <K, V> SessionStore<K, V> getSessionStore(String name) {
        StateStore store = store(name);
        return store instanceof SessionStore ? (SessionStore<K, V>) store : null;
    }

    /** Closes processors and stores, and deletes the state directory the driver created. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (StreamTask each : new StreamTask[] {task, globalTask}) {
            if (each == null) {
                continue;
            }
            try {
                each.close();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        captureOutputs();
        if (ownsStateRoot) {
            StateDirs.deleteRecursively(stateRoot);
        } else {
            StateDirs.deleteRecursively(settings.stateDir());
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Type checks for {@link #getStateStore}, with Kafka's messages. */
    private static final class BuiltInStores {
        static void throwIfBuiltIn(StateStore store) {
            String prefix = "Store " + store.name() + " is a ";
            if (store instanceof VersionedKeyValueStore) {
                throw new IllegalArgumentException(prefix
                        + "versioned key-value store and should be accessed via `getVersionedKeyValueStore()`");
            }
            if (store instanceof TimestampedKeyValueStore) {
                throw new IllegalArgumentException(prefix
                        + "timestamped key-value store and should be accessed via `getTimestampedKeyValueStore()`");
            }
            if (store instanceof ReadOnlyKeyValueStore) {
                throw new IllegalArgumentException(prefix
                        + "key-value store and should be accessed via `getKeyValueStore()`");
            }
            if (store instanceof TimestampedWindowStore) {
                throw new IllegalArgumentException(prefix
                        + "timestamped window store and should be accessed via `getTimestampedWindowStore()`");
            }
            if (store instanceof ReadOnlyWindowStore) {
                throw new IllegalArgumentException(prefix
                        + "window store and should be accessed via `getWindowStore()`");
            }
            if (store instanceof ReadOnlySessionStore) {
                throw new IllegalArgumentException(prefix
                        + "session store and should be accessed via `getSessionStore()`");
            }
        }
    }
}
