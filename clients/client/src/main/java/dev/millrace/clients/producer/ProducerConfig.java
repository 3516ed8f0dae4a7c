package dev.millrace.clients.producer;

import dev.millrace.clients.CommonClientConfigs;
import dev.millrace.common.config.AbstractConfig;
import dev.millrace.common.config.ConfigDef;
import dev.millrace.common.config.ConfigDef.Importance;
import dev.millrace.common.config.ConfigDef.Type;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static dev.millrace.common.config.ConfigDef.Range.atLeast;
import static dev.millrace.common.config.ConfigDef.Range.between;
import static dev.millrace.common.config.ConfigDef.ValidString.in;

/**
 * The producer's configuration keys and their definition. Mirrors Kafka's {@code ProducerConfig}: every
 * {@code *_CONFIG} key string, default, type, validator and importance is Kafka 4.3's; documentation is our wording.
 * The Millrace producer client does not exist yet, so this class only defines and validates configuration.
 *
 * <p>Differences from Kafka: the SSL and SASL keys Kafka adds with {@code withClientSslSupport()} and
 * {@code withClientSaslSupport()} are not defined (Millrace speaks PLAINTEXT only for now); the consistency checks
 * Kafka runs after parsing (idempotence against acks/retries/in-flight requests) are not mirrored yet, only the
 * reconnect-backoff adjustment is; {@code metric.reporters} defaults to Kafka's JMX reporter class name
 * {@code dev.millrace.common.metrics.JmxReporter} by the porting rule. Immutable after construction.
 */
public class ProducerConfig extends AbstractConfig {

    private static final ConfigDef CONFIG;

