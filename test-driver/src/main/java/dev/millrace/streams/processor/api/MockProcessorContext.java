package dev.millrace.streams.processor.api;

import dev.millrace.common.serialization.Serde;
import dev.millrace.streams.StreamsMetrics;
import dev.millrace.streams.processor.Cancellable;
import dev.millrace.streams.processor.PunctuationType;
import dev.millrace.streams.processor.Punctuator;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.processor.TaskId;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * A {@link ProcessorContext} for unit tests of one {@link Processor}, without a topology or driver: it records what
 * the processor does instead of doing it. Forwarded records are captured (see {@link #forwarded()}), scheduled
 * punctuators are captured and never fire on their own (see {@link #scheduledPunctuators()}), and {@link #commit()}
 * only sets a flag (see {@link #committed()}). Time and record metadata are whatever the test sets: reading the
 * system or stream time before it was set throws {@link IllegalStateException}, and {@link #recordMetadata()} is
 * empty until {@link #setRecordMetadata(String, int, long)} is called.
 *
 * <p>State stores are added with {@link #addStateStore(StateStore)}, or built with caching and change-logging
 * disabled and initialised with {@code store.init(context.getStateStoreContext(), store)}, which registers them
 * here; stores with caching or logging enabled are refused during {@code init}, since the mock has neither a record
 * cache nor a changelog.
 *
 * <p>Configuration comes from the given properties; {@code bootstrap.servers} defaults to
 * {@code dummy-bootstrap-host:0} and {@code application.id} to {@code dummy-mock-app-id} (the empty string for the
 * no-argument constructor). {@link #keySerde()} and {@link #valueSerde()} create the configured
 * {@code default.key.serde} / {@code default.value.serde}. Not thread-safe: one test thread creates and uses it.
 *
 * @param <KForward> the key type of the records the processor forwards
 * @param <VForward> the value type of the records the processor forwards
 */
public class MockProcessorContext<KForward, VForward> implements ProcessorContext<KForward, VForward> {

    private final TaskId taskId;
    private final MockProcessorContextConfig config;
    private final File stateDir;
    private final StreamsMetrics metrics;

    private RecordMetadata recordMetadata;
    private Long currentSystemTimeMs;
    private Long currentStreamTimeMs;

    private final Map<String, StateStore> stateStores = new HashMap<>();
    private final List<CapturedPunctuator> punctuators = new LinkedList<>();
    private final List<CapturedForward<? extends KForward, ? extends VForward>> capturedForwards = new LinkedList<>();
    private boolean committed;

    /**
     * Creates a mock with application id {@code ""}, task {@code 0_0} and no state directory.
     */
    public MockProcessorContext() {
        this(emptyApplicationIdProperties(), new TaskId(0, 0), null);
    }

    /**
     * Creates a mock with the given configuration, task {@code 0_0} and no state directory.
     *
     * @param config the application configuration
     */
    public MockProcessorContext(Properties config) {
        this(config, new TaskId(0, 0), null);
    }

    /**
     * Creates a mock.
     *
     * @param config the application configuration; copied
     * @param taskId the task id the processor sees
     * @param stateDir the state directory the processor and its stores see, or null if the test needs none
     */
    public MockProcessorContext(Properties config, TaskId taskId, File stateDir) {
        this.config = MockProcessorContextConfig.of(config);
        this.taskId = taskId;
        this.stateDir = stateDir;
        this.metrics = new MockProcessorContextMetrics(Thread.currentThread().getName(), String.valueOf(taskId));
    }

    private static Properties emptyApplicationIdProperties() {
        Properties properties = new Properties();
        properties.put(MockProcessorContextConfig.APPLICATION_ID_CONFIG, "");
        properties.put(MockProcessorContextConfig.BOOTSTRAP_SERVERS_CONFIG,
                MockProcessorContextConfig.DUMMY_BOOTSTRAP_SERVERS);
        return properties;
    }

    @Override
    public String applicationId() {
        return config.applicationId();
    }

    @Override
    public TaskId taskId() {
        return taskId;
    }

    /** Returns a new mutable map of every configured property, with the two filled-in defaults. */
    @Override
    public Map<String, Object> appConfigs() {
        return config.appConfigs();
    }

    @Override
    public Map<String, Object> appConfigsWithPrefix(String prefix) {
        return config.appConfigsWithPrefix(prefix);
    }

    /**
     * Returns the system time the test set.
     *
     * @throws IllegalStateException if {@link #setCurrentSystemTimeMs(long)} was never called
     */
    @Override
    public long currentSystemTimeMs() {
        if (currentSystemTimeMs == null) {
            throw new IllegalStateException("System time must be set before use via setCurrentSystemTimeMs().");
        }
        return currentSystemTimeMs;
    }

    /**
     * Returns the stream time the test set.
     *
     * @throws IllegalStateException if {@link #setCurrentStreamTimeMs(long)} was never called
     */
    @Override
    public long currentStreamTimeMs() {
        if (currentStreamTimeMs == null) {
            throw new IllegalStateException("Stream time must be set before use via setCurrentStreamTimeMs().");
        }
        return currentStreamTimeMs;
    }

    /**
     * Returns a new instance of {@code default.key.serde}, configured with every property.
     *
     * @throws dev.millrace.common.config.ConfigException if {@code default.key.serde} is not set
     * @throws dev.millrace.streams.errors.StreamsException if the serde cannot be created or configured
     */
    @Override
    public Serde<?> keySerde() {
        return config.defaultKeySerde();
    }

    /**
     * Returns a new instance of {@code default.value.serde}, configured with every property.
     *
     * @throws dev.millrace.common.config.ConfigException if {@code default.value.serde} is not set
     * @throws dev.millrace.streams.errors.StreamsException if the serde cannot be created or configured
     */
    @Override
    public Serde<?> valueSerde() {
        return config.defaultValueSerde();
    }

    /**
     * Returns the state directory given to the constructor.
     *
     * @throws NullPointerException if none was given
     */
    @Override
    public File stateDir() {
        return Objects.requireNonNull(stateDir, "reason=noStateDir context=MockProcessorContext"
                + " fix=use an in-memory store, or pass a non-null stateDir to"
                + " MockProcessorContext(Properties, TaskId, File)");
    }

    /** Returns the task's {@code dropped-records} metrics, which stay at zero. */
    @Override
    public StreamsMetrics metrics() {
        return metrics;
    }

    /**
     * Sets the metadata {@link #recordMetadata()} returns, as if the processor were handling a record from there.
     *
     * @param topic the source topic
     * @param partition the source partition
     * @param offset the source offset
     */
    public void setRecordMetadata(String topic, int partition, long offset) {
        recordMetadata = new MockRecordMetadata(topic, partition, offset);
    }

    /**
     * Sets the time {@link #currentSystemTimeMs()} returns.
     *
     * @param currentSystemTimeMs the wall-clock time in epoch milliseconds
     */
    public void setCurrentSystemTimeMs(long currentSystemTimeMs) {
        this.currentSystemTimeMs = currentSystemTimeMs;
    }

    /**
     * Sets the time {@link #currentStreamTimeMs()} returns.
     *
     * @param currentStreamTimeMs the stream time in epoch milliseconds
     */
    public void setCurrentStreamTimeMs(long currentStreamTimeMs) {
        this.currentStreamTimeMs = currentStreamTimeMs;
    }

    /** Returns the metadata the test set, or empty if it set none. */
    @Override
    public Optional<RecordMetadata> recordMetadata() {
        return Optional.ofNullable(recordMetadata);
    }

    /** Returns the store added or registered under {@code name}, or null if there is none. */
    @Override
    public <S extends StateStore> S getStateStore(String name) {
        // the interface lets the caller choose S, as Kafka's does; a wrong choice fails at the caller's use site
        @SuppressWarnings("unchecked")
        S store = (S) stateStores.get(name);
        return store;
    }

    /**
     * Makes a store visible to {@link #getStateStore(String)} under its name, replacing any store of that name. The
     * store is not initialised; a test that needs that calls {@code store.init(getStateStoreContext(), store)}.
     *
     * @param stateStore the store
     * @param <S> the store type
     */
    public <S extends StateStore> void addStateStore(S stateStore) {
        stateStores.put(stateStore.name(), stateStore);
    }

    /** Captures the punctuator (unanchored: no start time); it never fires on its own. */
    @Override
    public Cancellable schedule(Duration interval, PunctuationType type, Punctuator callback) {
        CapturedPunctuator captured = new CapturedPunctuator(null, interval, type, callback);
        punctuators.add(captured);
        return captured::cancel;
    }

    /** Captures the punctuator with its start time; it never fires on its own. */
    @Override
    public Cancellable schedule(Instant startTime, Duration interval, PunctuationType type, Punctuator callback) {
        CapturedPunctuator captured = new CapturedPunctuator(startTime, interval, type, callback);
        punctuators.add(captured);
        return captured::cancel;
    }

    /**
     * Returns the punctuators scheduled so far, cancelled ones included, in scheduling order.
     *
     * @return a new list
     */
    public List<CapturedPunctuator> scheduledPunctuators() {
        return new LinkedList<>(punctuators);
    }

    /** Captures the record as forwarded to every child. */
    @Override
    public <K extends KForward, V extends VForward> void forward(Record<K, V> record) {
        forward(record, null);
    }

    /** Captures the record as forwarded to {@code childName}, or to every child if it is null. */
    @Override
    public <K extends KForward, V extends VForward> void forward(Record<K, V> record, String childName) {
        capturedForwards.add(new CapturedForward<>(record, Optional.ofNullable(childName)));
    }

    /**
     * Returns every record forwarded since creation or the last {@link #resetForwards()}, in order.
     *
     * @return a new list
     */
    public List<CapturedForward<? extends KForward, ? extends VForward>> forwarded() {
        return new LinkedList<>(capturedForwards);
    }

    /**
     * Returns the records that {@code childName} would have received: those forwarded to it and those forwarded
     * to every child, in order.
     *
     * @param childName the child processor's name
     * @return a new list
     */
    public List<CapturedForward<? extends KForward, ? extends VForward>> forwarded(String childName) {
        List<CapturedForward<? extends KForward, ? extends VForward>> result = new LinkedList<>();
        for (CapturedForward<? extends KForward, ? extends VForward> capture : capturedForwards) {
            if (capture.childName().isEmpty() || capture.childName().get().equals(childName)) {
                result.add(capture);
            }
        }
        return result;
    }

    /** Forgets every captured forward. */
    public void resetForwards() {
        capturedForwards.clear();
    }

    /** Records that a commit was requested. */
    @Override
    public void commit() {
        committed = true;
    }

    /**
     * Returns whether a commit was requested since creation or the last {@link #resetCommit()}.
     *
     * @return true if {@link #commit()} was called
     */
    public boolean committed() {
        return committed;
    }

    /** Forgets the commit request. */
    public void resetCommit() {
        committed = false;
    }

    /**
     * Returns a context to initialise stores with: {@code store.init(context.getStateStoreContext(), store)}
     * registers the store here. It answers from this mock (ids, configs, serdes, state directory, metadata).
     * Stores with caching or change-logging enabled are refused with {@link UnsupportedOperationException}.
     *
     * @return a new store context backed by this mock
     */
    public StateStoreContext getStateStoreContext() {
        return new MockProcessorContextStoreContext(this);
    }

    /** The settable record metadata. */
    private record MockRecordMetadata(String topic, int partition, long offset) implements RecordMetadata {
    }

    /**
     * A punctuator the processor scheduled: its start time (null when unanchored), interval, type and callback,
     * and whether the processor cancelled it. The test fires it by calling
     * {@code getPunctuator().punctuate(time)}. Mutable only through {@link #cancel()}; test thread only.
     */
    public static final class CapturedPunctuator {
        private final Instant startTime;
        private final Duration interval;
        private final PunctuationType type;
        private final Punctuator punctuator;
        private boolean cancelled;

        private CapturedPunctuator(Instant startTime, Duration interval, PunctuationType type,
                                   Punctuator punctuator) {
            this.startTime = startTime;
            this.interval = interval;
            this.type = type;
            this.punctuator = punctuator;
        }

        /**
         * Returns the start time of an anchored punctuator.
         *
         * @return the start time, or null if the punctuator was scheduled without one
         */
        public Instant getStartTime() {
            return startTime;
        }

        /**
         * Returns the interval between punctuations.
         *
         * @return the interval
         */
        public Duration getInterval() {
            return interval;
        }

        /**
         * Returns whether the punctuator follows stream time or wall-clock time.
         *
         * @return the punctuation type
         */
        public PunctuationType getType() {
            return type;
        }

        /**
         * Returns the callback.
         *
         * @return the punctuator
         */
        public Punctuator getPunctuator() {
            return punctuator;
        }

        /** Marks the punctuator cancelled, as the {@link Cancellable} returned by {@code schedule} does. */
        public void cancel() {
            cancelled = true;
        }

        /**
         * Returns whether the punctuator was cancelled.
         *
         * @return true once {@link #cancel()} was called
         */
        public boolean cancelled() {
            return cancelled;
        }
    }

    /**
     * A record the processor forwarded, with the child it was forwarded to (empty when forwarded to every child).
     * Immutable; equal when record and child name are equal.
     *
     * @param <K> the key type
     * @param <V> the value type
     */
    public static final class CapturedForward<K, V> {

        private final Record<K, V> record;
        private final Optional<String> childName;

        /**
         * Captures a record forwarded to every child.
         *
         * @param record the record
         * @throws NullPointerException if {@code record} is null
         */
        public CapturedForward(Record<K, V> record) {
            this(record, Optional.empty());
        }

        /**
         * Captures a record forwarded to one child, or to every child if {@code childName} is empty.
         *
         * @param record the record
         * @param childName the child's name, or empty
         * @throws NullPointerException if an argument is null
         */
        public CapturedForward(Record<K, V> record, Optional<String> childName) {
            this.record = Objects.requireNonNull(record);
            this.childName = Objects.requireNonNull(childName);
        }

        /**
         * Returns the child the record was forwarded to.
         *
         * @return the child's name, or empty if the record went to every child
         */
        public Optional<String> childName() {
            return childName;
        }

        /**
         * Returns the forwarded record.
         *
         * @return the record
         */
        public Record<K, V> record() {
            return record;
        }

        @Override
        public String toString() {
            return "CapturedForward{record=" + record + ", childName=" + childName + '}';
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (o == null || getClass() != o.getClass()) {
                return false;
            }
            CapturedForward<?, ?> that = (CapturedForward<?, ?>) o;
            return Objects.equals(record, that.record) && Objects.equals(childName, that.childName);
        }

        @Override
        public int hashCode() {
            return Objects.hash(record, childName);
        }
    }
}
