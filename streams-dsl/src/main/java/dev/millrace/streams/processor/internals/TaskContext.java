package dev.millrace.streams.processor.internals;

import dev.millrace.common.header.Headers;
import dev.millrace.common.serialization.Serde;
import dev.millrace.streams.StreamsMetrics;
import dev.millrace.streams.errors.StreamsException;
import dev.millrace.streams.processor.Cancellable;
import dev.millrace.streams.processor.CommitCallback;
import dev.millrace.streams.processor.PunctuationType;
import dev.millrace.streams.processor.Punctuator;
import dev.millrace.streams.processor.StateRestoreCallback;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.processor.TaskId;
import dev.millrace.streams.processor.To;
import dev.millrace.streams.processor.api.FixedKeyProcessorContext;
import dev.millrace.streams.processor.api.FixedKeyRecord;
import dev.millrace.streams.processor.api.ProcessorContext;
import dev.millrace.streams.processor.api.Record;
import dev.millrace.streams.processor.api.RecordMetadata;
import dev.millrace.streams.state.internals.ChangelogSink;
import dev.millrace.streams.state.internals.InternalStoreContext;
import dev.millrace.streams.state.internals.ProcessorRecordContext;
import dev.millrace.streams.state.internals.ThreadCache;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one context of a task, seen by every processor (as {@link ProcessorContext}, {@link FixedKeyProcessorContext}
 * or the old {@link dev.millrace.streams.processor.ProcessorContext}) and every store (as {@link StateStoreContext} and
 * {@link InternalStoreContext}). It tracks the node being run and the context of the record being processed, and
 * forwards records depth-first to children, as Kafka Streams does.
 *
 * <p>Owning thread: the task's thread. Invariant: {@link #currentNode()} is non-null exactly while a node's
 * {@code init}, {@code process}, {@code close} or punctuator runs.
 */