    public static final String BOOTSTRAP_SERVERS_CONFIG = CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG;
    public static final String CLIENT_DNS_LOOKUP_CONFIG = CommonClientConfigs.CLIENT_DNS_LOOKUP_CONFIG;
    public static final String METADATA_MAX_AGE_CONFIG = CommonClientConfigs.METADATA_MAX_AGE_CONFIG;
    public static final String METADATA_MAX_IDLE_CONFIG = "metadata.max.idle.ms";
    public static final String BATCH_SIZE_CONFIG = "batch.size";
    public static final String PARTITIONER_ADAPTIVE_PARTITIONING_ENABLE_CONFIG =
            "partitioner.adaptive.partitioning.enable";
    /** @deprecated misspelled name kept by Kafka; use {@link #PARTITIONER_ADAPTIVE_PARTITIONING_ENABLE_CONFIG}. */
    @Deprecated
    public static final String PARTITIONER_ADPATIVE_PARTITIONING_ENABLE_CONFIG =
            PARTITIONER_ADAPTIVE_PARTITIONING_ENABLE_CONFIG;
    public static final String PARTITIONER_AVAILABILITY_TIMEOUT_MS_CONFIG = "partitioner.availability.timeout.ms";
    public static final String PARTITIONER_IGNORE_KEYS_CONFIG = "partitioner.ignore.keys";
    public static final String ACKS_CONFIG = "acks";
    public static final String LINGER_MS_CONFIG = "linger.ms";
    public static final String REQUEST_TIMEOUT_MS_CONFIG = CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG;
    public static final String DELIVERY_TIMEOUT_MS_CONFIG = "delivery.timeout.ms";
    public static final String CLIENT_ID_CONFIG = CommonClientConfigs.CLIENT_ID_CONFIG;
    public static final String SEND_BUFFER_CONFIG = CommonClientConfigs.SEND_BUFFER_CONFIG;
    public static final String RECEIVE_BUFFER_CONFIG = CommonClientConfigs.RECEIVE_BUFFER_CONFIG;
    public static final String MAX_REQUEST_SIZE_CONFIG = "max.request.size";
    public static final String RECONNECT_BACKOFF_MS_CONFIG = CommonClientConfigs.RECONNECT_BACKOFF_MS_CONFIG;
    public static final String RECONNECT_BACKOFF_MAX_MS_CONFIG = CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG;
    public static final String MAX_BLOCK_MS_CONFIG = "max.block.ms";
    public static final String BUFFER_MEMORY_CONFIG = "buffer.memory";
    public static final String RETRY_BACKOFF_MS_CONFIG = CommonClientConfigs.RETRY_BACKOFF_MS_CONFIG;
    public static final String RETRY_BACKOFF_MAX_MS_CONFIG = CommonClientConfigs.RETRY_BACKOFF_MAX_MS_CONFIG;
    public static final String ENABLE_METRICS_PUSH_CONFIG = CommonClientConfigs.ENABLE_METRICS_PUSH_CONFIG;
    public static final String ENABLE_METRICS_PUSH_DOC = CommonClientConfigs.ENABLE_METRICS_PUSH_DOC;
    public static final String COMPRESSION_TYPE_CONFIG = "compression.type";
    public static final String COMPRESSION_GZIP_LEVEL_CONFIG = "compression.gzip.level";
    public static final String COMPRESSION_LZ4_LEVEL_CONFIG = "compression.lz4.level";
    public static final String COMPRESSION_ZSTD_LEVEL_CONFIG = "compression.zstd.level";
    public static final String METRICS_SAMPLE_WINDOW_MS_CONFIG = CommonClientConfigs.METRICS_SAMPLE_WINDOW_MS_CONFIG;
    public static final String METRICS_NUM_SAMPLES_CONFIG = CommonClientConfigs.METRICS_NUM_SAMPLES_CONFIG;
    public static final String METRICS_RECORDING_LEVEL_CONFIG = CommonClientConfigs.METRICS_RECORDING_LEVEL_CONFIG;
    public static final String METRIC_REPORTER_CLASSES_CONFIG = CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG;
    public static final String MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION = "max.in.flight.requests.per.connection";
    public static final String RETRIES_CONFIG = CommonClientConfigs.RETRIES_CONFIG;
    public static final String KEY_SERIALIZER_CLASS_CONFIG = "key.serializer";
    public static final String KEY_SERIALIZER_CLASS_DOC = "Serializer class for record keys; implements "
            + "<code>dev.millrace.common.serialization.Serializer</code>.";
    public static final String VALUE_SERIALIZER_CLASS_CONFIG = "value.serializer";
    public static final String VALUE_SERIALIZER_CLASS_DOC = "Serializer class for record values; implements "
            + "<code>dev.millrace.common.serialization.Serializer</code>.";
    public static final String SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG =
            CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG;
    public static final String SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG =
            CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG;
    public static final String CONNECTIONS_MAX_IDLE_MS_CONFIG = CommonClientConfigs.CONNECTIONS_MAX_IDLE_MS_CONFIG;
    public static final String PARTITIONER_CLASS_CONFIG = "partitioner.class";
    public static final String INTERCEPTOR_CLASSES_CONFIG = "interceptor.classes";
    public static final String INTERCEPTOR_CLASSES_DOC = "Classes that see (and may change) every record before "
            + "it is sent and every acknowledgement after; empty by default.";
    public static final String ENABLE_IDEMPOTENCE_CONFIG = "enable.idempotence";
    public static final String ENABLE_IDEMPOTENCE_DOC = "When true, retries never write a record twice and "
            + "records of a partition stay in send order; needs acks=all, retries above zero and at most 5 "
            + "in-flight requests.";
    public static final String TRANSACTION_TIMEOUT_CONFIG = "transaction.timeout.ms";
    public static final String TRANSACTION_TIMEOUT_DOC = "Longest time a transaction may stay open before the "
            + "coordinator aborts it.";
    public static final String TRANSACTIONAL_ID_CONFIG = "transactional.id";
    public static final String TRANSACTIONAL_ID_DOC = "Stable identity of a transactional producer across "
            + "restarts; enables transactions and fences older instances with the same id. Null disables them.";
    public static final String TRANSACTION_TWO_PHASE_COMMIT_ENABLE_CONFIG = "transaction.two.phase.commit.enable";
    public static final String SECURITY_PROVIDERS_CONFIG = "security.providers";

    private static final List<String> SECURITY_PROTOCOLS = List.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");

    static {
        ConfigDef def = new ConfigDef();
        defineCore(def);
        defineNetworkAndMetrics(def);
        defineClassesAndTransactions(def);
        CONFIG = def;
    }

