package dev.millrace.streams;

import dev.millrace.clients.CommonClientConfigs;
import dev.millrace.common.config.AbstractConfig;
import dev.millrace.common.config.ConfigDef;
import dev.millrace.common.config.ConfigDef.Importance;
import dev.millrace.common.config.ConfigDef.Type;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import static dev.millrace.common.config.ConfigDef.NO_DEFAULT_VALUE;
import static dev.millrace.common.config.ConfigDef.Range.atLeast;
import static dev.millrace.common.config.ConfigDef.ValidString.in;
import static dev.millrace.streams.StreamsConfig.*;

/**
 * Builds the {@link ConfigDef} of {@link StreamsConfig}: Kafka Streams 4.3's keys in Kafka's order with Kafka's
 * types, defaults, validators and importance; documentation in our words. Class defaults are given as class names
 * (ported from Kafka's by the porting rule) so that this module does not depend on the classes themselves.
 * Stateless; {@link #build()} returns a new definition.
 */
final class StreamsConfigDef {

    static final long DEFAULT_COMMIT_INTERVAL_MS = 30000L;
    static final long EOS_DEFAULT_COMMIT_INTERVAL_MS = 100L;
    static final int DEFAULT_TRANSACTION_TIMEOUT = 10000;

    static final String LOG_AND_FAIL_HANDLER = "dev.millrace.streams.errors.LogAndFailExceptionHandler";
    static final String DEFAULT_PRODUCTION_HANDLER = "dev.millrace.streams.errors.DefaultProductionExceptionHandler";
    static final String LOG_AND_FAIL_PROCESSING_HANDLER =
            "dev.millrace.streams.errors.LogAndFailProcessingExceptionHandler";
    static final String FAIL_ON_INVALID_TIMESTAMP = "dev.millrace.streams.processor.FailOnInvalidTimestamp";
    static final String DSL_STORE_SUPPLIERS_DEFAULT =
            "dev.millrace.streams.state.BuiltInDslStoreSuppliers$RocksDBDslStoreSuppliers";
    static final String CLIENT_SUPPLIER_DEFAULT =
            "dev.millrace.streams.processor.internals.DefaultMillraceClientSupplier";
    static final String PROCESSOR_WRAPPER_DEFAULT = "dev.millrace.streams.processor.internals.NoOpProcessorWrapper";
    static final String JMX_REPORTER = "dev.millrace.common.metrics.JmxReporter";

    private StreamsConfigDef() {
    }

    static ConfigDef build() {
        ConfigDef def = new ConfigDef();
        defineHighAndMedium(def);
        defineHandlersAndSerdes(def);
        defineLow(def);
        defineClientAndStoreKeys(def);
        return def;
    }

    @SuppressWarnings("deprecation") // Kafka still defines the deprecated keys; so must we
    private static void defineHighAndMedium(ConfigDef def) {
        def.define(APPLICATION_ID_CONFIG, Type.STRING, Importance.HIGH, "Identifies the application: the consumer "
                    + "group id, the client id prefix and the prefix of internal topic names. Must be unique per "
                    + "application on a cluster.")
            .define(BOOTSTRAP_SERVERS_CONFIG, Type.LIST, NO_DEFAULT_VALUE,
                    ConfigDef.ValidList.anyNonDuplicateValues(false, false), Importance.HIGH,
                    CommonClientConfigs.BOOTSTRAP_SERVERS_DOC)
            .define(NUM_STANDBY_REPLICAS_CONFIG, Type.INT, 0, Importance.HIGH,
                    "Standby replicas kept per stateful task.")
            .define(PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, Type.BOOLEAN, false, Importance.HIGH,
                    "Whether the processing exception handler also covers global stores and global KTables.")
            .define(STATE_DIR_CONFIG, Type.STRING,
                    System.getProperty("java.io.tmpdir") + File.separator + "millrace-streams", Importance.HIGH,
                    "Directory of the state stores; must not be shared by two instances. Defaults to a "
                            + "directory under java.io.tmpdir.", "${java.io.tmpdir}")
            .define(ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, Type.BOOLEAN, false, Importance.HIGH,
                    "When true, building a topology fails if an internal topic or store would get a generated "
                            + "name, since generated names change when the topology changes.")
            .define(ACCEPTABLE_RECOVERY_LAG_CONFIG, Type.LONG, 10_000L, atLeast(0), Importance.MEDIUM,
                    "Largest changelog lag at which a client counts as caught up for an active task.")
            .define(CACHE_MAX_BYTES_BUFFERING_CONFIG, Type.LONG, 10 * 1024 * 1024L, atLeast(0), Importance.MEDIUM,
                    CACHE_MAX_BYTES_BUFFERING_DOC)
            .define(STATESTORE_CACHE_MAX_BYTES_CONFIG, Type.LONG, 10 * 1024 * 1024L, atLeast(0), Importance.MEDIUM,
                    STATESTORE_CACHE_MAX_BYTES_DOC)
            .define(CLIENT_ID_CONFIG, Type.STRING, "", Importance.MEDIUM, "Prefix of the client ids of the "
                    + "internal clients; defaults to the application id plus a random UUID.",
                    "<code>&lt;application.id&gt;-&lt;random-UUID&gt;</code>");
    }