public final class TaskContext implements ProcessorContext<Object, Object>, FixedKeyProcessorContext<Object, Object>,
        dev.millrace.streams.processor.ProcessorContext, StateStoreContext, InternalStoreContext {

    private static final ProcessorRecordContext NO_RECORD =
            new ProcessorRecordContext(-1L, -1L, -1, null, null);

    private final TaskId taskId;
    private final TaskSettings settings;
    private final StreamTask task;
    private final Map<String, StateStore> stores = new HashMap<>();
    private ProcessorNode<?, ?, ?, ?> currentNode;
    private ProcessorRecordContext recordContext = NO_RECORD;
    private long systemTimeMs;
    private byte[] sourceRawKey;
    private byte[] sourceRawValue;

    TaskContext(TaskId taskId, TaskSettings settings, StreamTask task) {
        this.taskId = taskId;
        this.settings = settings;
        this.task = task;
    }

    // ---- runtime hooks -------------------------------------------------------------------------------------------

    /** @return the node being run, or null */
    public ProcessorNode<?, ?, ?, ?> currentNode() {
        return currentNode;
    }

    /**
     * Sets the node being run. Cache flush listeners set their own node around forwarding, as in Kafka Streams.
     *
     * @param node the node, or null between steps
     */
    public void setCurrentNode(ProcessorNode<?, ?, ?, ?> node) {
        this.currentNode = node;
    }

    TaskSettings settings() {
        return settings;
    }

    void setSourceRaw(byte[] key, byte[] value) {
        this.sourceRawKey = key;
        this.sourceRawValue = value;
    }

    byte[] sourceRawKey() {
        return sourceRawKey;
    }

    byte[] sourceRawValue() {
        return sourceRawValue;
    }

    void setSystemTimeMs(long systemTimeMs) {
        this.systemTimeMs = systemTimeMs;
    }

    void addStore(StateStore store) {
        stores.put(store.name(), store);
    }

    /** @return the record collector of the task */
    public RecordCollector recordCollector() {
        return task.collector();
    }

    @Override
    public ProcessorRecordContext recordContext() {
        return recordContext;
    }

    @Override
    public void setRecordContext(ProcessorRecordContext recordContext) {
        this.recordContext = recordContext == null ? NO_RECORD : recordContext;
    }

    @Override
    public ThreadCache cache() {
        return task.cache();
    }

    @Override
    public ChangelogSink changelogSink() {
        return task.changelogSink();
    }

    // ---- identity and configuration ------------------------------------------------------------------------------

    @Override
    public String applicationId() {
        return settings.applicationId();
    }

    @Override
    public TaskId taskId() {
        return taskId;
    }

    @Override
    public Optional<RecordMetadata> recordMetadata() {
        return recordContext.topic() == null ? Optional.empty() : Optional.of(recordContext);
    }

    @Override
    public Serde<?> keySerde() {
        return settings.keySerde();
    }

    @Override
    public Serde<?> valueSerde() {
        return settings.valueSerde();
    }

    @Override
    public File stateDir() {
        return task.stateDir();
    }

    @Override
    public StreamsMetrics metrics() {
        return settings.metrics();
    }

    @Override
    public Map<String, Object> appConfigs() {
        return settings.appConfigs();
    }

    @Override
    public Map<String, Object> appConfigsWithPrefix(String prefix) {
        Map<String, Object> matching = new HashMap<>();
        settings.appConfigs().forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                matching.put(key.substring(prefix.length()), value);
            }
        });
        return matching;
    }

    @Override
    public long currentSystemTimeMs() {
        return systemTimeMs;
    }

    @Override
    public long currentStreamTimeMs() {
        return task.streamTime();
    }

    // ---- stores --------------------------------------------------------------------------------------------------

    @Override
    public void register(StateStore store, StateRestoreCallback restoreCallback) {
        register(store, restoreCallback, () -> { });
    }

    @Override
    public void register(StateStore store, StateRestoreCallback restoreCallback, CommitCallback commitCallback) {
        task.stores().register(store, restoreCallback, commitCallback);
    }

    @Override
    @SuppressWarnings("unchecked") // the caller names the store's type, as in Kafka
    public <S extends StateStore> S getStateStore(String name) {
        if (currentNode == null) {
            throw new StreamsException("reason=storeAccessOutsideProcessor store=" + name + " task=" + taskId
                    + ": stores can only be accessed from a processor's init, process or punctuator");
        }
        StateStore global = task.globalStore(name);
        if (global != null) {
            return (S) global;
        }
        if (!currentNode.stateStores().contains(name)) {
            throw new StreamsException("Processor " + currentNode.name() + " has no access to StateStore " + name
                    + " as the store is not connected to the processor (processor=" + currentNode.name() + " store="
                    + name + "). Connect it with addStateStore(builder, processorNames), "
                    + "connectProcessorAndStateStores(...), by naming it in process(...)/processValues(...), or "
                    + "by returning its builder from the supplier's stores().");
        }
        return (S) stores.get(name);
    }

    // ---- punctuation and commit ----------------------------------------------------------------------------------

    @Override
    public Cancellable schedule(Duration interval, PunctuationType type, Punctuator callback) {
        return task.schedule(currentNode, validInterval(interval), type, callback, null);
    }

    @Override
    public Cancellable schedule(Instant startTime, Duration interval, PunctuationType type, Punctuator callback) {
        return task.schedule(currentNode, validInterval(interval), type, callback, startTime);
    }

    private static long validInterval(Duration interval) {
        if (interval == null) {
            throw new IllegalArgumentException("interval can't be null");
        }
        long millis = interval.toMillis();
        if (millis < 1) {
            throw new IllegalArgumentException("The minimum supported scheduling interval is 1 millisecond. "
                    + "interval=" + interval);
        }
        return millis;
    }

    @Override
    public void commit() {
        task.requestCommit();
    }

    // ---- forwarding ----------------------------------------------------------------------------------------------

    @Override
    public <K, V> void forward(Record<K, V> record) {
        forwardRecord(record, null);
    }

    @Override
    public <K, V> void forward(Record<K, V> record, String childName) {
        forwardRecord(record, childName);
    }

    @Override
    public <K, V> void forward(FixedKeyRecord<K, V> record) {
        forwardRecord(new Record<>(record.key(), record.value(), record.timestamp(), record.headers()), null);
    }

    @Override
    public <K, V> void forward(FixedKeyRecord<K, V> record, String childName) {
        forwardRecord(new Record<>(record.key(), record.value(), record.timestamp(), record.headers()), childName);
    }

    @Override
    public <K, V> void forward(K key, V value) {
        forwardRecord(new Record<>(key, value, recordContext.timestamp(), recordContext.headers()), null);
    }

    @Override
    public <K, V> void forward(K key, V value, To to) {
        ToInternal target = new ToInternal(to);
        long timestamp = target.hasTimestamp() ? target.timestamp() : recordContext.timestamp();
        forwardRecord(new Record<>(key, value, timestamp, recordContext.headers()), target.child());
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // children accept what their parent forwards: the topology's contract
    private void forwardRecord(Record<?, ?> record, String childName) {
        ProcessorNode<?, ?, ?, ?> previousNode = currentNode;
        if (previousNode == null) {
            throw new StreamsException("reason=forwardOutsideProcessor task=" + taskId
                    + ": forward() may only be called from a processor's process or punctuator");
        }
        ProcessorRecordContext previousContext = recordContext;
        if (record.timestamp() != previousContext.timestamp() || record.headers() != previousContext.headers()) {
            recordContext = new ProcessorRecordContext(record.timestamp(), previousContext.offset(),
                    previousContext.partition(), previousContext.topic(), record.headers());
        }
        try {
            if (childName == null) {
                List<? extends ProcessorNode<?, ?, ?, ?>> children = previousNode.children();
                for (int i = 0; i < children.size(); i++) {
                    ProcessorNode child = children.get(i);
                    currentNode = child;
                    child.process(record);
                }
            } else {
                ProcessorNode child = previousNode.child(childName);
                if (child == null) {
                    throw new StreamsException("Unknown downstream node: " + childName
                            + " either does not exist or is not connected to this processor (processor="
                            + previousNode.name() + ").");
                }
                currentNode = child;
                child.process(record);
            }
        } finally {
            currentNode = previousNode;
            recordContext = previousContext;
        }
    }

    // ---- old-style record metadata -------------------------------------------------------------------------------

    @Override
    public String topic() {
        return recordContext.topic();
    }

    @Override
    public int partition() {
        return recordContext.partition();
    }

    @Override
    public long offset() {
        return recordContext.offset();
    }

    @Override
    public Headers headers() {
        return recordContext.headers();
    }

    @Override
    public long timestamp() {
        return recordContext.timestamp();
    }

    /** Reads the protected fields of {@link To}. */
    private static final class ToInternal extends To {
        ToInternal(To to) {
            super(to);
        }

        String child() {
            return childName;
        }

        boolean hasTimestamp() {
            return timestamp != -1;
        }

        long timestamp() {
            return timestamp;
        }
    }
}