    private static void defineCore(ConfigDef def) {
        def
            .define(BOOTSTRAP_SERVERS_CONFIG, Type.LIST, ConfigDef.NO_DEFAULT_VALUE,
                    ConfigDef.ValidList.anyNonDuplicateValues(false, false), Importance.HIGH,
                    CommonClientConfigs.BOOTSTRAP_SERVERS_DOC)
            .define(CLIENT_DNS_LOOKUP_CONFIG, Type.STRING, "use_all_dns_ips",
                    in("use_all_dns_ips", "resolve_canonical_bootstrap_servers_only"), Importance.MEDIUM,
                    CommonClientConfigs.CLIENT_DNS_LOOKUP_DOC)
            .define(BUFFER_MEMORY_CONFIG, Type.LONG, 32 * 1024 * 1024L, atLeast(0L), Importance.HIGH,
                    "Bytes of memory the producer may use to hold records waiting to be sent.")
            .define(RETRIES_CONFIG, Type.INT, Integer.MAX_VALUE, between(0, Integer.MAX_VALUE), Importance.HIGH,
                    CommonClientConfigs.RETRIES_DOC)
            .define(ACKS_CONFIG, Type.STRING, "all", in("all", "-1", "0", "1"), Importance.LOW,
                    "Acknowledgements the leader waits for before a send succeeds: 0 (none), 1 (leader), "
                            + "all or -1 (every in-sync replica).")
            .define(COMPRESSION_TYPE_CONFIG, Type.STRING, "none", in("none", "gzip", "snappy", "lz4", "zstd"),
                    Importance.HIGH, "Codec applied to each batch of records.")
            .define(COMPRESSION_GZIP_LEVEL_CONFIG, Type.INT, -1, gzipLevel(), Importance.MEDIUM,
                    "gzip level, 1 to 9, or -1 for the codec default.")
            .define(COMPRESSION_LZ4_LEVEL_CONFIG, Type.INT, 9, between(1, 17), Importance.MEDIUM, "lz4 level.")
            .define(COMPRESSION_ZSTD_LEVEL_CONFIG, Type.INT, 3, between(-131072, 22), Importance.MEDIUM,
                    "zstd level.")
            .define(BATCH_SIZE_CONFIG, Type.INT, 16384, atLeast(0), Importance.MEDIUM,
                    "Largest batch in bytes built per partition; 0 disables batching.")
            .define(PARTITIONER_ADAPTIVE_PARTITIONING_ENABLE_CONFIG, Type.BOOLEAN, true, Importance.LOW,
                    "Whether keyless records go more often to partitions of faster brokers.")
            .define(PARTITIONER_AVAILABILITY_TIMEOUT_MS_CONFIG, Type.LONG, 0, atLeast(0), Importance.LOW,
                    "A partition whose leader cannot take records for this long is skipped; 0 disables this.")
            .define(PARTITIONER_IGNORE_KEYS_CONFIG, Type.BOOLEAN, false, Importance.MEDIUM,
                    "When true, keys are not used to choose partitions.")
            .define(LINGER_MS_CONFIG, Type.LONG, 5, atLeast(0), Importance.MEDIUM,
                    "How long a batch may wait for more records before it is sent.")
            .define(DELIVERY_TIMEOUT_MS_CONFIG, Type.INT, 120 * 1000, atLeast(0), Importance.MEDIUM,
                    "Upper bound on the time between send() returning and the send's outcome.")
            .define(CLIENT_ID_CONFIG, Type.STRING, "", Importance.MEDIUM, CommonClientConfigs.CLIENT_ID_DOC)
            .define(SEND_BUFFER_CONFIG, Type.INT, 128 * 1024, atLeast(CommonClientConfigs.SEND_BUFFER_LOWER_BOUND),
                    Importance.MEDIUM, CommonClientConfigs.SEND_BUFFER_DOC)
            .define(RECEIVE_BUFFER_CONFIG, Type.INT, 32 * 1024,
                    atLeast(CommonClientConfigs.RECEIVE_BUFFER_LOWER_BOUND), Importance.MEDIUM,
                    CommonClientConfigs.RECEIVE_BUFFER_DOC)
            .define(MAX_REQUEST_SIZE_CONFIG, Type.INT, 1024 * 1024, atLeast(0), Importance.MEDIUM,
                    "Largest produce request in bytes, which also caps the largest record.");
    }