    @SuppressWarnings("deprecation") // Kafka still defines the deprecated keys; so must we
    private static void defineHandlersAndSerdes(ConfigDef def) {
        def.define(DEFAULT_DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, Type.CLASS, LOG_AND_FAIL_HANDLER,
                    Importance.MEDIUM, DEFAULT_DESERIALIZATION_EXCEPTION_HANDLER_CLASS_DOC)
            .define(DEFAULT_KEY_SERDE_CLASS_CONFIG, Type.CLASS, null, Importance.MEDIUM, "Serde of record keys "
                    + "where an operator is given none; implements <code>dev.millrace.common.serialization.Serde"
                    + "</code>. Null means every operator must be given one.")
            .define(CommonClientConfigs.DEFAULT_LIST_KEY_SERDE_INNER_CLASS, Type.CLASS, null, Importance.MEDIUM,
                    CommonClientConfigs.DEFAULT_LIST_KEY_SERDE_INNER_CLASS_DOC)
            .define(CommonClientConfigs.DEFAULT_LIST_VALUE_SERDE_INNER_CLASS, Type.CLASS, null, Importance.MEDIUM,
                    CommonClientConfigs.DEFAULT_LIST_VALUE_SERDE_INNER_CLASS_DOC)
            .define(CommonClientConfigs.DEFAULT_LIST_KEY_SERDE_TYPE_CLASS, Type.CLASS, null, Importance.MEDIUM,
                    CommonClientConfigs.DEFAULT_LIST_KEY_SERDE_TYPE_CLASS_DOC)
            .define(CommonClientConfigs.DEFAULT_LIST_VALUE_SERDE_TYPE_CLASS, Type.CLASS, null, Importance.MEDIUM,
                    CommonClientConfigs.DEFAULT_LIST_VALUE_SERDE_TYPE_CLASS_DOC)
            .define(DEFAULT_PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, Type.CLASS, DEFAULT_PRODUCTION_HANDLER,
                    Importance.MEDIUM, productionHandlerDoc())
            .define(DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG, Type.CLASS, FAIL_ON_INVALID_TIMESTAMP,
                    Importance.MEDIUM, DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_DOC)
            .define(DEFAULT_VALUE_SERDE_CLASS_CONFIG, Type.CLASS, null, Importance.MEDIUM, "Serde of record values "
                    + "where an operator is given none; implements <code>dev.millrace.common.serialization.Serde"
                    + "</code>. Null means every operator must be given one.")
            .define(DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, Type.CLASS, LOG_AND_FAIL_HANDLER,
                    Importance.MEDIUM, DEFAULT_DESERIALIZATION_EXCEPTION_HANDLER_CLASS_DOC)
            .define(ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Type.STRING, null, Importance.MEDIUM,
                    "Topic the built-in exception handlers write failed records to; null disables it.")
            .define(MAX_TASK_IDLE_MS_CONFIG, Type.LONG, 0L, Importance.MEDIUM, MAX_TASK_IDLE_MS_DOC)
            .define(MAX_WARMUP_REPLICAS_CONFIG, Type.INT, 2, atLeast(1), Importance.MEDIUM,
                    "Most warmup replicas (extra standbys catching up for a move) assigned at once.")
            .define(NUM_STREAM_THREADS_CONFIG, Type.INT, 1, Importance.MEDIUM, "Stream threads per instance.")
            .define(PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, Type.CLASS, LOG_AND_FAIL_PROCESSING_HANDLER,
                    Importance.MEDIUM, PROCESSING_EXCEPTION_HANDLER_CLASS_DOC)
            .define(PROCESSING_GUARANTEE_CONFIG, Type.STRING, AT_LEAST_ONCE, in(AT_LEAST_ONCE, EXACTLY_ONCE_V2),
                    Importance.MEDIUM, "<code>at_least_once</code> or <code>exactly_once_v2</code> (transactions; "
                            + "needs at least three brokers in production).")
            .define(PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, Type.CLASS, DEFAULT_PRODUCTION_HANDLER,
                    Importance.MEDIUM, productionHandlerDoc())
            .define(TASK_ASSIGNOR_CLASS_CONFIG, Type.STRING, null, Importance.MEDIUM,
                    "Custom task assignor class for the streams rebalance protocol; null uses the default.")
            .define(REPLICATION_FACTOR_CONFIG, Type.INT, -1, Importance.MEDIUM,
                    "Replication factor of internal topics; -1 uses the broker default.")
            .define(SECURITY_PROTOCOL_CONFIG, Type.STRING, CommonClientConfigs.DEFAULT_SECURITY_PROTOCOL,
                    ConfigDef.CaseInsensitiveValidString.in("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"),
                    Importance.MEDIUM, CommonClientConfigs.SECURITY_PROTOCOL_DOC)
            .define(TASK_TIMEOUT_MS_CONFIG, Type.LONG, 5 * 60 * 1000L, atLeast(0L), Importance.MEDIUM,
                    TASK_TIMEOUT_MS_DOC)
            .define(TOPOLOGY_OPTIMIZATION_CONFIG, Type.STRING, NO_OPTIMIZATION, ConfigDef.LambdaValidator.with(
                            (name, value) -> verifyTopologyOptimizationConfigs((String) value),
                            TOPOLOGY_OPTIMIZATION_CONFIGS::toString), Importance.MEDIUM,
                    "Which topology optimizations to apply. " + CONFIG_ERROR_MSG + " Only effective when the "
                            + "properties are also passed to StreamsBuilder#build(Properties).")
            .define(GROUP_PROTOCOL_CONFIG, Type.STRING, DEFAULT_GROUP_PROTOCOL,
                    ConfigDef.CaseInsensitiveValidString.in("classic", "streams"), Importance.MEDIUM,
                    "Rebalance protocol: <code>classic</code>, or <code>streams</code> (not supported by "
                            + "Millrace yet).");
    }

