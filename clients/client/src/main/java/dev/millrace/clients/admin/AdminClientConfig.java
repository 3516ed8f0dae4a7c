package dev.millrace.clients.admin;

import dev.millrace.clients.CommonClientConfigs;
import dev.millrace.common.config.AbstractConfig;
import dev.millrace.common.config.ConfigDef;
import dev.millrace.common.config.ConfigDef.Importance;
import dev.millrace.common.config.ConfigDef.Type;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.millrace.common.config.ConfigDef.Range.atLeast;
import static dev.millrace.common.config.ConfigDef.Range.between;
import static dev.millrace.common.config.ConfigDef.ValidString.in;

/**
 * The admin client's configuration keys and their definition. Mirrors Kafka's {@code AdminClientConfig}: every
 * {@code *_CONFIG} key string, default, type, validator and importance is Kafka 4.3's; documentation is our wording.
 *
 * <p>Differences from Kafka: no SSL/SASL keys; Kafka's check that exactly one of {@code bootstrap.servers} and
 * {@code bootstrap.controllers} is set belongs to the client and is not done here; {@code metric.reporters}
 * defaults to {@code dev.millrace.common.metrics.JmxReporter} by the porting rule. Immutable after construction.
 */
public class AdminClientConfig extends AbstractConfig {

    private static final ConfigDef CONFIG;

    public static final String BOOTSTRAP_SERVERS_CONFIG = CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG;
    public static final String BOOTSTRAP_CONTROLLERS_CONFIG = "bootstrap.controllers";
    public static final String BOOTSTRAP_CONTROLLERS_DOC = "Comma separated host:port pairs of KRaft controllers to "
            + "talk to directly instead of brokers; mutually exclusive with <code>bootstrap.servers</code>.";
    public static final String CLIENT_DNS_LOOKUP_CONFIG = CommonClientConfigs.CLIENT_DNS_LOOKUP_CONFIG;
    public static final String RECONNECT_BACKOFF_MS_CONFIG = CommonClientConfigs.RECONNECT_BACKOFF_MS_CONFIG;
    public static final String RECONNECT_BACKOFF_MAX_MS_CONFIG = CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG;
    public static final String RETRY_BACKOFF_MS_CONFIG = CommonClientConfigs.RETRY_BACKOFF_MS_CONFIG;
    public static final String RETRY_BACKOFF_MAX_MS_CONFIG = CommonClientConfigs.RETRY_BACKOFF_MAX_MS_CONFIG;
    public static final String ENABLE_METRICS_PUSH_CONFIG = CommonClientConfigs.ENABLE_METRICS_PUSH_CONFIG;
    public static final String ENABLE_METRICS_PUSH_DOC = CommonClientConfigs.ENABLE_METRICS_PUSH_DOC;
    public static final String SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG =
            CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG;
    public static final String SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG =
            CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG;
    public static final String CONNECTIONS_MAX_IDLE_MS_CONFIG = CommonClientConfigs.CONNECTIONS_MAX_IDLE_MS_CONFIG;
    public static final String REQUEST_TIMEOUT_MS_CONFIG = CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG;
    public static final String CLIENT_ID_CONFIG = CommonClientConfigs.CLIENT_ID_CONFIG;
    public static final String METADATA_MAX_AGE_CONFIG = CommonClientConfigs.METADATA_MAX_AGE_CONFIG;
    public static final String SEND_BUFFER_CONFIG = CommonClientConfigs.SEND_BUFFER_CONFIG;
    public static final String RECEIVE_BUFFER_CONFIG = CommonClientConfigs.RECEIVE_BUFFER_CONFIG;
    public static final String METRIC_REPORTER_CLASSES_CONFIG = CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG;
    public static final String METRICS_NUM_SAMPLES_CONFIG = CommonClientConfigs.METRICS_NUM_SAMPLES_CONFIG;
    public static final String METRICS_SAMPLE_WINDOW_MS_CONFIG = CommonClientConfigs.METRICS_SAMPLE_WINDOW_MS_CONFIG;
    public static final String METRICS_RECORDING_LEVEL_CONFIG = CommonClientConfigs.METRICS_RECORDING_LEVEL_CONFIG;
    public static final String SECURITY_PROTOCOL_CONFIG = CommonClientConfigs.SECURITY_PROTOCOL_CONFIG;
    public static final String DEFAULT_SECURITY_PROTOCOL = CommonClientConfigs.DEFAULT_SECURITY_PROTOCOL;
    public static final String RETRIES_CONFIG = CommonClientConfigs.RETRIES_CONFIG;
    public static final String DEFAULT_API_TIMEOUT_MS_CONFIG = CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG;
    public static final String METADATA_RECOVERY_STRATEGY_CONFIG =
            CommonClientConfigs.METADATA_RECOVERY_STRATEGY_CONFIG;
    public static final String METADATA_RECOVERY_STRATEGY_DOC = CommonClientConfigs.METADATA_RECOVERY_STRATEGY_DOC;
    public static final String DEFAULT_METADATA_RECOVERY_STRATEGY =
            CommonClientConfigs.DEFAULT_METADATA_RECOVERY_STRATEGY;
    public static final String METADATA_RECOVERY_REBOOTSTRAP_TRIGGER_MS_CONFIG =
            CommonClientConfigs.METADATA_RECOVERY_REBOOTSTRAP_TRIGGER_MS_CONFIG;
    public static final String METADATA_RECOVERY_REBOOTSTRAP_TRIGGER_MS_DOC =
            CommonClientConfigs.METADATA_RECOVERY_REBOOTSTRAP_TRIGGER_MS_DOC;
    public static final long DEFAULT_METADATA_RECOVERY_REBOOTSTRAP_TRIGGER_MS =
            CommonClientConfigs.DEFAULT_METADATA_RECOVERY_REBOOTSTRAP_TRIGGER_MS;
    public static final String SECURITY_PROVIDERS_CONFIG = "security.providers";