    private static void defineNetworkAndMetrics(ConfigDef def) {
        def
            .define(RECONNECT_BACKOFF_MS_CONFIG, Type.LONG, 50L, atLeast(0L), Importance.LOW,
                    CommonClientConfigs.RECONNECT_BACKOFF_MS_DOC)
            .define(RECONNECT_BACKOFF_MAX_MS_CONFIG, Type.LONG, 1000L, atLeast(0L), Importance.LOW,
                    CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_DOC)
            .define(RETRY_BACKOFF_MS_CONFIG, Type.LONG, CommonClientConfigs.DEFAULT_RETRY_BACKOFF_MS, atLeast(0L),
                    Importance.LOW, CommonClientConfigs.RETRY_BACKOFF_MS_DOC)
            .define(RETRY_BACKOFF_MAX_MS_CONFIG, Type.LONG, CommonClientConfigs.DEFAULT_RETRY_BACKOFF_MAX_MS,
                    atLeast(0L), Importance.LOW, CommonClientConfigs.RETRY_BACKOFF_MAX_MS_DOC)
            .define(ENABLE_METRICS_PUSH_CONFIG, Type.BOOLEAN, true, Importance.LOW, ENABLE_METRICS_PUSH_DOC)
            .define(MAX_BLOCK_MS_CONFIG, Type.LONG, 60 * 1000, atLeast(0), Importance.MEDIUM,
                    "Longest time send() and the metadata and transaction calls may block.")
            .define(REQUEST_TIMEOUT_MS_CONFIG, Type.INT, 30 * 1000, atLeast(0), Importance.MEDIUM,
                    CommonClientConfigs.REQUEST_TIMEOUT_MS_DOC)
            .define(METADATA_MAX_AGE_CONFIG, Type.LONG, 5 * 60 * 1000, atLeast(0), Importance.LOW,
                    CommonClientConfigs.METADATA_MAX_AGE_DOC)
            .define(METADATA_MAX_IDLE_CONFIG, Type.LONG, 5 * 60 * 1000, atLeast(5000), Importance.LOW,
                    "Metadata of a topic not produced to for this long is dropped.")
            .define(METRICS_SAMPLE_WINDOW_MS_CONFIG, Type.LONG, 30000, atLeast(0), Importance.LOW,
                    CommonClientConfigs.METRICS_SAMPLE_WINDOW_MS_DOC)
            .define(METRICS_NUM_SAMPLES_CONFIG, Type.INT, 2, atLeast(1), Importance.LOW,
                    CommonClientConfigs.METRICS_NUM_SAMPLES_DOC)
            .define(METRICS_RECORDING_LEVEL_CONFIG, Type.STRING, "INFO", in("INFO", "DEBUG", "TRACE"), Importance.LOW,
                    CommonClientConfigs.METRICS_RECORDING_LEVEL_DOC)
            .define(METRIC_REPORTER_CLASSES_CONFIG, Type.LIST, "dev.millrace.common.metrics.JmxReporter",
                    ConfigDef.ValidList.anyNonDuplicateValues(true, false), Importance.LOW,
                    CommonClientConfigs.METRIC_REPORTER_CLASSES_DOC)
            .define(MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, Type.INT, 5, atLeast(1), Importance.LOW,
                    "Most unacknowledged requests per connection; above 5 idempotence cannot keep order.");
    }