    private static String productionHandlerDoc() {
        return "Handler deciding what happens when writing a record fails; implements "
                + "<code>dev.millrace.streams.errors.ProductionExceptionHandler</code>.";
    }

    private static void defineLow(ConfigDef def) {
        def.define(ALLOW_OS_GROUP_WRITE_ACCESS_CONFIG, Type.BOOLEAN, false, Importance.LOW,
                    "Whether the state directory is writable by the owner's OS group.")
            .define(APPLICATION_SERVER_CONFIG, Type.STRING, "", Importance.LOW,
                    "host:port of this instance's interactive-query endpoint, shared with the other instances.")
            .define(BUFFERED_RECORDS_PER_PARTITION_CONFIG, Type.INT, 1000, Importance.LOW,
                    BUFFERED_RECORDS_PER_PARTITION_DOC)
            .define(BUILT_IN_METRICS_VERSION_CONFIG, Type.STRING, METRICS_LATEST, in(METRICS_LATEST), Importance.LOW,
                    "Version of the built-in metrics.")
            .define(COMMIT_INTERVAL_MS_CONFIG, Type.LONG, DEFAULT_COMMIT_INTERVAL_MS, atLeast(0), Importance.LOW,
                    "How often progress is committed; defaults to 100 under exactly_once_v2, else 30000.")
            .define(AbstractConfig.CONFIG_PROVIDERS_CONFIG, Type.LIST, List.of(),
                    ConfigDef.ValidList.anyNonDuplicateValues(true, false), Importance.LOW,
                    AbstractConfig.CONFIG_PROVIDERS_DOC)
            .define(ENABLE_METRICS_PUSH_CONFIG, Type.BOOLEAN, true, Importance.LOW, ENABLE_METRICS_PUSH_DOC)
            .define(RACK_AWARE_ASSIGNMENT_NON_OVERLAP_COST_CONFIG, Type.INT, null, Importance.LOW,
                    RACK_AWARE_ASSIGNMENT_NON_OVERLAP_COST_DOC)
            .define(RACK_AWARE_ASSIGNMENT_STRATEGY_CONFIG, Type.STRING, RACK_AWARE_ASSIGNMENT_STRATEGY_NONE,
                    in(RACK_AWARE_ASSIGNMENT_STRATEGY_NONE, RACK_AWARE_ASSIGNMENT_STRATEGY_MIN_TRAFFIC,
                            RACK_AWARE_ASSIGNMENT_STRATEGY_BALANCE_SUBTOPOLOGY), Importance.LOW,
                    RACK_AWARE_ASSIGNMENT_STRATEGY_DOC)
            .define(RACK_AWARE_ASSIGNMENT_TAGS_CONFIG, Type.LIST, List.of(),
                    ConfigDef.ListSize.atMostOfSize(MAX_RACK_AWARE_ASSIGNMENT_TAG_LIST_SIZE), Importance.LOW,
                    "Client tag keys standby placement spreads replicas across.")
            .define(RACK_AWARE_ASSIGNMENT_TRAFFIC_COST_CONFIG, Type.INT, null, Importance.LOW,
                    RACK_AWARE_ASSIGNMENT_TRAFFIC_COST_DOC)
            .define(REPARTITION_PURGE_INTERVAL_MS_CONFIG, Type.LONG, DEFAULT_COMMIT_INTERVAL_MS, atLeast(0),
                    Importance.LOW, "How often consumed repartition records are deleted (at a commit).")
            .define(CONNECTIONS_MAX_IDLE_MS_CONFIG, Type.LONG, 9 * 60 * 1000L, Importance.LOW,
                    CommonClientConfigs.CONNECTIONS_MAX_IDLE_MS_DOC);
    }