    static {
        ConfigDef def = new ConfigDef();
        defineConnection(def);
        defineRemaining(def);
        CONFIG = def;
    }

    private static void defineConnection(ConfigDef def) {
        def
            .define(BOOTSTRAP_SERVERS_CONFIG, Type.LIST, List.of(),
                    ConfigDef.ValidList.anyNonDuplicateValues(true, false), Importance.HIGH,
                    CommonClientConfigs.BOOTSTRAP_SERVERS_DOC)
            .define(BOOTSTRAP_CONTROLLERS_CONFIG, Type.LIST, List.of(),
                    ConfigDef.ValidList.anyNonDuplicateValues(true, false), Importance.HIGH,
                    BOOTSTRAP_CONTROLLERS_DOC)
            .define(CLIENT_ID_CONFIG, Type.STRING, "", Importance.MEDIUM, CommonClientConfigs.CLIENT_ID_DOC)
            .define(METADATA_MAX_AGE_CONFIG, Type.LONG, 5 * 60 * 1000, atLeast(0), Importance.LOW,
                    CommonClientConfigs.METADATA_MAX_AGE_DOC)
            .define(SEND_BUFFER_CONFIG, Type.INT, 128 * 1024, atLeast(CommonClientConfigs.SEND_BUFFER_LOWER_BOUND),
                    Importance.MEDIUM, CommonClientConfigs.SEND_BUFFER_DOC)
            .define(RECEIVE_BUFFER_CONFIG, Type.INT, 64 * 1024,
                    atLeast(CommonClientConfigs.RECEIVE_BUFFER_LOWER_BOUND), Importance.MEDIUM,
                    CommonClientConfigs.RECEIVE_BUFFER_DOC)
            .define(RECONNECT_BACKOFF_MS_CONFIG, Type.LONG, 50L, atLeast(0L), Importance.LOW,
                    CommonClientConfigs.RECONNECT_BACKOFF_MS_DOC)
            .define(RECONNECT_BACKOFF_MAX_MS_CONFIG, Type.LONG, 1000L, atLeast(0L), Importance.LOW,
                    CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_DOC)
            .define(RETRY_BACKOFF_MS_CONFIG, Type.LONG, CommonClientConfigs.DEFAULT_RETRY_BACKOFF_MS, atLeast(0L),
                    Importance.LOW, CommonClientConfigs.RETRY_BACKOFF_MS_DOC)
            .define(RETRY_BACKOFF_MAX_MS_CONFIG, Type.LONG, CommonClientConfigs.DEFAULT_RETRY_BACKOFF_MAX_MS,
                    atLeast(0L), Importance.LOW, CommonClientConfigs.RETRY_BACKOFF_MAX_MS_DOC)
            .define(ENABLE_METRICS_PUSH_CONFIG, Type.BOOLEAN, false, Importance.LOW, ENABLE_METRICS_PUSH_DOC)
            .define(REQUEST_TIMEOUT_MS_CONFIG, Type.INT, 30000, atLeast(0), Importance.MEDIUM,
                    CommonClientConfigs.REQUEST_TIMEOUT_MS_DOC)
            .define(SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, Type.LONG,
                    CommonClientConfigs.DEFAULT_SOCKET_CONNECTION_SETUP_TIMEOUT_MS, Importance.MEDIUM,
                    CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_DOC)
            .define(SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, Type.LONG,
                    CommonClientConfigs.DEFAULT_SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS, Importance.MEDIUM,
                    CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_DOC)
            .define(CONNECTIONS_MAX_IDLE_MS_CONFIG, Type.LONG, 5 * 60 * 1000, Importance.MEDIUM,
                    CommonClientConfigs.CONNECTIONS_MAX_IDLE_MS_DOC);
    }