    private static void defineClassesAndTransactions(ConfigDef def) {
        def
            .define(KEY_SERIALIZER_CLASS_CONFIG, Type.CLASS, Importance.HIGH, KEY_SERIALIZER_CLASS_DOC)
            .define(VALUE_SERIALIZER_CLASS_CONFIG, Type.CLASS, Importance.HIGH, VALUE_SERIALIZER_CLASS_DOC)
            .define(SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, Type.LONG,
                    CommonClientConfigs.DEFAULT_SOCKET_CONNECTION_SETUP_TIMEOUT_MS, Importance.MEDIUM,
                    CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_DOC)
            .define(SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, Type.LONG,
                    CommonClientConfigs.DEFAULT_SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS, Importance.MEDIUM,
                    CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_DOC)
            .define(CONNECTIONS_MAX_IDLE_MS_CONFIG, Type.LONG, 9 * 60 * 1000, Importance.MEDIUM,
                    CommonClientConfigs.CONNECTIONS_MAX_IDLE_MS_DOC)
            .define(PARTITIONER_CLASS_CONFIG, Type.CLASS, null, Importance.MEDIUM,
                    "Custom partitioner class; null uses the built-in sticky/murmur2 partitioning.")
            .define(INTERCEPTOR_CLASSES_CONFIG, Type.LIST, List.of(),
                    ConfigDef.ValidList.anyNonDuplicateValues(true, false), Importance.LOW, INTERCEPTOR_CLASSES_DOC)
            .define(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, Type.STRING,
                    CommonClientConfigs.DEFAULT_SECURITY_PROTOCOL,
                    ConfigDef.CaseInsensitiveValidString.in(SECURITY_PROTOCOLS.toArray(new String[0])),
                    Importance.MEDIUM, CommonClientConfigs.SECURITY_PROTOCOL_DOC)
            .define(SECURITY_PROVIDERS_CONFIG, Type.STRING, null, Importance.LOW,
                    "Classes creating security providers to register.")
            .define(ENABLE_IDEMPOTENCE_CONFIG, Type.BOOLEAN, true, Importance.LOW, ENABLE_IDEMPOTENCE_DOC)
            .define(TRANSACTION_TIMEOUT_CONFIG, Type.INT, 60000, Importance.LOW, TRANSACTION_TIMEOUT_DOC)
            .define(TRANSACTIONAL_ID_CONFIG, Type.STRING, null, new ConfigDef.NonEmptyString(), Importance.LOW,
                    TRANSACTIONAL_ID_DOC)
            .define(TRANSACTION_TWO_PHASE_COMMIT_ENABLE_CONFIG, Type.BOOLEAN, false, Importance.LOW,
                    "Whether transactions may be prepared and completed by an external coordinator.")
            .define(CommonClientConfigs.METADATA_RECOVERY_STRATEGY_CONFIG, Type.STRING,
                    CommonClientConfigs.DEFAULT_METADATA_RECOVERY_STRATEGY,
                    ConfigDef.CaseInsensitiveValidString.in("none", "rebootstrap"), Importance.LOW,
                    CommonClientConfigs.METADATA_RECOVERY_STRATEGY_DOC)
            .define(CommonClientConfigs.METADATA_RECOVERY_REBOOTSTRAP_TRIGGER_MS_CONFIG, Type.LONG,
                    CommonClientConfigs.DEFAULT_METADATA_RECOVERY_REBOOTSTRAP_TRIGGER_MS, atLeast(0), Importance.LOW,
                    CommonClientConfigs.METADATA_RECOVERY_REBOOTSTRAP_TRIGGER_MS_DOC)
            .define(CONFIG_PROVIDERS_CONFIG, Type.LIST, List.of(),
                    ConfigDef.ValidList.anyNonDuplicateValues(true, false), Importance.LOW, CONFIG_PROVIDERS_DOC);
    }

    /**
     * Parses and validates a producer configuration.
     *
     * @param props the configuration
     * @throws dev.millrace.common.config.ConfigException if a value is invalid or a required key is missing
     */
    public ProducerConfig(Properties props) {
        super(CONFIG, props);
    }

    /** As {@link #ProducerConfig(Properties)}. @param props the configuration */
    public ProducerConfig(Map<String, Object> props) {
        super(CONFIG, props);
    }

    ProducerConfig(Map<?, ?> props, boolean doLog) {
        super(CONFIG, props, doLog);
    }

    @Override
    protected Map<String, Object> postProcessParsedConfig(Map<String, Object> parsedValues) {
        return CommonClientConfigs.postProcessReconnectBackoffConfigs(this, parsedValues);
    }

    /** @return the names of all defined producer keys */
    public static Set<String> configNames() {
        return CONFIG.names();
    }

    /** @return a copy of the producer definition, safe to extend */
    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG);
    }

    private static ConfigDef.Validator gzipLevel() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            if (value == null) {
                throw new dev.millrace.common.config.ConfigException(name, null, "Value must be non-null");
            }
            int level = ((Number) value).intValue();
            if (level > 9 || (level < 1 && level != -1)) {
                throw new dev.millrace.common.config.ConfigException(name, value,
                        "Value must be between 1 and 9 or equal to -1");
            }
        }, () -> "[1,...,9] or -1");
    }
}
