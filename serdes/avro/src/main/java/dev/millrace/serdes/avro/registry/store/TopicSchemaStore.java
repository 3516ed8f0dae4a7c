package dev.millrace.serdes.avro.registry.store;

import dev.millrace.clients.cluster.ClusterClient;
import dev.millrace.clients.cluster.ClusterClientConfig;
import dev.millrace.clients.cluster.FetchResult;
import dev.millrace.clients.cluster.NewTopic;
import dev.millrace.common.TopicPartition;
import dev.millrace.common.errors.TopicExistsException;
import dev.millrace.common.time.Time;
import dev.millrace.protocol.record.MemoryRecords;
import dev.millrace.protocol.record.Record;
import dev.millrace.protocol.record.RecordBatch;
import dev.millrace.protocol.record.RecordBatchBuilder;
import dev.millrace.serdes.avro.AvroConfigException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A {@link SchemaStore} kept in a compacted topic of the log server, Confluent's {@code _schemas} layout
 * (see {@link RegistryRecordCodec}), so schemas survive restarts of the registry and of the log server.
 *
 * <table>
 *   <caption>Topic store configuration keys (Confluent's names)</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code kafkastore.bootstrap.servers}</td><td>required</td><td>{@code host:port[,host:port]} of
 *       the log server</td></tr>
 *   <tr><td>{@code kafkastore.topic}</td><td>{@code _schemas}</td><td>the topic holding the records</td></tr>
 * </table>
 *
 * <p>Opening ({@link #open(Map)}) creates the topic if it is missing, with 1 partition, the broker's
 * default replication factor and {@code cleanup.policy=compact}. An existing topic must have exactly one
 * partition and {@code cleanup.policy=compact} (a delete policy would let retention remove schemas), or
 * opening fails with a {@link SchemaStoreException} naming the topic and the policy found.
 *
 * <p>{@link #append} produces one record with {@code acks=all} and returns once the broker acknowledged
 * its offset. {@link #replay} reads from the log start offset up to the end offset (high watermark) read
 * when the replay starts, page by page, skipping the offsets compaction removed and records the fetch
 * returned before the requested offset; records appended during the replay are not delivered. A fetch
 * that returns nothing at or after the requested offset although its high watermark covers the end
 * offset ends the replay: a Kafka fetch returns the next batch whenever one exists, so compaction removed
 * the rest of the log (a fetch answered below the end offset is retried, and fails the replay after 50
 * answers without progress). A
 * produce the client retried after a lost answer may store a record twice; replay of the registry's
 * records is idempotent, so that is harmless.
 *
 * <p>Failures of the log server (unreachable, topic problems, timeouts after the client's retries) are
 * raised as {@link SchemaStoreException} carrying {@code topic=} and the operation. Thread-safe: every
 * method holds this object's monitor, which also guards the single-threaded wire client.
 */
public final class TopicSchemaStore implements SchemaStore {
    /** The log server address key. */
    public static final String BOOTSTRAP_SERVERS = "kafkastore.bootstrap.servers";
    /** The topic name key. */
    public static final String TOPIC = "kafkastore.topic";
    /** The default topic, Confluent's name. */
    public static final String DEFAULT_TOPIC = "_schemas";
    static final String CLEANUP_POLICY = "cleanup.policy";
    static final String COMPACT = "compact";
    static final short ACKS_ALL = -1;
    static final int PRODUCE_TIMEOUT_MS = 30_000;
    static final int FETCH_MAX_BYTES = 1024 * 1024;
    static final int FETCH_MAX_WAIT_MS = 100;
    static final int MAX_EMPTY_PAGES = 50;
    private static final String CLIENT_ID = "millrace-schema-registry";

    private final TopicPartition partition;
    private final StoreCluster cluster;
    private final Time time;
    private boolean closed;

    private TopicSchemaStore(String topic, StoreCluster cluster, Time time) {
        this.partition = new TopicPartition(topic, 0);
        this.cluster = cluster;
        this.time = time;
    }

    /**
     * Connects to the log server and prepares the topic (see the class comment).
     *
     * @param configs the store configuration ({@code kafkastore.*})
     * @return the open store
     * @throws AvroConfigException if {@code kafkastore.bootstrap.servers} is missing or empty
     * @throws SchemaStoreException if the log server cannot be reached or the topic is unfit
     */
    public static TopicSchemaStore open(Map<String, ?> configs) {
        String bootstrap = text(configs, BOOTSTRAP_SERVERS, null);
        String topic = text(configs, TOPIC, DEFAULT_TOPIC);
        ClusterClient client;
        try {
            client = new ClusterClient(ClusterClientConfig.forBootstrap(bootstrap, CLIENT_ID), Time.SYSTEM);
        } catch (IllegalArgumentException e) {
            throw new AvroConfigException("key=" + BOOTSTRAP_SERVERS + " value=" + bootstrap + " reason="
                    + e.getMessage(), e);
        }
        return open(topic, new WireStoreCluster(client), Time.SYSTEM);
    }

    /**
     * Prepares the topic over a given cluster; closes the cluster if that fails.
     *
     * @param topic the topic name
     * @param cluster the log server operations; owned by the store from now on
     * @param time the clock stamping appended records
     * @return the open store
     * @throws SchemaStoreException if the log server fails or the topic is unfit
     */
    static TopicSchemaStore open(String topic, StoreCluster cluster, Time time) {
        TopicSchemaStore store = new TopicSchemaStore(topic, cluster, time);
        try {
            store.prepareTopic();
            return store;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private void prepareTopic() {
        String topic = partition.topic();
        OptionalInt partitions = call("describeTopic", -1, () -> cluster.partitionCount(topic));
        if (partitions.isEmpty()) {
            try {
                call("createTopic", -1, () -> {
                    cluster.createTopic(new NewTopic(topic, 1, (short) -1, Map.of(CLEANUP_POLICY, COMPACT)));
                    return null;
                });
                return;
            } catch (SchemaStoreException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                partitions = call("describeTopic", -1, () -> cluster.partitionCount(topic));
            }
        }
        if (partitions.isPresent() && partitions.getAsInt() != 1) {
            throw new SchemaStoreException("topic=" + topic + " partitions=" + partitions.getAsInt()
                    + " expected=1 reason=schemasTopicMustHaveOnePartition");
        }
        String policy = call("describeConfigs", -1, () -> cluster.topicConfig(topic, CLEANUP_POLICY)).orElse(null);
        if (!COMPACT.equals(policy)) {
            throw new SchemaStoreException("topic=" + topic + " " + CLEANUP_POLICY + "=" + policy + " expected="
                    + COMPACT + " reason=schemasTopicNotCompacted (retention would delete schemas; set "
                    + CLEANUP_POLICY + "=" + COMPACT + " on the topic)");
        }
    }

    /**
     * The topic this store writes.
     *
     * @return the topic name
     */
    public String topic() {
        return partition.topic();
    }

    @Override
    public synchronized void append(StoreRecord record) {
        Objects.requireNonNull(record, "reason=nullRecord");
        ensureOpen();
        MemoryRecords batch = new RecordBatchBuilder().append(time.milliseconds(), record.key(), record.value())
                .build();
        long offset = call("produce", -1, () -> cluster.produce(partition, batch, ACKS_ALL, PRODUCE_TIMEOUT_MS));
        if (offset < 0) {
            throw new SchemaStoreException("topic=" + partition.topic() + " offset=" + offset
                    + " reason=appendNotAcknowledged");
        }
    }

    @Override
    public synchronized void replay(Consumer<StoreRecord> sink) {
        Objects.requireNonNull(sink, "reason=nullSink");
        ensureOpen();
        long start = call("listStartOffset", -1, () -> cluster.listOffset(partition, ClusterClient.EARLIEST_TIMESTAMP));
        long end = call("listEndOffset", -1, () -> cluster.listOffset(partition, ClusterClient.LATEST_TIMESTAMP));
        long position = start;
        int emptyPages = 0;
        while (position < end) {
            long from = position;
            FetchResult page = call("fetch", from, () -> cluster.fetch(partition, from, FETCH_MAX_BYTES,
                    FETCH_MAX_WAIT_MS));
            long next = deliver(page.records(), from, end, sink);
            if (next > position) {
                position = next;
                emptyPages = 0;
            } else if (page.highWatermark() >= end) {
                return;
            } else if (++emptyPages >= MAX_EMPTY_PAGES) {
                throw new SchemaStoreException("topic=" + partition.topic() + " offset=" + position + " endOffset="
                        + end + " emptyFetches=" + emptyPages + " reason=replayMadeNoProgress");
            }
        }
    }

    /**
     * Delivers the records of one fetched page whose offsets lie in {@code [from, end)}.
     *
     * @return the offset to fetch next: past the last batch read, at most {@code end}; {@code from} when
     *     the page held nothing at or after {@code from}
     */
    private long deliver(MemoryRecords records, long from, long end, Consumer<StoreRecord> sink) {
        long next = from;
        for (RecordBatch batch : records.batches()) {
            if (batch.nextOffset() <= from) {
                continue;
            }
            if (!batch.isControlBatch()) {
                for (Record record : batch) {
                    if (record.offset() >= from && record.offset() < end) {
                        sink.accept(storeRecord(record));
                    }
                }
            }
            next = Math.max(next, Math.min(batch.nextOffset(), end));
            if (next >= end) {
                break;
            }
        }
        return next;
    }

    private StoreRecord storeRecord(Record record) {
        if (!record.hasKey()) {
            throw new SchemaStoreException("topic=" + partition.topic() + " offset=" + record.offset()
                    + " reason=recordWithoutKey");
        }
        return new StoreRecord(bytes(record.key()), record.hasValue() ? bytes(record.value()) : null);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private <T> T call(String operation, long offset, Supplier<T> action) {
        try {
            return action.get();
        } catch (SchemaStoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SchemaStoreException("topic=" + partition.topic() + " operation=" + operation
                    + (offset >= 0 ? " offset=" + offset : "") + " reason=logServerFailed error="
                    + e.getClass().getSimpleName() + " message=" + e.getMessage(), e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new SchemaStoreException("topic=" + partition.topic() + " reason=storeClosed");
        }
    }

    private static String text(Map<String, ?> configs, String key, String defaultValue) {
        Object value = configs.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            if (defaultValue == null) {
                throw new AvroConfigException("key=" + key + " reason=missing");
            }
            return defaultValue;
        }
        return String.valueOf(value).trim();
    }

    /** Closes the connections to the log server; safe to call more than once. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            cluster.close();
        }
    }
}
