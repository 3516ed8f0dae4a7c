package dev.millrace.streams.processor.internals;

import dev.millrace.clients.consumer.ConsumerRecord;
import dev.millrace.common.TopicPartition;
import dev.millrace.common.header.Headers;
import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.errors.StreamsException;
import dev.millrace.streams.errors.internals.FailedProcessingException;
import dev.millrace.streams.processor.Cancellable;
import dev.millrace.streams.processor.PunctuationType;
import dev.millrace.streams.processor.Punctuator;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.TaskId;
import dev.millrace.streams.processor.TimestampExtractor;
import dev.millrace.streams.processor.api.Record;
import dev.millrace.streams.query.Position;
import dev.millrace.streams.state.internals.ChangelogSink;
import dev.millrace.streams.state.internals.ProcessorRecordContext;
import dev.millrace.streams.state.internals.ThreadCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The task engine shared by the test driver and the runtime: one task runs one {@link ProcessorTopology} over its
 * input partitions. It queues raw records, picks the next one by timestamp across partitions, deserializes and
 * stamps it (timestamp extractor, invalid timestamps dropped and counted), runs it depth-first through the graph,
 * advances stream time, fires stream-time and wall-clock punctuations, and commits (stores flushed, caches forward
 * their updates) when asked.
 *
 * <p>Owning thread: one thread steps a task ({@link #process}, {@link #maybePunctuateStreamTime},
 * {@link #maybePunctuateSystemTime}, {@link #commit}); the wall clock is injected, so the same code runs on stream
 * threads and in deterministic tests. Invariants: stream time never decreases; the context's current node is null
 * between steps; a failed step leaves the task failed (the caller closes it) and names task, node, topic, partition
 * and offset in the exception.
 */
public final class StreamTask {

    private static final Logger LOG = LoggerFactory.getLogger(StreamTask.class);

    private final TaskId id;
    private final ProcessorTopology topology;
    private final TaskSettings settings;
    private final RecordCollector collector;
    private final ThreadCache cache;
    private final LongSupplier wallClock;
    private final File stateDir;
    private final Map<String, StateStore> globalStores;
    private final TaskContext context;
    private final TaskStores stores;
    private final TaskInputQueues input = new TaskInputQueues();
    private final PunctuationQueue streamTimePunctuations = new PunctuationQueue();
    private final PunctuationQueue systemTimePunctuations = new PunctuationQueue();
    private final Map<TopicPartition, Long> consumedOffsets = new HashMap<>();
    private final ChangelogSink changelogSink;
    private long streamTime = -1L;
    private boolean commitRequested;
    private boolean commitNeeded;
    private boolean initialized;

    /**
     * Creates a task; {@link #initialize()} opens its stores and processors.
     *
     * @param id the task id
     * @param topology a fresh graph for this task
     * @param settings the application settings
     * @param collector where sinks and changelogs send
     * @param cache the stream thread's record cache, or null when caching is off
     * @param wallClock the wall clock in milliseconds
     * @param stateDir the task's state directory
     * @param globalStores the global stores, by name
     */
    public StreamTask(TaskId id, ProcessorTopology topology, TaskSettings settings, RecordCollector collector,
                      ThreadCache cache, LongSupplier wallClock, File stateDir, Map<String, StateStore> globalStores) {
        this.id = id;
        this.topology = topology;
        this.settings = settings;
        this.collector = collector;
        this.cache = cache;
        this.wallClock = wallClock;
        this.stateDir = stateDir;
        this.globalStores = globalStores;
        this.context = new TaskContext(id, settings, this);
        this.stores = new TaskStores(topology.storeToChangelogTopic());
        this.changelogSink = (topic, partition, key, value, timestamp, headers, position) ->
                sendChangelog(topic, partition, key, value, timestamp, headers, position);
    }

    private void sendChangelog(String topic, int partition, Bytes key, byte[] value, long timestamp, Headers headers,
                               Position position) {
        collector.sendSerialized(topic, partition, key.get(), value, headers, timestamp);
    }

    /** Opens the stores, then initialises every processor in topology order. */
    public void initialize() {
        context.setSystemTimeMs(wallClock.getAsLong());
        stores.init(context, topology.stores(), topology.nodes());
        for (ProcessorNode<?, ?, ?, ?> node : topology.nodes()) {
            context.setCurrentNode(node);
            try {
                node.init(context);
            } catch (StreamsException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new StreamsException("failed to initialize processor " + node.name() + " (task=" + id
                        + " node=" + node.name() + ")", e);
            } finally {
                context.setCurrentNode(null);
            }
        }
        initialized = true;
    }

    // ---- accessors used by the context ---------------------------------------------------------------------------

    /** @return the task id */
    public TaskId id() {
        return id;
    }

    /** @return the task's context */
    public TaskContext context() {
        return context;
    }

    RecordCollector collector() {
        return collector;
    }

    ThreadCache cache() {
        return cache;
    }

    ChangelogSink changelogSink() {
        return changelogSink;
    }

    File stateDir() {
        return stateDir;
    }

    TaskStores stores() {
        return stores;
    }

    StateStore globalStore(String name) {
        return globalStores.get(name);
    }

    /**
     * Returns one of the task's stores by name (test driver and interactive queries).
     *
     * @param name the store name
     * @return the store, or null
     */
    public StateStore store(String name) {
        TaskStores.Registered registered = stores.registered().get(name);
        return registered == null ? null : registered.store();
    }

    /** @return the task's stores, by name, in registration order */
    public Map<String, StateStore> storesByName() {
        Map<String, StateStore> byName = new java.util.LinkedHashMap<>();
        stores.registered().forEach((name, registered) -> byName.put(name, registered.store()));
        return byName;
    }

    /** @return the stream time: the largest timestamp processed so far, or -1 */
    public long streamTime() {
        return streamTime;
    }

    void requestCommit() {
        commitRequested = true;
    }

    /** @return whether a processor asked for a commit since the last one */
    public boolean commitRequested() {
        return commitRequested;
    }

    // ---- input ---------------------------------------------------------------------------------------------------

    /**
     * Queues raw records of one input partition.
     *
     * @param partition the partition; its topic must be one of the topology's sources
     * @param records the records, in offset order
     */
    public void addRecords(TopicPartition partition, Iterable<ConsumerRecord<byte[], byte[]>> records) {
        SourceNode<?, ?> source = topology.source(partition.topic());
        if (source == null) {
            throw new IllegalArgumentException("reason=unknownInputTopic task=" + id + " topic=" + partition.topic());
        }
        addRecords(partition, source, records);
    }

    /**
     * Queues raw records of one input partition read by a given source node (pattern subscriptions).
     *
     * @param partition the partition
     * @param source the source node reading it
     * @param records the records, in offset order
     */
    public void addRecords(TopicPartition partition, SourceNode<?, ?> source,
                           Iterable<ConsumerRecord<byte[], byte[]>> records) {
        TaskInputQueues.PartitionQueue queue = input.queue(partition, source);
        for (ConsumerRecord<byte[], byte[]> record : records) {
            input.add(queue, record);
        }
    }

    /** @return whether records are waiting */
    public boolean hasRecordsQueued() {
        return input.buffered() > 0;
    }

    /** @return the offsets of the last processed record per partition, plus one (what a commit would store) */
    public Map<TopicPartition, Long> committableOffsets() {
        Map<TopicPartition, Long> next = new HashMap<>();
        consumedOffsets.forEach((partition, offset) -> next.put(partition, offset + 1));
        return next;
    }

    // ---- processing ----------------------------------------------------------------------------------------------

    /**
     * Processes the next record.
     *
     * @param wallClockTime the wall-clock time to expose as {@code currentSystemTimeMs()}
     * @return whether a record was processed (false when none is queued or all queued ones were dropped)
     */
    public boolean process(long wallClockTime) {
        TaskInputQueues.Stamped next = nextRecord();
        if (next == null) {
            return false;
        }
        if (next.timestamp() > streamTime) {
            streamTime = next.timestamp();
        }
        ProcessorRecordContext recordContext = new ProcessorRecordContext(next.timestamp(), next.offset(),
                next.partition().partition(), next.partition().topic(), next.headers());
        context.setRecordContext(recordContext);
        context.setSourceRaw(next.rawKey(), next.rawValue());
        context.setSystemTimeMs(wallClockTime);
        consumedOffsets.put(next.partition(), next.offset());
        runSource(next);
        commitNeeded = true;
        return true;
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // the source node accepts what it deserialized
    private void runSource(TaskInputQueues.Stamped next) {
        SourceNode source = next.source();
        context.setCurrentNode(source);
        try {
            source.process(new Record<>(next.key(), next.value(), next.timestamp(), next.headers()));
        } catch (FailedProcessingException e) {
            throw processFailure(e.failedProcessorNodeName(), next, e.getCause() == null ? e : e.getCause());
        } catch (StreamsException e) {
            if (e.taskId().isEmpty()) {
                e.setTaskId(id);
            }
            throw e;
        } catch (RuntimeException e) {
            throw processFailure(failingNode(source), next, e);
        } finally {
            context.setCurrentNode(null);
            context.setSourceRaw(null, null);
        }
    }

    private StreamsException processFailure(String node, TaskInputQueues.Stamped next, Throwable cause) {
        return new StreamsException(String.format("Exception caught in process. taskId=%s, processor=%s, topic=%s, "
                        + "partition=%d, offset=%d", id, node, next.partition().topic(), next.partition().partition(),
                next.offset()), cause, id);
    }

    private String failingNode(ProcessorNode<?, ?, ?, ?> fallback) {
        ProcessorNode<?, ?, ?, ?> current = context.currentNode();
        return (current == null ? fallback : current).name();
    }

    private TaskInputQueues.Stamped nextRecord() {
        TaskInputQueues.PartitionQueue chosen = null;
        for (TaskInputQueues.PartitionQueue queue : input.queues()) {
            stampHead(queue);
            if (queue.head != null && (chosen == null || queue.head.timestamp() < chosen.head.timestamp())) {
                chosen = queue;
            }
        }
        if (chosen == null) {
            return null;
        }
        TaskInputQueues.Stamped head = chosen.head;
        chosen.head = null;
        input.consumed();
        return head;
    }

    /** Deserializes and stamps raw records until the queue has a valid head or is empty. */
    private void stampHead(TaskInputQueues.PartitionQueue queue) {
        while (queue.head == null && !queue.raw.isEmpty()) {
            ConsumerRecord<byte[], byte[]> raw = queue.raw.pollFirst();
            TaskInputQueues.Stamped stamped = RecordStamper.stamp(this, queue, raw);
            if (stamped == null) {
                input.consumed();
                consumedOffsets.put(queue.partition, raw.offset());
                continue;
            }
            if (stamped.timestamp() > queue.partitionTime) {
                queue.partitionTime = stamped.timestamp();
            }
            queue.head = stamped;
        }
    }

    TaskSettings settings() {
        return settings;
    }

    TimestampExtractor timestampExtractor(SourceNode<?, ?> source) {
        return source.timestampExtractor() != null ? source.timestampExtractor() : settings.timestampExtractor();
    }

    // ---- punctuation ---------------------------------------------------------------------------------------------

    Cancellable schedule(ProcessorNode<?, ?, ?, ?> node, long interval, PunctuationType type, Punctuator callback,
                         Instant startTime) {
        if (node == null) {
            throw new IllegalStateException("reason=scheduleOutsideProcessor task=" + id + ": Current node is null");
        }
        long now = type == PunctuationType.WALL_CLOCK_TIME ? wallClock.getAsLong() : streamTime;
        long due;
        if (startTime != null) {
            due = startTime.toEpochMilli();
            if (due < now) {
                long missed = (now - due) / interval;
                due = due + (missed + 1) * interval;
            }
        } else {
            due = type == PunctuationType.STREAM_TIME ? 0L : now + interval;
        }
        PunctuationQueue queue = type == PunctuationType.STREAM_TIME ? streamTimePunctuations : systemTimePunctuations;
        return queue.schedule(node, due, interval, callback);
    }

    /**
     * Fires due stream-time punctuations (nothing before the first record).
     *
     * @return whether a punctuator ran
     */
    public boolean maybePunctuateStreamTime() {
        if (streamTime < 0) {
            return false;
        }
        boolean punctuated = streamTimePunctuations.mayPunctuate(streamTime, PunctuationType.STREAM_TIME,
                this::punctuate);
        commitNeeded |= punctuated;
        return punctuated;
    }

    /**
     * Fires due wall-clock punctuations.
     *
     * @return whether a punctuator ran
     */
    public boolean maybePunctuateSystemTime() {
        long now = wallClock.getAsLong();
        boolean punctuated = systemTimePunctuations.mayPunctuate(now, PunctuationType.WALL_CLOCK_TIME,
                this::punctuate);
        commitNeeded |= punctuated;
        return punctuated;
    }

    private void punctuate(ProcessorNode<?, ?, ?, ?> node, long timestamp, PunctuationType type,
                           Punctuator punctuator) {
        if (context.currentNode() != null) {
            throw new IllegalStateException("reason=nestedPunctuation task=" + id + " node=" + node.name());
        }
        context.setRecordContext(new ProcessorRecordContext(timestamp, -1L, -1, null, null));
        context.setSystemTimeMs(wallClock.getAsLong());
        context.setCurrentNode(node);
        try {
            punctuator.punctuate(timestamp);
        } catch (FailedProcessingException e) {
            throw punctuateFailure(e.failedProcessorNodeName(), type, timestamp, e.getCause() == null ? e
                    : e.getCause());
        } catch (RuntimeException e) {
            try {
                ErrorHandling.processingFailed(context, node, null, e);
            } catch (FailedProcessingException failed) {
                throw punctuateFailure(node.name(), type, timestamp, e);
            }
        } finally {
            context.setCurrentNode(null);
        }
    }

    private StreamsException punctuateFailure(String node, PunctuationType type, long timestamp, Throwable cause) {
        return new StreamsException("Exception caught while punctuating processor '" + node + "' (task=" + id
                + " node=" + node + " type=" + type + " timestamp=" + timestamp + ")", cause, id);
    }

    // ---- commit and close ----------------------------------------------------------------------------------------

    /** @return whether anything happened since the last commit */
    public boolean commitNeeded() {
        return commitNeeded || commitRequested;
    }

    /**
     * Commits: flushes the stores (their caches forward pending updates downstream) and clears the commit request.
     * The caller then makes the collector's output and the {@link #committableOffsets()} durable.
     */
    public void commit() {
        context.setRecordContext(null);
        stores.flush();
        commitRequested = false;
        commitNeeded = false;
    }

    /**
     * Commits as far as anything downstream can see: flushes the record caches only (their pending updates are
     * forwarded), without making the stores durable. The test driver commits this way after every record.
     */
    public void commitCaches() {
        context.setRecordContext(null);
        stores.flushCaches();
        commitRequested = false;
        commitNeeded = false;
    }

    /** Closes every processor (reverse topology order is not required by Kafka's contract) and every store. */
    public void close() {
        RuntimeException first = null;
        if (initialized) {
            for (ProcessorNode<?, ?, ?, ?> node : topology.nodes()) {
                context.setCurrentNode(node);
                try {
                    node.close();
                } catch (RuntimeException e) {
                    if (first == null) {
                        first = e;
                    }
                } finally {
                    context.setCurrentNode(null);
                }
            }
        }
        streamTimePunctuations.close();
        systemTimePunctuations.close();
        try {
            stores.close();
        } catch (RuntimeException e) {
            if (first == null) {
                first = e;
            }
        }
        if (first != null) {
            LOG.warn("Closing task {} failed", id, first);
            throw first instanceof StreamsException s ? s : new StreamsException("reason=closeFailed task=" + id,
                    first);
        }
    }

    /** @return whether a wall-clock punctuation is due */
    public boolean canPunctuateSystemTime() {
        return systemTimePunctuations.canPunctuate(wallClock.getAsLong());
    }
}
