package dev.millrace.clients.consumer;

import dev.millrace.clients.CommonClientConfigs;
import dev.millrace.common.config.AbstractConfig;
import dev.millrace.common.config.ConfigDef;
import dev.millrace.common.config.ConfigDef.Importance;
import dev.millrace.common.config.ConfigDef.Type;
import dev.millrace.common.config.ConfigException;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static dev.millrace.common.config.ConfigDef.Range.atLeast;
import static dev.millrace.common.config.ConfigDef.ValidString.in;

/**
 * The consumer's configuration keys and their definition. Mirrors Kafka's {@code ConsumerConfig}: every
 * {@code *_CONFIG} key string, default, type, validator and importance is Kafka 4.3's; documentation is our wording.
 * The Millrace consumer client does not exist yet, so this class only defines and validates configuration.
 *
 * <p>Differences from Kafka: the SSL and SASL keys are not defined (PLAINTEXT only for now); the post-parse checks
 * of Kafka's class (group protocol versus assignor settings) are not mirrored, only the reconnect-backoff
 * adjustment is; class defaults name our mirrors by the porting rule: {@code partition.assignment.strategy}
 * defaults to {@code dev.millrace.clients.consumer.RangeAssignor} and
 * {@code dev.millrace.clients.consumer.CooperativeStickyAssignor}, and {@code metric.reporters} to
 * {@code dev.millrace.common.metrics.JmxReporter}. Immutable after construction.
 */
public class ConsumerConfig extends AbstractConfig {

    private static final ConfigDef CONFIG;

    /** Assignor names whose assignment comes from the subscribed topics (Kafka's list). */
    public static final List<String> ASSIGN_FROM_SUBSCRIBED_ASSIGNORS =
            List.of("range", "roundrobin", "sticky", "cooperative-sticky");

