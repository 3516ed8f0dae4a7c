package dev.millrace.server.config;

import static dev.millrace.server.config.ConfigType.BOOLEAN;
import static dev.millrace.server.config.ConfigType.DOUBLE;
import static dev.millrace.server.config.ConfigType.INT;
import static dev.millrace.server.config.ConfigType.LIST;
import static dev.millrace.server.config.ConfigType.LONG;
import static dev.millrace.server.config.ConfigType.SHORT;
import static dev.millrace.server.config.ConfigType.STRING;
import static dev.millrace.server.config.ConfigValidator.atLeast;
import static dev.millrace.server.config.ConfigValidator.between;
import static dev.millrace.server.config.DynamicMode.CLUSTER_WIDE;
import static dev.millrace.server.config.DynamicMode.PER_BROKER;
import static dev.millrace.server.config.DynamicMode.READ_ONLY;

import dev.millrace.common.config.ConfigException;
import dev.millrace.common.errors.InvalidRequestException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every broker key Millrace accepts in {@code server.properties}, under Kafka's names, with Kafka 4.3's
 * types, defaults, validity rules and dynamic-update modes. Keys for features Millrace does not have
 * yet are accepted and documented as unused ({@link ConfigKey#used()} is false), so that a Kafka
 * {@code server.properties} loads without complaint. Stateless; the table is immutable.
 *
 * <p>Defaults differ from Kafka's only where a single node needs it:
 * <ul>
 *   <li>{@code node.id} (and its alias {@code broker.id}) default to 1 (Kafka requires node.id);</li>
 *   <li>{@code process.roles} defaults to {@code broker,controller} (Kafka requires it);</li>
 *   <li>{@code listeners} defaults to {@code PLAINTEXT://127.0.0.1:9092} (Kafka binds every
 *       interface);</li>
 *   <li>{@code log.dir} defaults to {@code <user.home>/.millrace/data} (Kafka: /tmp/kafka-logs);
 *       {@code log.dirs}, when set, takes precedence as in Kafka;</li>
 *   <li>the replication factors and minimum ISR sizes of the internal topics
 *       ({@code offsets.topic.replication.factor}, {@code transaction.state.log.replication.factor},
 *       {@code transaction.state.log.min.isr}, {@code share.coordinator.state.topic.*}) default to 1
 *       (Kafka: 3 and 2), because a single node can never satisfy more;</li>
 *   <li>{@code listeners} and {@code listener.security.protocol.map} are read-only here (Kafka lets
 *       them change per broker at run time).</li>
 * </ul>
 */
public final class BrokerConfigs {
    public static final String NODE_ID = "node.id";
    public static final String BROKER_ID = "broker.id";
    public static final String PROCESS_ROLES = "process.roles";
    public static final String LISTENERS = "listeners";
    public static final String ADVERTISED_LISTENERS = "advertised.listeners";
    public static final String LISTENER_SECURITY_PROTOCOL_MAP = "listener.security.protocol.map";
    public static final String INTER_BROKER_LISTENER_NAME = "inter.broker.listener.name";
    public static final String CONTROLLER_LISTENER_NAMES = "controller.listener.names";
    public static final String LOG_DIR = "log.dir";
    public static final String LOG_DIRS = "log.dirs";
    public static final String METADATA_LOG_DIR = "metadata.log.dir";
    public static final String NUM_PARTITIONS = "num.partitions";
    public static final String DEFAULT_REPLICATION_FACTOR = "default.replication.factor";
    public static final String AUTO_CREATE_TOPICS_ENABLE = "auto.create.topics.enable";
    public static final String DELETE_TOPIC_ENABLE = "delete.topic.enable";
    public static final String SOCKET_REQUEST_MAX_BYTES = "socket.request.max.bytes";
    public static final String CONNECTIONS_MAX_IDLE_MS = "connections.max.idle.ms";
    public static final String MAX_CONNECTIONS = "max.connections";
    public static final String NUM_NETWORK_THREADS = "num.network.threads";
    public static final String NUM_IO_THREADS = "num.io.threads";
    public static final String LOG_RETENTION_CHECK_INTERVAL_MS = "log.retention.check.interval.ms";
    public static final String LOG_FLUSH_INTERVAL_MESSAGES = "log.flush.interval.messages";
    public static final String LOG_FLUSH_INTERVAL_MS = "log.flush.interval.ms";
    public static final String LOG_FLUSH_SCHEDULER_INTERVAL_MS = "log.flush.scheduler.interval.ms";
    public static final String LOG_FLUSH_OFFSET_CHECKPOINT_INTERVAL_MS = "log.flush.offset.checkpoint.interval.ms";
    public static final String PRODUCER_ID_EXPIRATION_MS = "producer.id.expiration.ms";
    public static final String SCHEMA_REGISTRY_LISTENERS = "schema.registry.listeners";

    /** Millrace's default data directory: {@code <user.home>/.millrace/data}. */
    public static final String DEFAULT_DATA_DIR =
            Path.of(System.getProperty("user.home", "."), ".millrace", "data").toString();

    private static final String MAX_LONG = Long.toString(Long.MAX_VALUE);
    private static final String MAX_INT = Integer.toString(Integer.MAX_VALUE);

    private static final Map<String, ConfigKey> DEFINITIONS;

    static {
        Map<String, ConfigKey> d = new LinkedHashMap<>();
        defineNode(d);
        defineTopicsAndLog(d);
        defineCompressionAndRemote(d);
        defineCleanerAndFlush(d);
        defineNetwork(d);
        defineReplication(d);
        defineGroupsAndOffsets(d);
        defineTransactions(d);
        DEFINITIONS = Collections.unmodifiableMap(d);
    }

    private BrokerConfigs() {
    }

    /** Every broker key, in documentation order. */
    public static Map<String, ConfigKey> definitions() {
        return DEFINITIONS;
    }

    /** The definition of {@code name}, or {@code null} when Millrace does not know the key. */
    public static ConfigKey key(String name) {
        return DEFINITIONS.get(name);
    }

    /** Whether {@code name} is a broker key Millrace knows. */
    public static boolean contains(String name) {
        return DEFINITIONS.containsKey(name);
    }

    /**
     * Checks a dynamic broker config change (IncrementalAlterConfigs or AlterConfigs on a BROKER
     * resource) the way Kafka does: keys that cannot change at run time are refused first, then
     * every value must be valid, then, for the cluster-wide default resource, per-broker keys are
     * refused. A {@code null} value (a deletion) is only checked for its key. Unknown keys pass, as
     * in Kafka.
     *
     * @param configs the keys and new values
     * @param perBroker true for a resource naming one broker, false for the cluster default ({@code ""})
     * @throws InvalidRequestException {@code Cannot update these configs dynamically: [log.dirs]},
     *     an invalid value's {@code Invalid value ... for configuration ...}, or {@code Cannot update
     *     these configs at default cluster level, broker id must be specified: [...]}
     */
    public static void validateDynamicBrokerConfigs(Map<String, String> configs, boolean perBroker) {
        Set<String> readOnly = new TreeSet<>();
        Set<String> brokerOnly = new TreeSet<>();
        for (String name : configs.keySet()) {
            ConfigKey key = DEFINITIONS.get(name);
            if (key != null && key.dynamicMode() == READ_ONLY) {
                readOnly.add(name);
            } else if (key != null && key.dynamicMode() == PER_BROKER) {
                brokerOnly.add(name);
            }
        }
        if (!readOnly.isEmpty()) {
            throw new InvalidRequestException("Cannot update these configs dynamically: " + readOnly);
        }
        for (Map.Entry<String, String> entry : configs.entrySet()) {
            ConfigKey key = DEFINITIONS.get(entry.getKey());
            if (key != null && entry.getValue() != null) {
                try {
                    key.parse(entry.getValue());
                } catch (ConfigException e) {
                    throw new InvalidRequestException(e.getMessage(), e);
                }
            }
        }
        if (!perBroker && !brokerOnly.isEmpty()) {
            throw new InvalidRequestException("Cannot update these configs at default cluster level, broker id must"
                    + " be specified: " + brokerOnly);
        }
    }

    /** {@link #validateDynamicBrokerConfigs(Map, boolean)} for a resource naming this broker. */
    public static void validateDynamicBrokerConfigs(Map<String, String> configs) {
        validateDynamicBrokerConfigs(configs, true);
    }

    private static void put(Map<String, ConfigKey> d, String name, ConfigType type, String defaultValue,
                            ConfigValidator validator, DynamicMode mode, boolean used, String doc) {
        d.put(name, new ConfigKey(name, type, defaultValue, validator, doc, mode, used));
    }

    private static void defineNode(Map<String, ConfigKey> d) {
        put(d, NODE_ID, INT, "1", atLeast(0), READ_ONLY, true, "The id of this node (broker and controller).");
        put(d, BROKER_ID, INT, "1", null, READ_ONLY, true, "Older name of node.id; when both are set they must match.");
        put(d, PROCESS_ROLES, LIST, "broker,controller", ConfigValidator.listOf(false, "broker", "controller"),
                READ_ONLY, true, "Roles of this process; Millrace runs broker and controller together.");
        put(d, LISTENERS, LIST, "PLAINTEXT://127.0.0.1:9092", null, READ_ONLY, true,
                "Addresses the server binds, as NAME://host:port; an empty host binds every interface.");
        put(d, ADVERTISED_LISTENERS, LIST, null, null, READ_ONLY, true,
                "Addresses given to clients in metadata; defaults to the non-controller listeners.");
        put(d, LISTENER_SECURITY_PROTOCOL_MAP, STRING,
                "SASL_SSL:SASL_SSL,PLAINTEXT:PLAINTEXT,SSL:SSL,SASL_PLAINTEXT:SASL_PLAINTEXT", null, READ_ONLY, true,
                "Security protocol of each listener name, as NAME:PROTOCOL pairs; only PLAINTEXT is supported.");
        put(d, INTER_BROKER_LISTENER_NAME, STRING, null, null, READ_ONLY, false,
                "Listener brokers use to talk to each other; must name a listener when set.");
        put(d, CONTROLLER_LISTENER_NAMES, LIST, null, null, READ_ONLY, true,
                "Listener names used by the controller; they are not advertised to clients.");
        put(d, "controller.quorum.voters", LIST, "", null, READ_ONLY, false, "Static controller quorum voters.");
        put(d, "controller.quorum.bootstrap.servers", LIST, "", null, READ_ONLY, false,
                "Addresses used to discover the controller quorum.");
        put(d, "broker.rack", STRING, null, null, READ_ONLY, false, "Rack of this broker, for replica placement.");
        put(d, LOG_DIR, LIST, DEFAULT_DATA_DIR, ConfigValidator.nonEmptyList(), READ_ONLY, true,
                "Data directory, used when log.dirs is not set.");
        put(d, LOG_DIRS, LIST, null, null, READ_ONLY, true, "Data directories; takes precedence over log.dir.");
        put(d, "cordoned.log.dirs", LIST, "", null, PER_BROKER, false,
                "Data directories that receive no new partitions.");
        put(d, METADATA_LOG_DIR, STRING, null, null, READ_ONLY, true,
                "Directory of the metadata log; defaults to the first data directory.");
        put(d, "metadata.log.segment.bytes", INT, "1073741824", atLeast(8388608), READ_ONLY, false,
                "Segment size of the metadata log.");
        put(d, "metadata.log.segment.ms", LONG, "604800000", null, READ_ONLY, false,
                "Age after which a metadata log segment is rolled.");
        put(d, "metadata.max.retention.bytes", LONG, "104857600", null, READ_ONLY, false,
                "Metadata log size kept before old snapshots and segments are deleted.");
        put(d, "metadata.max.retention.ms", LONG, "604800000", null, READ_ONLY, false,
                "Age after which old metadata snapshots and segments are deleted.");
        put(d, "metadata.log.max.record.bytes.between.snapshots", LONG, "20971520", atLeast(1), READ_ONLY, false,
                "Metadata bytes appended before a new snapshot is written.");
        put(d, "metadata.log.max.snapshot.interval.ms", LONG, "3600000", atLeast(0), READ_ONLY, false,
                "Longest time between metadata snapshots; 0 disables the time rule.");
        put(d, SCHEMA_REGISTRY_LISTENERS, LIST, "", null, READ_ONLY, false,
                "Millrace only: http://host:port addresses of the embedded schema registry; empty = off.");
    }

    private static void defineTopicsAndLog(Map<String, ConfigKey> d) {
        put(d, NUM_PARTITIONS, INT, "1", atLeast(1), READ_ONLY, true, "Partitions of an auto-created topic.");
        put(d, DEFAULT_REPLICATION_FACTOR, INT, "1", null, READ_ONLY, true,
                "Replication factor of an auto-created topic.");
        put(d, "min.insync.replicas", INT, "1", atLeast(1), CLUSTER_WIDE, true,
                "Replicas that must acknowledge an acks=all write.");
        put(d, AUTO_CREATE_TOPICS_ENABLE, BOOLEAN, "true", null, READ_ONLY, true,
                "Create a topic when a client asks metadata for one that does not exist.");
        put(d, DELETE_TOPIC_ENABLE, BOOLEAN, "true", null, READ_ONLY, true, "Allow DeleteTopics.");
        put(d, "auto.leader.rebalance.enable", BOOLEAN, "true", null, READ_ONLY, false,
                "Move leadership back to preferred replicas periodically.");
        put(d, "unclean.leader.election.enable", BOOLEAN, "false", null, CLUSTER_WIDE, false,
                "Allow an out-of-sync replica to become leader.");
        put(d, "message.max.bytes", INT, "1048588", atLeast(0), CLUSTER_WIDE, true,
                "Largest record batch a producer may send.");
        put(d, "log.segment.bytes", INT, "1073741824", atLeast(1048576), CLUSTER_WIDE, true,
                "Size at which the active segment is rolled.");
        put(d, "log.roll.ms", LONG, null, null, CLUSTER_WIDE, true, "Age at which the active segment is rolled.");
        put(d, "log.roll.hours", INT, "168", atLeast(1), READ_ONLY, true, "log.roll.ms in hours, if that is unset.");
        put(d, "log.roll.jitter.ms", LONG, null, null, CLUSTER_WIDE, false,
                "Random amount subtracted from the roll age.");
        put(d, "log.roll.jitter.hours", INT, "0", atLeast(0), READ_ONLY, false,
                "log.roll.jitter.ms in hours, if that is unset.");
        put(d, "log.index.size.max.bytes", INT, "10485760", atLeast(4), CLUSTER_WIDE, true,
                "Size of each offset and time index file.");
        put(d, "log.index.interval.bytes", INT, "4096", atLeast(0), CLUSTER_WIDE, true,
                "Log bytes between two index entries.");
        put(d, "log.retention.ms", LONG, null, null, CLUSTER_WIDE, true,
                "Age after which segments are deleted; -1 keeps them forever.");
        put(d, "log.retention.minutes", INT, null, null, READ_ONLY, true,
                "log.retention.ms in minutes, if that is unset.");
        put(d, "log.retention.hours", INT, "168", null, READ_ONLY, true,
                "log.retention.ms in hours, if neither it nor the minutes are set.");
        put(d, "log.retention.bytes", LONG, "-1", null, CLUSTER_WIDE, true,
                "Partition size above which old segments are deleted; -1 = no limit.");
        put(d, LOG_RETENTION_CHECK_INTERVAL_MS, LONG, "300000", atLeast(1), READ_ONLY, true,
                "How often retention is checked.");
        put(d, "log.cleanup.policy", LIST, "delete", ConfigValidator.listOf(true, "compact", "delete"), CLUSTER_WIDE,
                true, "delete, compact, or both.");
        put(d, "log.segment.delete.delay.ms", LONG, "60000", atLeast(0), CLUSTER_WIDE, true,
                "Delay before the files of a deleted segment are removed.");
        put(d, "log.message.timestamp.type", STRING, "CreateTime", ConfigValidator.oneOf("CreateTime", "LogAppendTime"),
                CLUSTER_WIDE, true, "Whether record timestamps are the producer's or the append time.");
        put(d, "log.message.timestamp.before.max.ms", LONG, MAX_LONG, atLeast(0), CLUSTER_WIDE, true,
                "How far in the past a CreateTime timestamp may be.");
        put(d, "log.message.timestamp.after.max.ms", LONG, "3600000", atLeast(0), CLUSTER_WIDE, true,
                "How far in the future a CreateTime timestamp may be.");
        put(d, "log.preallocate", BOOLEAN, "false", null, CLUSTER_WIDE, false, "Preallocate new segment files.");
    }

    private static void defineCompressionAndRemote(Map<String, ConfigKey> d) {
        put(d, "compression.type", STRING, "producer",
                ConfigValidator.oneOf(TopicConfigs.COMPRESSION_TYPES.toArray(new String[0])), CLUSTER_WIDE, false,
                "Compression of stored batches; producer keeps the producer's.");
        put(d, "compression.gzip.level", INT, "-1", ConfigValidator.betweenOrEqual(1, 9, -1), CLUSTER_WIDE, false,
                "Gzip level when the broker compresses.");
        put(d, "compression.lz4.level", INT, "9", between(1, 17), CLUSTER_WIDE, false,
                "LZ4 level when the broker compresses.");
        put(d, "compression.zstd.level", INT, "3", between(-131072, 22), CLUSTER_WIDE, false,
                "Zstd level when the broker compresses.");
        put(d, "log.local.retention.ms", LONG, "-2", atLeast(-2), CLUSTER_WIDE, false,
                "Local retention with tiered storage; -2 = same as retention.");
        put(d, "log.local.retention.bytes", LONG, "-2", atLeast(-2), CLUSTER_WIDE, false,
                "Local size limit with tiered storage; -2 = same as retention.");
        put(d, "remote.log.storage.system.enable", BOOLEAN, "false", null, READ_ONLY, false,
                "Tiered storage; Millrace has none.");
    }

    private static void defineCleanerAndFlush(Map<String, ConfigKey> d) {
        put(d, "log.cleaner.enable", BOOLEAN, "true", null, READ_ONLY, true, "Run the log cleaner (compaction).");
        put(d, "log.cleaner.threads", INT, "1", atLeast(0), CLUSTER_WIDE, true, "Cleaner threads.");
        put(d, "log.cleaner.dedupe.buffer.size", LONG, "134217728", null, CLUSTER_WIDE, true,
                "Memory for the cleaner's offset maps, shared by its threads.");
        put(d, "log.cleaner.io.buffer.size", INT, "524288", atLeast(0), CLUSTER_WIDE, true,
                "Memory for the cleaner's read and write buffers, shared by its threads.");
        put(d, "log.cleaner.io.buffer.load.factor", DOUBLE, "0.9", null, CLUSTER_WIDE, true,
                "How full an offset map may get.");
        put(d, "log.cleaner.io.max.bytes.per.second", DOUBLE, Double.toString(Double.MAX_VALUE), null, CLUSTER_WIDE,
                false, "Cleaner I/O throttle.");
        put(d, "log.cleaner.min.cleanable.ratio", DOUBLE, "0.5", between(0, 1), CLUSTER_WIDE, true,
                "Dirty share of a log at which it is compacted.");
        put(d, "log.cleaner.min.compaction.lag.ms", LONG, "0", atLeast(0), CLUSTER_WIDE, true,
                "Records younger than this are not compacted.");
        put(d, "log.cleaner.max.compaction.lag.ms", LONG, MAX_LONG, atLeast(1), CLUSTER_WIDE, true,
                "Records older than this make their log eligible for compaction.");
        put(d, "log.cleaner.delete.retention.ms", LONG, "86400000", atLeast(0), CLUSTER_WIDE, true,
                "How long tombstones survive compaction.");
        put(d, "log.cleaner.backoff.ms", LONG, "15000", atLeast(0), CLUSTER_WIDE, true,
                "Cleaner sleep when no log needs cleaning.");
        put(d, LOG_FLUSH_INTERVAL_MESSAGES, LONG, MAX_LONG, atLeast(1), CLUSTER_WIDE, true,
                "Messages appended before a partition is fsynced.");
        put(d, LOG_FLUSH_INTERVAL_MS, LONG, null, null, CLUSTER_WIDE, true,
                "Age of unflushed data at which a partition is fsynced.");
        put(d, LOG_FLUSH_SCHEDULER_INTERVAL_MS, LONG, MAX_LONG, null, READ_ONLY, true,
                "How often partitions are checked for a time-based flush.");
        put(d, LOG_FLUSH_OFFSET_CHECKPOINT_INTERVAL_MS, INT, "60000", atLeast(0), READ_ONLY, true,
                "How often recovery points are checkpointed.");
        put(d, "log.flush.start.offset.checkpoint.interval.ms", INT, "60000", atLeast(0), READ_ONLY, false,
                "How often log start offsets are checkpointed.");
    }

    private static void defineNetwork(Map<String, ConfigKey> d) {
        put(d, NUM_NETWORK_THREADS, INT, "3", atLeast(1), CLUSTER_WIDE, true, "Network (event loop) threads.");
        put(d, NUM_IO_THREADS, INT, "8", atLeast(1), CLUSTER_WIDE, true,
                "Request-processing threads; in Millrace the number of partition shards.");
        put(d, "num.recovery.threads.per.data.dir", INT, "2", atLeast(1), CLUSTER_WIDE, false,
                "Threads per data directory that load logs at start-up.");
        put(d, "background.threads", INT, "10", atLeast(1), CLUSTER_WIDE, false, "Threads for background tasks.");
        put(d, SOCKET_REQUEST_MAX_BYTES, INT, "104857600", atLeast(1), READ_ONLY, true, "Largest request accepted.");
        put(d, "socket.send.buffer.bytes", INT, "102400", null, READ_ONLY, false,
                "SO_SNDBUF of client sockets; -1 = OS default.");
        put(d, "socket.receive.buffer.bytes", INT, "102400", null, READ_ONLY, false,
                "SO_RCVBUF of client sockets; -1 = OS default.");
        put(d, "socket.listen.backlog.size", INT, "50", atLeast(1), READ_ONLY, false,
                "Pending connections queued by the listening socket.");
        put(d, CONNECTIONS_MAX_IDLE_MS, LONG, "600000", null, READ_ONLY, true,
                "Idle time after which a connection is closed.");
        put(d, MAX_CONNECTIONS, INT, MAX_INT, atLeast(0), CLUSTER_WIDE, true, "Most connections open at once.");
        put(d, "max.connections.per.ip", INT, MAX_INT, atLeast(0), CLUSTER_WIDE, false,
                "Most connections open at once from one address.");
        put(d, "max.connections.per.ip.overrides", STRING, "", null, CLUSTER_WIDE, false,
                "Per-address exceptions to max.connections.per.ip, as host:count pairs.");
        put(d, "queued.max.requests", INT, "500", atLeast(1), READ_ONLY, false,
                "Requests queued for processing before the network threads stop reading.");
        put(d, "queued.max.request.bytes", LONG, "-1", null, READ_ONLY, false,
                "Bytes of queued requests before reading stops; -1 = no limit.");
        put(d, "request.timeout.ms", INT, "30000", null, READ_ONLY, false,
                "Timeout of requests this broker sends to other nodes.");
        put(d, "fetch.max.bytes", INT, "57671680", atLeast(1024), READ_ONLY, false,
                "Most bytes returned by one fetch.");
        put(d, "max.incremental.fetch.session.cache.slots", INT, "1000", atLeast(0), READ_ONLY, false,
                "Incremental fetch sessions kept.");
    }

    private static void defineReplication(Map<String, ConfigKey> d) {
        put(d, "replica.lag.time.max.ms", LONG, "30000", null, READ_ONLY, false,
                "A follower this far behind leaves the ISR.");
        put(d, "replica.fetch.max.bytes", INT, "1048576", atLeast(0), READ_ONLY, false,
                "Bytes a follower fetches per partition.");
        put(d, "replica.fetch.min.bytes", INT, "1", null, READ_ONLY, false, "Bytes a follower fetch waits for.");
        put(d, "replica.fetch.wait.max.ms", INT, "500", null, READ_ONLY, false, "Longest follower fetch wait.");
        put(d, "replica.fetch.backoff.ms", INT, "1000", atLeast(0), READ_ONLY, false,
                "Follower pause after a fetch error.");
        put(d, "replica.fetch.response.max.bytes", INT, "10485760", atLeast(0), READ_ONLY, false,
                "Bytes a follower fetch response may hold.");
        put(d, "replica.socket.timeout.ms", INT, "30000", null, READ_ONLY, false, "Follower socket timeout.");
        put(d, "replica.socket.receive.buffer.bytes", INT, "65536", null, READ_ONLY, false,
                "Follower socket receive buffer.");
        put(d, "replica.high.watermark.checkpoint.interval.ms", LONG, "5000", null, READ_ONLY, false,
                "How often high watermarks are checkpointed.");
        put(d, "num.replica.fetchers", INT, "1", atLeast(1), CLUSTER_WIDE, false, "Follower fetcher threads.");
    }

    private static void defineGroupsAndOffsets(Map<String, ConfigKey> d) {
        put(d, "offsets.topic.num.partitions", INT, "50", atLeast(1), READ_ONLY, false,
                "Partitions of __consumer_offsets.");
        put(d, "offsets.topic.replication.factor", SHORT, "1", atLeast(1), READ_ONLY, false,
                "Replication factor of __consumer_offsets (Kafka: 3).");
        put(d, "offsets.topic.segment.bytes", INT, "104857600", atLeast(1), READ_ONLY, false,
                "Segment size of __consumer_offsets.");
        put(d, "offsets.topic.compression.codec", INT, "0", null, READ_ONLY, false,
                "Compression codec id of offset commits.");
        put(d, "offsets.retention.minutes", INT, "10080", atLeast(1), READ_ONLY, false,
                "How long committed offsets of an empty group are kept.");
        put(d, "offsets.retention.check.interval.ms", LONG, "600000", atLeast(1), READ_ONLY, false,
                "How often expired offsets are removed.");
        put(d, "offsets.commit.timeout.ms", INT, "5000", atLeast(1), READ_ONLY, false,
                "How long an offset commit waits to be stored.");
        put(d, "offsets.load.buffer.size", INT, "5242880", atLeast(1), READ_ONLY, false,
                "Read buffer when loading offsets.");
        put(d, "offset.metadata.max.bytes", INT, "4096", null, READ_ONLY, false,
                "Largest metadata string of a committed offset.");
        put(d, "group.initial.rebalance.delay.ms", INT, "3000", null, READ_ONLY, false,
                "Wait for more members before the first rebalance of a new classic group.");
        put(d, "group.min.session.timeout.ms", INT, "6000", null, READ_ONLY, false,
                "Smallest session timeout a classic group member may ask for.");
        put(d, "group.max.session.timeout.ms", INT, "1800000", null, READ_ONLY, false,
                "Largest session timeout a classic group member may ask for.");
        put(d, "group.max.size", INT, MAX_INT, atLeast(1), READ_ONLY, false, "Most members of a classic group.");
        put(d, "group.coordinator.rebalance.protocols", LIST, "classic,consumer,streams",
                ConfigValidator.listOf(false, "consumer", "classic", "share", "streams"), READ_ONLY, false,
                "Group protocols the coordinator serves.");
        put(d, "group.coordinator.threads", INT, "4", atLeast(1), READ_ONLY, false, "Group coordinator threads.");
        put(d, "group.consumer.session.timeout.ms", INT, "45000", atLeast(1), READ_ONLY, false,
                "Session timeout of consumer-protocol group members.");
        put(d, "group.consumer.min.session.timeout.ms", INT, "45000", atLeast(1), READ_ONLY, false,
                "Smallest consumer-protocol session timeout.");
        put(d, "group.consumer.max.session.timeout.ms", INT, "60000", atLeast(1), READ_ONLY, false,
                "Largest consumer-protocol session timeout.");
        put(d, "group.consumer.heartbeat.interval.ms", INT, "5000", atLeast(1), READ_ONLY, false,
                "Heartbeat interval of consumer-protocol group members.");
        put(d, "group.consumer.min.heartbeat.interval.ms", INT, "5000", atLeast(1), READ_ONLY, false,
                "Smallest consumer-protocol heartbeat interval.");
        put(d, "group.consumer.max.heartbeat.interval.ms", INT, "15000", atLeast(1), READ_ONLY, false,
                "Largest consumer-protocol heartbeat interval.");
        put(d, "group.consumer.max.size", INT, MAX_INT, atLeast(1), READ_ONLY, false,
                "Most members of a consumer-protocol group.");
        put(d, "group.consumer.assignors", LIST, "uniform,range", null, READ_ONLY, false,
                "Server-side assignors of consumer-protocol groups.");
        put(d, "share.coordinator.state.topic.num.partitions", INT, "50", atLeast(1), READ_ONLY, false,
                "Partitions of __share_group_state.");
        put(d, "share.coordinator.state.topic.replication.factor", SHORT, "1", atLeast(1), READ_ONLY, false,
                "Replication factor of __share_group_state (Kafka: 3).");
        put(d, "share.coordinator.state.topic.min.isr", SHORT, "1", atLeast(1), READ_ONLY, false,
                "min.insync.replicas of __share_group_state (Kafka: 2).");
    }

    private static void defineTransactions(Map<String, ConfigKey> d) {
        put(d, "transaction.state.log.num.partitions", INT, "50", atLeast(1), READ_ONLY, false,
                "Partitions of __transaction_state.");
        put(d, "transaction.state.log.replication.factor", SHORT, "1", atLeast(1), READ_ONLY, false,
                "Replication factor of __transaction_state (Kafka: 3).");
        put(d, "transaction.state.log.min.isr", INT, "1", atLeast(1), READ_ONLY, false,
                "min.insync.replicas of __transaction_state (Kafka: 2).");
        put(d, "transaction.state.log.segment.bytes", INT, "104857600", atLeast(1), READ_ONLY, false,
                "Segment size of __transaction_state.");
        put(d, "transaction.state.log.load.buffer.size", INT, "5242880", atLeast(1), READ_ONLY, false,
                "Read buffer when loading transaction state.");
        put(d, "transactional.id.expiration.ms", INT, "604800000", atLeast(1), READ_ONLY, false,
                "Idle time after which a transactional id is forgotten.");
        put(d, "transaction.max.timeout.ms", INT, "900000", atLeast(1), READ_ONLY, false,
                "Largest transaction timeout a producer may ask for.");
        put(d, "transaction.abort.timed.out.transaction.cleanup.interval.ms", INT, "10000", atLeast(1), READ_ONLY,
                false, "How often timed-out transactions are aborted.");
        put(d, "transaction.remove.expired.transaction.cleanup.interval.ms", INT, "3600000", atLeast(1), READ_ONLY,
                false, "How often expired transactional ids are removed.");
        put(d, "transaction.partition.verification.enable", BOOLEAN, "true", null, CLUSTER_WIDE, false,
                "Check that a transactional write's partition was added to the transaction.");
        put(d, PRODUCER_ID_EXPIRATION_MS, INT, "86400000", atLeast(1), CLUSTER_WIDE, true,
                "Idle time after which a producer id's state is dropped from a partition.");
        put(d, "producer.id.expiration.check.interval.ms", INT, "600000", atLeast(1), READ_ONLY, false,
                "How often expired producer ids are removed.");
    }
}