    @SuppressWarnings("deprecation") // Kafka still defines the deprecated keys; so must we
    private static void defineClientAndStoreKeys(ConfigDef def) {
        def.define(DEFAULT_DSL_STORE_CONFIG, Type.STRING, DEFAULT_DSL_STORE, in(ROCKS_DB, IN_MEMORY), Importance.LOW,
                    DEFAULT_DSL_STORE_DOC)
            .define(DSL_STORE_SUPPLIERS_CLASS_CONFIG, Type.CLASS, DSL_STORE_SUPPLIERS_DEFAULT, Importance.LOW,
                    "Stores DSL operators use; implements <code>dev.millrace.streams.state.DslStoreSuppliers</code>.")
            .define(DSL_STORE_FORMAT_CONFIG, Type.STRING, DSL_STORE_FORMAT_DEFAULT,
                    ConfigDef.CaseInsensitiveValidString.in(DSL_STORE_FORMAT_DEFAULT, DSL_STORE_FORMAT_HEADERS),
                    Importance.LOW, "Value format of DSL stores: <code>DEFAULT</code>, or <code>HEADERS</code> to "
                            + "keep record headers with values.")
            .define(DEFAULT_CLIENT_SUPPLIER_CONFIG, Type.CLASS, CLIENT_SUPPLIER_DEFAULT, Importance.LOW,
                    DEFAULT_CLIENT_SUPPLIER_DOC)
            .define(LOG_SUMMARY_INTERVAL_MS_CONFIG, Type.LONG, 2 * 60 * 1000L, Importance.LOW,
                    "How often a summary of processed records is logged.")
            .define(METADATA_MAX_AGE_CONFIG, Type.LONG, 5 * 60 * 1000L, atLeast(0), Importance.LOW,
                    CommonClientConfigs.METADATA_MAX_AGE_DOC)
            .define(METRICS_NUM_SAMPLES_CONFIG, Type.INT, 2, atLeast(1), Importance.LOW,
                    CommonClientConfigs.METRICS_NUM_SAMPLES_DOC)
            .define(METRIC_REPORTER_CLASSES_CONFIG, Type.LIST, JMX_REPORTER,
                    ConfigDef.ValidList.anyNonDuplicateValues(true, false), Importance.LOW,
                    CommonClientConfigs.METRIC_REPORTER_CLASSES_DOC)
            .define(METRICS_RECORDING_LEVEL_CONFIG, Type.STRING, "INFO", in("INFO", "DEBUG", "TRACE"), Importance.LOW,
                    CommonClientConfigs.METRICS_RECORDING_LEVEL_DOC)
            .define(METRICS_SAMPLE_WINDOW_MS_CONFIG, Type.LONG, 30000L, atLeast(0), Importance.LOW,
                    CommonClientConfigs.METRICS_SAMPLE_WINDOW_MS_DOC)
            .define(POLL_MS_CONFIG, Type.LONG, 100L, Importance.LOW, "Longest time one poll for input blocks.")
            .define(PROBING_REBALANCE_INTERVAL_MS_CONFIG, Type.LONG, 10 * 60 * 1000L, atLeast(60 * 1000L),
                    Importance.LOW, "How often a rebalance probes whether warmup replicas have caught up.")
            .define(PROCESSOR_WRAPPER_CLASS_CONFIG, Type.CLASS, PROCESSOR_WRAPPER_DEFAULT, Importance.LOW,
                    "Wraps every processor, DSL ones included; implements "
                            + "<code>dev.millrace.streams.processor.api.ProcessorWrapper</code>.")
            .define(RECEIVE_BUFFER_CONFIG, Type.INT, 32 * 1024, atLeast(CommonClientConfigs.RECEIVE_BUFFER_LOWER_BOUND),
                    Importance.LOW, CommonClientConfigs.RECEIVE_BUFFER_DOC)
            .define(RECONNECT_BACKOFF_MS_CONFIG, Type.LONG, 50L, atLeast(0L), Importance.LOW,
                    CommonClientConfigs.RECONNECT_BACKOFF_MS_DOC)
            .define(RECONNECT_BACKOFF_MAX_MS_CONFIG, Type.LONG, 1000L, atLeast(0L), Importance.LOW,
                    CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_DOC)
            .define(RETRY_BACKOFF_MS_CONFIG, Type.LONG, 100L, atLeast(0L), Importance.LOW,
                    CommonClientConfigs.RETRY_BACKOFF_MS_DOC)
            .define(REQUEST_TIMEOUT_MS_CONFIG, Type.INT, 40 * 1000, atLeast(0), Importance.LOW,
                    CommonClientConfigs.REQUEST_TIMEOUT_MS_DOC);
        defineLastKeys(def);
    }