    private static void defineRemaining(ConfigDef def) {
        def
            .define(RETRIES_CONFIG, Type.INT, Integer.MAX_VALUE, between(0, Integer.MAX_VALUE), Importance.LOW,
                    CommonClientConfigs.RETRIES_DOC)
            .define(DEFAULT_API_TIMEOUT_MS_CONFIG, Type.INT, 60000, atLeast(0), Importance.MEDIUM,
                    CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_DOC)
            .define(METRICS_SAMPLE_WINDOW_MS_CONFIG, Type.LONG, 30000, atLeast(0), Importance.LOW,
                    CommonClientConfigs.METRICS_SAMPLE_WINDOW_MS_DOC)
            .define(METRICS_NUM_SAMPLES_CONFIG, Type.INT, 2, atLeast(1), Importance.LOW,
                    CommonClientConfigs.METRICS_NUM_SAMPLES_DOC)
            .define(METRIC_REPORTER_CLASSES_CONFIG, Type.LIST, "dev.millrace.common.metrics.JmxReporter",
                    ConfigDef.ValidList.anyNonDuplicateValues(true, false), Importance.LOW,
                    CommonClientConfigs.METRIC_REPORTER_CLASSES_DOC)
            .define(METRICS_RECORDING_LEVEL_CONFIG, Type.STRING, "INFO", in("INFO", "DEBUG", "TRACE"), Importance.LOW,
                    CommonClientConfigs.METRICS_RECORDING_LEVEL_DOC)
            .define(CLIENT_DNS_LOOKUP_CONFIG, Type.STRING, "use_all_dns_ips",
                    in("use_all_dns_ips", "resolve_canonical_bootstrap_servers_only"), Importance.MEDIUM,
                    CommonClientConfigs.CLIENT_DNS_LOOKUP_DOC)
            .define(SECURITY_PROVIDERS_CONFIG, Type.STRING, null, Importance.LOW,
                    "Classes creating security providers to register.")
            .define(SECURITY_PROTOCOL_CONFIG, Type.STRING, DEFAULT_SECURITY_PROTOCOL,
                    ConfigDef.CaseInsensitiveValidString.in("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"),
                    Importance.MEDIUM, CommonClientConfigs.SECURITY_PROTOCOL_DOC)
            .define(METADATA_RECOVERY_STRATEGY_CONFIG, Type.STRING, DEFAULT_METADATA_RECOVERY_STRATEGY,
                    ConfigDef.CaseInsensitiveValidString.in("none", "rebootstrap"), Importance.LOW,
                    METADATA_RECOVERY_STRATEGY_DOC)
            .define(METADATA_RECOVERY_REBOOTSTRAP_TRIGGER_MS_CONFIG, Type.LONG,
                    DEFAULT_METADATA_RECOVERY_REBOOTSTRAP_TRIGGER_MS, atLeast(0), Importance.LOW,
                    METADATA_RECOVERY_REBOOTSTRAP_TRIGGER_MS_DOC)
            .define(CONFIG_PROVIDERS_CONFIG, Type.LIST, List.of(),
                    ConfigDef.ValidList.anyNonDuplicateValues(true, false), Importance.LOW, CONFIG_PROVIDERS_DOC);
    }

    /**
     * Parses and validates an admin client configuration.
     *
     * @param props the configuration
     * @throws dev.millrace.common.config.ConfigException if a value is invalid
     */
    public AdminClientConfig(Map<?, ?> props) {
        this(props, false);
    }

    /** As {@link #AdminClientConfig(Map)}, optionally logging the values. */
    protected AdminClientConfig(Map<?, ?> props, boolean doLog) {
        super(CONFIG, props, doLog);
    }

    @Override
    protected Map<String, Object> postProcessParsedConfig(Map<String, Object> parsedValues) {
        return CommonClientConfigs.postProcessReconnectBackoffConfigs(this, parsedValues);
    }

    /** @return the names of all defined admin client keys */
    public static Set<String> configNames() {
        return CONFIG.names();
    }

    /** @return a copy of the admin client definition, safe to extend */
    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG);
    }
}