    public static final String GROUP_ID_CONFIG = CommonClientConfigs.GROUP_ID_CONFIG;
    public static final String GROUP_INSTANCE_ID_CONFIG = CommonClientConfigs.GROUP_INSTANCE_ID_CONFIG;
    public static final String MAX_POLL_RECORDS_CONFIG = "max.poll.records";
    public static final int DEFAULT_MAX_POLL_RECORDS = 500;
    public static final String MAX_POLL_INTERVAL_MS_CONFIG = CommonClientConfigs.MAX_POLL_INTERVAL_MS_CONFIG;
    public static final String SESSION_TIMEOUT_MS_CONFIG = CommonClientConfigs.SESSION_TIMEOUT_MS_CONFIG;
    public static final String HEARTBEAT_INTERVAL_MS_CONFIG = CommonClientConfigs.HEARTBEAT_INTERVAL_MS_CONFIG;
    public static final String GROUP_PROTOCOL_CONFIG = "group.protocol";
    public static final String DEFAULT_GROUP_PROTOCOL = "classic";
    public static final String GROUP_PROTOCOL_DOC = "Group membership protocol: <code>classic</code> (client-side "
            + "assignment) or <code>consumer</code> (broker-side assignment, KIP-848).";
    public static final String GROUP_REMOTE_ASSIGNOR_CONFIG = "group.remote.assignor";
    public static final String DEFAULT_GROUP_REMOTE_ASSIGNOR = null;
    public static final String GROUP_REMOTE_ASSIGNOR_DOC = "Name of the broker-side assignor to use with the "
            + "consumer protocol; null lets the broker choose.";
    public static final String BOOTSTRAP_SERVERS_CONFIG = CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG;
    public static final String CLIENT_DNS_LOOKUP_CONFIG = CommonClientConfigs.CLIENT_DNS_LOOKUP_CONFIG;
    public static final String ENABLE_AUTO_COMMIT_CONFIG = "enable.auto.commit";
    public static final String AUTO_COMMIT_INTERVAL_MS_CONFIG = "auto.commit.interval.ms";
    public static final String PARTITION_ASSIGNMENT_STRATEGY_CONFIG = "partition.assignment.strategy";
    public static final String AUTO_OFFSET_RESET_CONFIG = "auto.offset.reset";
    public static final String AUTO_OFFSET_RESET_DOC = "Where to start when there is no committed offset or it is "
            + "out of range: <code>earliest</code>, <code>latest</code>, <code>by_duration:&lt;ISO-8601 "
            + "duration&gt;</code> (that long before now), or <code>none</code> (fail).";
    public static final String FETCH_MIN_BYTES_CONFIG = "fetch.min.bytes";
    public static final int DEFAULT_FETCH_MIN_BYTES = 1;
    public static final String FETCH_MAX_BYTES_CONFIG = "fetch.max.bytes";
    public static final int DEFAULT_FETCH_MAX_BYTES = 50 * 1024 * 1024;
    public static final String FETCH_MAX_WAIT_MS_CONFIG = "fetch.max.wait.ms";
    public static final int DEFAULT_FETCH_MAX_WAIT_MS = 500;
    public static final String METADATA_MAX_AGE_CONFIG = CommonClientConfigs.METADATA_MAX_AGE_CONFIG;
    public static final String MAX_PARTITION_FETCH_BYTES_CONFIG = "max.partition.fetch.bytes";
    public static final int DEFAULT_MAX_PARTITION_FETCH_BYTES = 1 * 1024 * 1024;
    public static final String SEND_BUFFER_CONFIG = CommonClientConfigs.SEND_BUFFER_CONFIG;
    public static final String RECEIVE_BUFFER_CONFIG = CommonClientConfigs.RECEIVE_BUFFER_CONFIG;
    public static final String CLIENT_ID_CONFIG = CommonClientConfigs.CLIENT_ID_CONFIG;
    public static final String CLIENT_RACK_CONFIG = CommonClientConfigs.CLIENT_RACK_CONFIG;
    public static final String DEFAULT_CLIENT_RACK = CommonClientConfigs.DEFAULT_CLIENT_RACK;
    public static final String RECONNECT_BACKOFF_MS_CONFIG = CommonClientConfigs.RECONNECT_BACKOFF_MS_CONFIG;
    public static final String RECONNECT_BACKOFF_MAX_MS_CONFIG = CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG;
    public static final String RETRY_BACKOFF_MS_CONFIG = CommonClientConfigs.RETRY_BACKOFF_MS_CONFIG;
    public static final String ENABLE_METRICS_PUSH_CONFIG = CommonClientConfigs.ENABLE_METRICS_PUSH_CONFIG;
    public static final String ENABLE_METRICS_PUSH_DOC = CommonClientConfigs.ENABLE_METRICS_PUSH_DOC;
    public static final String RETRY_BACKOFF_MAX_MS_CONFIG = CommonClientConfigs.RETRY_BACKOFF_MAX_MS_CONFIG;
    public static final String METRICS_SAMPLE_WINDOW_MS_CONFIG = CommonClientConfigs.METRICS_SAMPLE_WINDOW_MS_CONFIG;
    public static final String METRICS_NUM_SAMPLES_CONFIG = CommonClientConfigs.METRICS_NUM_SAMPLES_CONFIG;
    public static final String METRICS_RECORDING_LEVEL_CONFIG = CommonClientConfigs.METRICS_RECORDING_LEVEL_CONFIG;
    public static final String METRIC_REPORTER_CLASSES_CONFIG = CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG;
    public static final String CHECK_CRCS_CONFIG = "check.crcs";
    public static final String KEY_DESERIALIZER_CLASS_CONFIG = "key.deserializer";
    public static final String KEY_DESERIALIZER_CLASS_DOC = "Deserializer class for record keys; implements "
            + "<code>dev.millrace.common.serialization.Deserializer</code>.";
    public static final String VALUE_DESERIALIZER_CLASS_CONFIG = "value.deserializer";
    public static final String VALUE_DESERIALIZER_CLASS_DOC = "Deserializer class for record values; implements "
            + "<code>dev.millrace.common.serialization.Deserializer</code>.";
    public static final String SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG =
            CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG;
    public static final String SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG =
            CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG;
    public static final String CONNECTIONS_MAX_IDLE_MS_CONFIG = CommonClientConfigs.CONNECTIONS_MAX_IDLE_MS_CONFIG;
    public static final String REQUEST_TIMEOUT_MS_CONFIG = CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG;
    public static final String DEFAULT_API_TIMEOUT_MS_CONFIG = CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG;
    public static final String INTERCEPTOR_CLASSES_CONFIG = "interceptor.classes";
    public static final String INTERCEPTOR_CLASSES_DOC = "Classes that see (and may change) records returned by "
            + "poll() and offsets being committed; empty by default.";
    public static final String EXCLUDE_INTERNAL_TOPICS_CONFIG = "exclude.internal.topics";
    public static final boolean DEFAULT_EXCLUDE_INTERNAL_TOPICS = true;
    public static final String ISOLATION_LEVEL_CONFIG = "isolation.level";
    public static final String ISOLATION_LEVEL_DOC = "<code>read_committed</code> returns only records of "
            + "committed transactions (stopping at the last stable offset); <code>read_uncommitted</code> returns "
            + "all records, including those of aborted transactions.";
    public static final String DEFAULT_ISOLATION_LEVEL = "read_uncommitted";
    public static final String ALLOW_AUTO_CREATE_TOPICS_CONFIG = "allow.auto.create.topics";
    public static final boolean DEFAULT_ALLOW_AUTO_CREATE_TOPICS = true;
    public static final String SECURITY_PROVIDERS_CONFIG = "security.providers";
    public static final String SHARE_ACKNOWLEDGEMENT_MODE_CONFIG = "share.acknowledgement.mode";
    public static final String SHARE_ACQUIRE_MODE_CONFIG = "share.acquire.mode";
    public static final String DEFAULT_SHARE_ACQUIRE_MODE = "BATCH_OPTIMIZED";