    @SuppressWarnings("deprecation") // Kafka still defines the deprecated keys; so must we
    private static void defineLastKeys(ConfigDef def) {
        def.define(CommonClientConfigs.METADATA_RECOVERY_STRATEGY_CONFIG, Type.STRING,
                    CommonClientConfigs.DEFAULT_METADATA_RECOVERY_STRATEGY,
                    ConfigDef.CaseInsensitiveValidString.in("none", "rebootstrap"), Importance.LOW,
                    CommonClientConfigs.METADATA_RECOVERY_STRATEGY_DOC)
            .define(CommonClientConfigs.METADATA_RECOVERY_REBOOTSTRAP_TRIGGER_MS_CONFIG, Type.LONG,
                    CommonClientConfigs.DEFAULT_METADATA_RECOVERY_REBOOTSTRAP_TRIGGER_MS, atLeast(0), Importance.LOW,
                    CommonClientConfigs.METADATA_RECOVERY_REBOOTSTRAP_TRIGGER_MS_DOC)
            .define(ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, Type.CLASS, null, Importance.LOW,
                    "Tunes each RocksDB store; implements <code>dev.millrace.streams.state.RocksDBConfigSetter</code>.")
            .define(SEND_BUFFER_CONFIG, Type.INT, 128 * 1024, atLeast(CommonClientConfigs.SEND_BUFFER_LOWER_BOUND),
                    Importance.LOW, CommonClientConfigs.SEND_BUFFER_DOC)
            .define(STATE_CLEANUP_DELAY_MS_CONFIG, Type.LONG, 10 * 60 * 1000L, Importance.LOW,
                    "How long the state of a task no longer assigned here is kept before it is deleted.")
            .define(STATE_CLEANUP_DIR_MAX_AGE_MS_CONFIG, Type.LONG, STATE_CLEANUP_DIR_MAX_AGE_MS_DISABLED,
                    Importance.LOW, "At start-up, state directories untouched for longer are deleted; -1 disables.")
            .define(UPGRADE_FROM_CONFIG, Type.STRING, null, in(upgradeFromValues()), Importance.LOW,
                    "The version being upgraded from during a rolling upgrade that needs it; null otherwise.")
            .define(WINDOWED_INNER_CLASS_SERDE, Type.STRING, null, Importance.LOW,
                    "Inner serde of windowed keys for plain consumers; invalid in a Streams application.")
            .define(WINDOW_STORE_CHANGE_LOG_ADDITIONAL_RETENTION_MS_CONFIG, Type.LONG, 24 * 60 * 60 * 1000L,
                    Importance.LOW, "Extra retention of window store changelogs beyond the window retention.")
            .define(WINDOW_SIZE_MS_CONFIG, Type.LONG, null, Importance.LOW,
                    "Window size the windowed deserializer uses to compute window ends.");
    }

    private static String[] upgradeFromValues() {
        List<String> values = new ArrayList<>();
        values.add(null);
        values.addAll(List.of(UPGRADE_FROM_24, UPGRADE_FROM_25, UPGRADE_FROM_26, UPGRADE_FROM_27, UPGRADE_FROM_28,
                UPGRADE_FROM_30, UPGRADE_FROM_31, UPGRADE_FROM_32, UPGRADE_FROM_33, UPGRADE_FROM_34, UPGRADE_FROM_35,
                UPGRADE_FROM_36, UPGRADE_FROM_37, UPGRADE_FROM_38, UPGRADE_FROM_39, UPGRADE_FROM_40, UPGRADE_FROM_41,
                UPGRADE_FROM_42));
        return values.toArray(new String[0]);
    }
}