    static final String THROW_ON_FETCH_STABLE_OFFSET_UNSUPPORTED = "internal.throw.on.fetch.stable.offset.unsupported";

    static {
        ConfigDef def = new ConfigDef()
            .define(BOOTSTRAP_SERVERS_CONFIG, Type.LIST, ConfigDef.NO_DEFAULT_VALUE,
                    ConfigDef.ValidList.anyNonDuplicateValues(false, false), Importance.HIGH,
                    CommonClientConfigs.BOOTSTRAP_SERVERS_DOC)
            .define(CLIENT_DNS_LOOKUP_CONFIG, Type.STRING, "use_all_dns_ips",
                    in("use_all_dns_ips", "resolve_canonical_bootstrap_servers_only"), Importance.MEDIUM,
                    CommonClientConfigs.CLIENT_DNS_LOOKUP_DOC)
            .define(GROUP_ID_CONFIG, Type.STRING, null, Importance.HIGH, CommonClientConfigs.GROUP_ID_DOC)
            .define(GROUP_INSTANCE_ID_CONFIG, Type.STRING, null, new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    CommonClientConfigs.GROUP_INSTANCE_ID_DOC)
            .define(SESSION_TIMEOUT_MS_CONFIG, Type.INT, 45000, Importance.HIGH,
                    CommonClientConfigs.SESSION_TIMEOUT_MS_DOC)
            .define(HEARTBEAT_INTERVAL_MS_CONFIG, Type.INT, 3000, Importance.HIGH,
                    CommonClientConfigs.HEARTBEAT_INTERVAL_MS_DOC)
            .define(PARTITION_ASSIGNMENT_STRATEGY_CONFIG, Type.LIST,
                    List.of("dev.millrace.clients.consumer.RangeAssignor",
                            "dev.millrace.clients.consumer.CooperativeStickyAssignor"),
                    ConfigDef.ValidList.anyNonDuplicateValues(true, false), Importance.MEDIUM,
                    "Assignor classes the classic protocol may use, in order of preference.")
            .define(METADATA_MAX_AGE_CONFIG, Type.LONG, 5 * 60 * 1000, atLeast(0), Importance.LOW,
                    CommonClientConfigs.METADATA_MAX_AGE_DOC)
            .define(ENABLE_AUTO_COMMIT_CONFIG, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Whether consumed offsets are committed periodically in the background.")
            .define(AUTO_COMMIT_INTERVAL_MS_CONFIG, Type.INT, 5000, atLeast(0), Importance.LOW,
                    "Period of background offset commits.")
            .define(CLIENT_ID_CONFIG, Type.STRING, "", Importance.LOW, CommonClientConfigs.CLIENT_ID_DOC)
            .define(CLIENT_RACK_CONFIG, Type.STRING, DEFAULT_CLIENT_RACK, Importance.LOW,
                    CommonClientConfigs.CLIENT_RACK_DOC)
            .define(MAX_PARTITION_FETCH_BYTES_CONFIG, Type.INT, DEFAULT_MAX_PARTITION_FETCH_BYTES, atLeast(0),
                    Importance.HIGH, "Most bytes returned per partition by one fetch (one batch may exceed it).")
            .define(SEND_BUFFER_CONFIG, Type.INT, 128 * 1024, atLeast(CommonClientConfigs.SEND_BUFFER_LOWER_BOUND),
                    Importance.MEDIUM, CommonClientConfigs.SEND_BUFFER_DOC)
            .define(RECEIVE_BUFFER_CONFIG, Type.INT, 64 * 1024,
                    atLeast(CommonClientConfigs.RECEIVE_BUFFER_LOWER_BOUND), Importance.MEDIUM,
                    CommonClientConfigs.RECEIVE_BUFFER_DOC)
            .define(FETCH_MIN_BYTES_CONFIG, Type.INT, DEFAULT_FETCH_MIN_BYTES, atLeast(0), Importance.HIGH,
                    "Fewest bytes a fetch waits for (up to fetch.max.wait.ms) before the broker answers.")
            .define(FETCH_MAX_BYTES_CONFIG, Type.INT, DEFAULT_FETCH_MAX_BYTES, atLeast(0), Importance.MEDIUM,
                    "Most bytes returned by one fetch (one batch may exceed it).")
            .define(FETCH_MAX_WAIT_MS_CONFIG, Type.INT, DEFAULT_FETCH_MAX_WAIT_MS, atLeast(0), Importance.LOW,
                    "Longest time the broker holds a fetch waiting for fetch.min.bytes.");
        CONFIG = defineRest(def);
    }

    private static ConfigDef defineRest(ConfigDef def) {
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
            .define(AUTO_OFFSET_RESET_CONFIG, Type.STRING, "latest", autoOffsetReset(), Importance.MEDIUM,
                    AUTO_OFFSET_RESET_DOC)
            .define(CHECK_CRCS_CONFIG, Type.BOOLEAN, true, Importance.LOW,
                    "Whether the CRC of fetched batches is verified.")
            .define(METRICS_SAMPLE_WINDOW_MS_CONFIG, Type.LONG, 30000, atLeast(0), Importance.LOW,
                    CommonClientConfigs.METRICS_SAMPLE_WINDOW_MS_DOC)
            .define(METRICS_NUM_SAMPLES_CONFIG, Type.INT, 2, atLeast(1), Importance.LOW,
                    CommonClientConfigs.METRICS_NUM_SAMPLES_DOC)
            .define(METRICS_RECORDING_LEVEL_CONFIG, Type.STRING, "INFO", in("INFO", "DEBUG", "TRACE"), Importance.LOW,
                    CommonClientConfigs.METRICS_RECORDING_LEVEL_DOC)
            .define(METRIC_REPORTER_CLASSES_CONFIG, Type.LIST, "dev.millrace.common.metrics.JmxReporter",
                    ConfigDef.ValidList.anyNonDuplicateValues(true, false), Importance.LOW,
                    CommonClientConfigs.METRIC_REPORTER_CLASSES_DOC);
        return defineLast(def);
    }

    private static ConfigDef defineLast(ConfigDef def) {
        return def
            .define(KEY_DESERIALIZER_CLASS_CONFIG, Type.CLASS, Importance.HIGH, KEY_DESERIALIZER_CLASS_DOC)
            .define(VALUE_DESERIALIZER_CLASS_CONFIG, Type.CLASS, Importance.HIGH, VALUE_DESERIALIZER_CLASS_DOC)
            .define(REQUEST_TIMEOUT_MS_CONFIG, Type.INT, 30000, atLeast(0), Importance.MEDIUM,
                    CommonClientConfigs.REQUEST_TIMEOUT_MS_DOC)
            .define(DEFAULT_API_TIMEOUT_MS_CONFIG, Type.INT, 60 * 1000, atLeast(0), Importance.MEDIUM,
                    CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_DOC)
            .define(SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, Type.LONG,
                    CommonClientConfigs.DEFAULT_SOCKET_CONNECTION_SETUP_TIMEOUT_MS, Importance.MEDIUM,
                    CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_DOC)
            .define(SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, Type.LONG,
                    CommonClientConfigs.DEFAULT_SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS, Importance.MEDIUM,
                    CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_DOC)
            .define(CONNECTIONS_MAX_IDLE_MS_CONFIG, Type.LONG, 9 * 60 * 1000, Importance.MEDIUM,
                    CommonClientConfigs.CONNECTIONS_MAX_IDLE_MS_DOC)
            .define(INTERCEPTOR_CLASSES_CONFIG, Type.LIST, List.of(),
                    ConfigDef.ValidList.anyNonDuplicateValues(true, false), Importance.LOW, INTERCEPTOR_CLASSES_DOC)
            .define(MAX_POLL_RECORDS_CONFIG, Type.INT, DEFAULT_MAX_POLL_RECORDS, atLeast(1), Importance.MEDIUM,
                    "Most records one poll() returns.")
            .define(MAX_POLL_INTERVAL_MS_CONFIG, Type.INT, 300000, atLeast(1), Importance.MEDIUM,
                    CommonClientConfigs.MAX_POLL_INTERVAL_MS_DOC)
            .define(EXCLUDE_INTERNAL_TOPICS_CONFIG, Type.BOOLEAN, DEFAULT_EXCLUDE_INTERNAL_TOPICS, Importance.MEDIUM,
                    "Whether pattern subscriptions skip internal topics such as __consumer_offsets.")
            .defineInternal(THROW_ON_FETCH_STABLE_OFFSET_UNSUPPORTED, Type.BOOLEAN, false, Importance.LOW)
            .define(ISOLATION_LEVEL_CONFIG, Type.STRING, DEFAULT_ISOLATION_LEVEL,
                    in("read_committed", "read_uncommitted"), Importance.MEDIUM, ISOLATION_LEVEL_DOC)
            .define(ALLOW_AUTO_CREATE_TOPICS_CONFIG, Type.BOOLEAN, DEFAULT_ALLOW_AUTO_CREATE_TOPICS,
                    Importance.MEDIUM, "Whether subscribing to a missing topic may create it on the broker.")
            .define(GROUP_PROTOCOL_CONFIG, Type.STRING, DEFAULT_GROUP_PROTOCOL,
                    ConfigDef.CaseInsensitiveValidString.in("classic", "consumer"), Importance.HIGH,
                    GROUP_PROTOCOL_DOC)
            .define(GROUP_REMOTE_ASSIGNOR_CONFIG, Type.STRING, DEFAULT_GROUP_REMOTE_ASSIGNOR, Importance.MEDIUM,
                    GROUP_REMOTE_ASSIGNOR_DOC)
            .define(SECURITY_PROVIDERS_CONFIG, Type.STRING, null, Importance.LOW,
                    "Classes creating security providers to register.")
            .define(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, Type.STRING,
                    CommonClientConfigs.DEFAULT_SECURITY_PROTOCOL,
                    ConfigDef.CaseInsensitiveValidString.in("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"),
                    Importance.MEDIUM, CommonClientConfigs.SECURITY_PROTOCOL_DOC)
            .define(CommonClientConfigs.METADATA_RECOVERY_STRATEGY_CONFIG, Type.STRING,
                    CommonClientConfigs.DEFAULT_METADATA_RECOVERY_STRATEGY,
                    ConfigDef.CaseInsensitiveValidString.in("none", "rebootstrap"), Importance.LOW,
                    CommonClientConfigs.METADATA_RECOVERY_STRATEGY_DOC)
            .define(CommonClientConfigs.METADATA_RECOVERY_REBOOTSTRAP_TRIGGER_MS_CONFIG, Type.LONG,
                    CommonClientConfigs.DEFAULT_METADATA_RECOVERY_REBOOTSTRAP_TRIGGER_MS, atLeast(0), Importance.LOW,
                    CommonClientConfigs.METADATA_RECOVERY_REBOOTSTRAP_TRIGGER_MS_DOC)
            .define(SHARE_ACKNOWLEDGEMENT_MODE_CONFIG, Type.STRING, "implicit", shareAcknowledgementMode(),
                    Importance.MEDIUM, "Share groups: <code>implicit</code> acknowledges delivered records on the "
                            + "next poll; <code>explicit</code> requires acknowledge() calls.")
            .define(SHARE_ACQUIRE_MODE_CONFIG, Type.STRING, DEFAULT_SHARE_ACQUIRE_MODE, shareAcquireMode(),
                    Importance.MEDIUM, "Share groups: <code>batch_optimized</code> or <code>record_limit</code> "
                            + "acquisition of records.")
            .define(CONFIG_PROVIDERS_CONFIG, Type.LIST, List.of(),
                    ConfigDef.ValidList.anyNonDuplicateValues(true, false), Importance.LOW, CONFIG_PROVIDERS_DOC);
    }

    /**
     * Parses and validates a consumer configuration.
     *
     * @param props the configuration
     * @throws ConfigException if a value is invalid or a required key is missing
     */
    public ConsumerConfig(Properties props) {
        super(CONFIG, props);
    }

    /** As {@link #ConsumerConfig(Properties)}. @param props the configuration */
    public ConsumerConfig(Map<String, Object> props) {
        super(CONFIG, props);
    }

    /** As {@link #ConsumerConfig(Properties)}, optionally without logging. */
    protected ConsumerConfig(Map<?, ?> props, boolean doLog) {
        super(CONFIG, props, doLog);
    }

    @Override
    protected Map<String, Object> postProcessParsedConfig(Map<String, Object> parsedValues) {
        return CommonClientConfigs.postProcessReconnectBackoffConfigs(this, parsedValues);
    }

    /** @return the names of all defined consumer keys */
    public static Set<String> configNames() {
        return CONFIG.names();
    }

    /** @return a copy of the consumer definition, safe to extend */
    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG);
    }

    private static ConfigDef.Validator autoOffsetReset() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            String text = (String) value;
            if (!isValidOffsetReset(text)) {
                throw new ConfigException(name, value, "Invalid value `" + text + "` for configuration " + name
                        + ". The value must be either 'earliest', 'latest', 'none' or of the format "
                        + "'by_duration:<PnDTnHnMn.nS.>'.");
            }
        }, () -> "[latest, earliest, none, by_duration:PnDTnHnMn.nS]");
    }

    private static boolean isValidOffsetReset(String text) {
        if (text == null) {
            return false;
        }
        if (text.equals("earliest") || text.equals("latest") || text.equals("none")) {
            return true;
        }
        if (!text.startsWith("by_duration:")) {
            return false;
        }
        try {
            return !Duration.parse(text.substring("by_duration:".length())).isNegative();
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static ConfigDef.Validator shareAcknowledgementMode() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            if (!"implicit".equals(value) && !"explicit".equals(value)) {
                throw new ConfigException(name, value, "Invalid value `" + value + "` for configuration " + name
                        + ". The value must either be 'implicit' or 'explicit'.");
            }
        }, () -> "[implicit, explicit]");
    }

    private static ConfigDef.Validator shareAcquireMode() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            String upper = value == null ? null : ((String) value).toUpperCase(Locale.ROOT);
            if (!"BATCH_OPTIMIZED".equals(upper) && !"RECORD_LIMIT".equals(upper)) {
                throw new ConfigException(name, value, "Invalid value `" + value + "` for configuration " + name
                        + ". The value must either be 'batch_optimized' or 'record_limit'.");
            }
        }, () -> "[batch_optimized, record_limit]");
    }
}
