package dev.millrace.streams;

import dev.millrace.clients.CommonClientConfigs;
import dev.millrace.clients.producer.ProducerConfig;
import dev.millrace.common.config.AbstractConfig;
import dev.millrace.common.config.ConfigDef;
import dev.millrace.common.config.ConfigException;
import dev.millrace.common.serialization.Serde;
import dev.millrace.streams.errors.StreamsException;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configuration of a Streams application. Mirrors Kafka Streams' {@code StreamsConfig} by the porting rule:
 * every public constant has Kafka 4.3's name and value, every key Kafka's type, default, validator and importance,
 * and the client configuration methods ({@link #getMainConsumerConfigs}, {@link #getProducerConfigs}, ...) apply
 * Kafka's prefix precedence and Streams overrides, so {@code props.put(StreamsConfig.APPLICATION_ID_CONFIG, "app")}
 * code ports by changing imports. Documentation texts are our own wording.
 *
 * <p>{@code application.id} and {@code bootstrap.servers} are required: a missing one fails construction with
 * {@link ConfigException} {@code Missing required configuration "application.id" which has no default value.}
 * Construction also rejects an invalid {@code topology.optimization}, a {@code producer.transaction.timeout.ms}
 * below {@code commit.interval.ms} under exactly-once ({@link IllegalArgumentException}, as in Kafka), bad
 * {@code client.tag.} settings and inconsistent metrics-push settings. Immutable after construction and safe to
 * share between threads.
 *
 * <p>Defaults that differ from Kafka's, all by the porting rule unless stated:
 * <ul>
 *   <li>{@code default.client.supplier}:
 *       {@code dev.millrace.streams.processor.internals.DefaultMillraceClientSupplier}</li>
 *   <li>{@code dsl.store.suppliers.class}:
 *       {@code dev.millrace.streams.state.BuiltInDslStoreSuppliers$RocksDBDslStoreSuppliers}</li>
 *   <li>{@code processor.wrapper.class}: {@code dev.millrace.streams.processor.internals.NoOpProcessorWrapper}</li>
 *   <li>{@code default.deserialization.exception.handler} and {@code deserialization.exception.handler}:
 *       {@code dev.millrace.streams.errors.LogAndFailExceptionHandler}; {@code production.exception.handler} and
 *       its deprecated twin: {@code dev.millrace.streams.errors.DefaultProductionExceptionHandler};
 *       {@code processing.exception.handler}: {@code dev.millrace.streams.errors.LogAndFailProcessingExceptionHandler};
 *       {@code default.timestamp.extractor}: {@code dev.millrace.streams.processor.FailOnInvalidTimestamp}</li>
 *   <li>{@code metric.reporters}: {@code dev.millrace.common.metrics.JmxReporter}</li>
 *   <li>the main consumer's {@code partition.assignment.strategy}:
 *       {@code dev.millrace.streams.processor.internals.StreamsPartitionAssignor}</li>
 *   <li>{@code state.dir}: {@code <java.io.tmpdir>/millrace-streams} (Kafka: {@code kafka-streams}), so that a
 *       Millrace application never opens a Kafka Streams state directory by accident</li>
 * </ul>
 * These class defaults are kept as class names and loaded only when used (see {@link ConfigDef}). The
 * {@code topology.optimization} error message lists the acceptable values by name (Kafka's prints unexpanded
 * {@code "+NO_OPTIMIZATION+"} placeholders). Config providers
 * and the typed accessors for exception handlers, timestamp extractors and the client supplier are not provided
 * yet.
 */
public class StreamsConfig extends AbstractConfig {

    /** @deprecated unused, kept because Kafka still declares it. */
    @Deprecated
    public static final int DUMMY_THREAD_INDEX = 1;
    public static final long MAX_TASK_IDLE_MS_DISABLED = -1;
    public static final long STATE_CLEANUP_DIR_MAX_AGE_MS_DISABLED = -1;
    public static final int MAX_RACK_AWARE_ASSIGNMENT_TAG_LIST_SIZE = 5;
    public static final int MAX_RACK_AWARE_ASSIGNMENT_TAG_KEY_LENGTH = 20;
    public static final int MAX_RACK_AWARE_ASSIGNMENT_TAG_VALUE_LENGTH = 30;

    /** Prefix of topic configs applied to internal (changelog, repartition) topics. */
    public static final String TOPIC_PREFIX = "topic.";
    /** Prefix of configs for all consumers (main, restore, global). */
    public static final String CONSUMER_PREFIX = "consumer.";
    /** Prefix of main-consumer configs; wins over {@link #CONSUMER_PREFIX}. */
    public static final String MAIN_CONSUMER_PREFIX = "main.consumer.";
    /** Prefix of restore-consumer configs; wins over {@link #CONSUMER_PREFIX}. */
    public static final String RESTORE_CONSUMER_PREFIX = "restore.consumer.";
    /** Prefix of global-consumer configs; wins over {@link #CONSUMER_PREFIX}. */
    public static final String GLOBAL_CONSUMER_PREFIX = "global.consumer.";
    /** Prefix of producer configs. */
    public static final String PRODUCER_PREFIX = "producer.";
    /** Prefix of admin client configs. */
    public static final String ADMIN_CLIENT_PREFIX = "admin.";
    /** Prefix of client tags used by rack-aware standby assignment. */
    public static final String CLIENT_TAG_PREFIX = "client.tag.";

    public static final String NO_OPTIMIZATION = "none";
    public static final String OPTIMIZE = "all";
    public static final String REUSE_KTABLE_SOURCE_TOPICS = "reuse.ktable.source.topics";
    public static final String MERGE_REPARTITION_TOPICS = "merge.repartition.topics";
    public static final String SINGLE_STORE_SELF_JOIN = "single.store.self.join";

    public static final String UPGRADE_FROM_24 = "2.4";
    public static final String UPGRADE_FROM_25 = "2.5";
    public static final String UPGRADE_FROM_26 = "2.6";
    public static final String UPGRADE_FROM_27 = "2.7";
    public static final String UPGRADE_FROM_28 = "2.8";
    public static final String UPGRADE_FROM_30 = "3.0";
    public static final String UPGRADE_FROM_31 = "3.1";
    public static final String UPGRADE_FROM_32 = "3.2";
    public static final String UPGRADE_FROM_33 = "3.3";
    public static final String UPGRADE_FROM_34 = "3.4";
    public static final String UPGRADE_FROM_35 = "3.5";
    public static final String UPGRADE_FROM_36 = "3.6";
    public static final String UPGRADE_FROM_37 = "3.7";
    public static final String UPGRADE_FROM_38 = "3.8";
    public static final String UPGRADE_FROM_39 = "3.9";
    public static final String UPGRADE_FROM_40 = "4.0";
    public static final String UPGRADE_FROM_41 = "4.1";
    public static final String UPGRADE_FROM_42 = "4.2";

    public static final String AT_LEAST_ONCE = "at_least_once";
    public static final String EXACTLY_ONCE_V2 = "exactly_once_v2";
    public static final String RACK_AWARE_ASSIGNMENT_STRATEGY_NONE = "none";
    public static final String RACK_AWARE_ASSIGNMENT_STRATEGY_MIN_TRAFFIC = "min_traffic";
    public static final String RACK_AWARE_ASSIGNMENT_STRATEGY_BALANCE_SUBTOPOLOGY = "balance_subtopology";
    public static final String METRICS_LATEST = "latest";

    public static final String ACCEPTABLE_RECOVERY_LAG_CONFIG = "acceptable.recovery.lag";
    public static final String ALLOW_OS_GROUP_WRITE_ACCESS_CONFIG = "allow.os.group.write.access";
    public static final String APPLICATION_ID_CONFIG = "application.id";
    public static final String APPLICATION_SERVER_CONFIG = "application.server";
    public static final String BOOTSTRAP_SERVERS_CONFIG = CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG;
    public static final String BUFFERED_RECORDS_PER_PARTITION_CONFIG = "buffered.records.per.partition";
    public static final String BUFFERED_RECORDS_PER_PARTITION_DOC = "Most records buffered per input partition "
            + "before fetching from it pauses.";
    public static final String BUILT_IN_METRICS_VERSION_CONFIG = "built.in.metrics.version";
    /** @deprecated use {@link #STATESTORE_CACHE_MAX_BYTES_CONFIG}. */
    @Deprecated
    public static final String CACHE_MAX_BYTES_BUFFERING_CONFIG = "cache.max.bytes.buffering";
    /** @deprecated documentation of a deprecated key. */
    @Deprecated
    public static final String CACHE_MAX_BYTES_BUFFERING_DOC = "Bytes of record cache shared by all threads.";
    public static final String CLIENT_ID_CONFIG = CommonClientConfigs.CLIENT_ID_CONFIG;
    public static final String COMMIT_INTERVAL_MS_CONFIG = "commit.interval.ms";
    public static final String CONNECTIONS_MAX_IDLE_MS_CONFIG = CommonClientConfigs.CONNECTIONS_MAX_IDLE_MS_CONFIG;
    public static final String DEFAULT_CLIENT_SUPPLIER_CONFIG = "default.client.supplier";
    public static final String DEFAULT_CLIENT_SUPPLIER_DOC = "Class creating the application's clients; implements "
            + "<code>dev.millrace.streams.MillraceClientSupplier</code>.";
    /** @deprecated use {@link #DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG}. */
    @Deprecated
    public static final String DEFAULT_DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG =
            "default.deserialization.exception.handler";
    /** @deprecated documentation of a deprecated key. */
    @Deprecated
    public static final String DEFAULT_DESERIALIZATION_EXCEPTION_HANDLER_CLASS_DOC = "Handler deciding what happens "
            + "to a record that cannot be deserialized; implements "
            + "<code>dev.millrace.streams.errors.DeserializationExceptionHandler</code>.";
    public static final String DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG = "deserialization.exception.handler";
    /** @deprecated use {@link #PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG}. */
    @Deprecated
    public static final String DEFAULT_PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG =
            "default.production.exception.handler";
    public static final String PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG = "production.exception.handler";
    /** @deprecated use {@link #DSL_STORE_SUPPLIERS_CLASS_CONFIG}. */
    @Deprecated
    public static final String DEFAULT_DSL_STORE_CONFIG = "default.dsl.store";
    /** @deprecated documentation of a deprecated key. */
    @Deprecated
    public static final String DEFAULT_DSL_STORE_DOC = "Store type DSL operators use by default.";
    /** @deprecated value of a deprecated key. */
    @Deprecated
    public static final String ROCKS_DB = "rocksDB";
    /** @deprecated value of a deprecated key. */
    @Deprecated
    public static final String IN_MEMORY = "in_memory";
    /** @deprecated default of a deprecated key. */
    @Deprecated
    public static final String DEFAULT_DSL_STORE = ROCKS_DB;
    public static final String DSL_STORE_SUPPLIERS_CLASS_CONFIG = "dsl.store.suppliers.class";
    public static final String DSL_STORE_FORMAT_CONFIG = "dsl.store.format";
    public static final String DSL_STORE_FORMAT_DEFAULT = "DEFAULT";
    public static final String DSL_STORE_FORMAT_HEADERS = "HEADERS";
    public static final String DEFAULT_KEY_SERDE_CLASS_CONFIG = "default.key.serde";
    public static final String DEFAULT_VALUE_SERDE_CLASS_CONFIG = "default.value.serde";
    public static final String DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG = "default.timestamp.extractor";
    public static final String DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_DOC = "Timestamp extractor used when a source does "
            + "not name one; implements <code>dev.millrace.streams.processor.TimestampExtractor</code>.";
    public static final String ENABLE_METRICS_PUSH_CONFIG = CommonClientConfigs.ENABLE_METRICS_PUSH_CONFIG;
    public static final String ENABLE_METRICS_PUSH_DOC = "Whether the internal consumers, producers and admin "
            + "clients push their metrics to the cluster; only effective if those clients also enable it.";
    public static final String ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG =
            "ensure.explicit.internal.resource.naming";
    public static final String GROUP_PROTOCOL_CONFIG = "group.protocol";
    public static final String DEFAULT_GROUP_PROTOCOL = "classic";
    public static final String ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG = "errors.dead.letter.queue.topic.name";
    public static final String LOG_SUMMARY_INTERVAL_MS_CONFIG = "log.summary.interval.ms";
    public static final String MAX_TASK_IDLE_MS_CONFIG = "max.task.idle.ms";
    public static final String MAX_TASK_IDLE_MS_DOC = "How long a task with several inputs waits for data on an "
            + "empty input before processing the others out of timestamp order; -1 never waits.";
    public static final String MAX_WARMUP_REPLICAS_CONFIG = "max.warmup.replicas";
    public static final String METADATA_MAX_AGE_CONFIG = CommonClientConfigs.METADATA_MAX_AGE_CONFIG;
    public static final String METRICS_NUM_SAMPLES_CONFIG = CommonClientConfigs.METRICS_NUM_SAMPLES_CONFIG;
    public static final String METRICS_RECORDING_LEVEL_CONFIG = CommonClientConfigs.METRICS_RECORDING_LEVEL_CONFIG;
    public static final String METRIC_REPORTER_CLASSES_CONFIG = CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG;
    public static final String METRICS_SAMPLE_WINDOW_MS_CONFIG = CommonClientConfigs.METRICS_SAMPLE_WINDOW_MS_CONFIG;
    public static final String NUM_STANDBY_REPLICAS_CONFIG = "num.standby.replicas";
    public static final String NUM_STREAM_THREADS_CONFIG = "num.stream.threads";
    public static final String POLL_MS_CONFIG = "poll.ms";
    public static final String PROBING_REBALANCE_INTERVAL_MS_CONFIG = "probing.rebalance.interval.ms";
    public static final String PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG = "processing.exception.handler";
    public static final String PROCESSING_EXCEPTION_HANDLER_CLASS_DOC = "Handler deciding what happens when a "
            + "processor throws; implements <code>dev.millrace.streams.errors.ProcessingExceptionHandler</code>.";
    public static final String PROCESSING_GUARANTEE_CONFIG = "processing.guarantee";
    public static final String PROCESSOR_WRAPPER_CLASS_CONFIG = "processor.wrapper.class";
    public static final String REPARTITION_PURGE_INTERVAL_MS_CONFIG = "repartition.purge.interval.ms";
    public static final String RECEIVE_BUFFER_CONFIG = CommonClientConfigs.RECEIVE_BUFFER_CONFIG;
    public static final String RACK_AWARE_ASSIGNMENT_NON_OVERLAP_COST_CONFIG = "rack.aware.assignment.non_overlap_cost";
    public static final String RACK_AWARE_ASSIGNMENT_NON_OVERLAP_COST_DOC = "Cost of moving a task away from its "
            + "current client, weighed against the traffic cost by rack-aware assignment.";
    public static final String RACK_AWARE_ASSIGNMENT_STRATEGY_CONFIG = "rack.aware.assignment.strategy";
    public static final String RACK_AWARE_ASSIGNMENT_STRATEGY_DOC = "Rack-aware task assignment: <code>none</code>, "
            + "<code>min_traffic</code> or <code>balance_subtopology</code>.";
    public static final String RACK_AWARE_ASSIGNMENT_TAGS_CONFIG = "rack.aware.assignment.tags";
    public static final String RACK_AWARE_ASSIGNMENT_TRAFFIC_COST_CONFIG = "rack.aware.assignment.traffic_cost";
    public static final String RACK_AWARE_ASSIGNMENT_TRAFFIC_COST_DOC = "Cost of cross-rack traffic, weighed "
            + "against the non-overlap cost by rack-aware assignment.";
    public static final String RECONNECT_BACKOFF_MS_CONFIG = CommonClientConfigs.RECONNECT_BACKOFF_MS_CONFIG;
    public static final String RECONNECT_BACKOFF_MAX_MS_CONFIG = CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG;
    public static final String REPLICATION_FACTOR_CONFIG = "replication.factor";
    public static final String REQUEST_TIMEOUT_MS_CONFIG = CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG;
    public static final String RETRY_BACKOFF_MS_CONFIG = CommonClientConfigs.RETRY_BACKOFF_MS_CONFIG;
    public static final String ROCKSDB_CONFIG_SETTER_CLASS_CONFIG = "rocksdb.config.setter";
    public static final String SECURITY_PROTOCOL_CONFIG = CommonClientConfigs.SECURITY_PROTOCOL_CONFIG;
    public static final String SEND_BUFFER_CONFIG = CommonClientConfigs.SEND_BUFFER_CONFIG;
    public static final String STATE_CLEANUP_DELAY_MS_CONFIG = "state.cleanup.delay.ms";
    public static final String STATE_CLEANUP_DIR_MAX_AGE_MS_CONFIG = "state.cleanup.dir.max.age.ms";
    public static final String STATE_DIR_CONFIG = "state.dir";
    public static final String STATESTORE_CACHE_MAX_BYTES_CONFIG = "statestore.cache.max.bytes";
    public static final String STATESTORE_CACHE_MAX_BYTES_DOC = "Bytes of record cache shared by all stream threads.";
    public static final String TASK_ASSIGNOR_CLASS_CONFIG = "task.assignor.class";
    public static final String TASK_TIMEOUT_MS_CONFIG = "task.timeout.ms";
    public static final String TASK_TIMEOUT_MS_DOC = "How long a task may keep failing with timeouts before the "
            + "error is raised; 0 raises the first timeout.";
    public static final String UPGRADE_FROM_CONFIG = "upgrade.from";
    /** Note: the optimizations only apply when the properties are also passed to {@code StreamsBuilder#build}. */
    public static final String TOPOLOGY_OPTIMIZATION_CONFIG = "topology.optimization";
    /** @deprecated set the inner serde on the windowed serializer/deserializer instead. */
    @Deprecated
    public static final String WINDOWED_INNER_CLASS_SERDE = "windowed.inner.class.serde";
    /** @deprecated set the window size on the windowed deserializer instead. */
    @Deprecated
    public static final String WINDOW_SIZE_MS_CONFIG = "window.size.ms";
    public static final String WINDOW_STORE_CHANGE_LOG_ADDITIONAL_RETENTION_MS_CONFIG =
            "windowstore.changelog.additional.retention.ms";
    /** @deprecated global processing-error handling becomes the default in a later version. */
    @Deprecated
    public static final String PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG =
            "processing.exception.handler.global.enabled";

    static final List<String> TOPOLOGY_OPTIMIZATION_CONFIGS = Arrays.asList(
            OPTIMIZE, NO_OPTIMIZATION, REUSE_KTABLE_SOURCE_TOPICS, MERGE_REPARTITION_TOPICS, SINGLE_STORE_SELF_JOIN);
    static final String CONFIG_ERROR_MSG = "Acceptable values are: \"" + NO_OPTIMIZATION + "\", \"" + OPTIMIZE
            + "\", or a comma separated list of specific optimizations: (\"" + REUSE_KTABLE_SOURCE_TOPICS + "\", \""
            + MERGE_REPARTITION_TOPICS + "\", \"" + SINGLE_STORE_SELF_JOIN + "\").";

    private static final ConfigDef CONFIG = StreamsConfigDef.build();

    private final boolean eosEnabled;

    /**
     * Parses and validates a Streams configuration.
     *
     * @param props the configuration, for example a {@link java.util.Properties}
     * @throws ConfigException if a value is invalid or {@code application.id}/{@code bootstrap.servers} is missing
     * @throws IllegalArgumentException under exactly-once, if the producer transaction timeout is below the commit
     *         interval
     */
    public StreamsConfig(Map<?, ?> props) {
        this(props, true);
    }

    /** As {@link #StreamsConfig(Map)}, optionally without logging the values. */
    @SuppressWarnings("this-escape") // the checks read this config's own parsed values, as Kafka's constructor does
    protected StreamsConfig(Map<?, ?> props, boolean doLog) {
        super(CONFIG, props, doLog);
        eosEnabled = EXACTLY_ONCE_V2.equals(getString(PROCESSING_GUARANTEE_CONFIG));
        StreamsConfigChecks.verify(this, eosEnabled);
    }

    /**
     * Keys Streams passes between its own components through client configurations; not for applications. Mirrors
     * Kafka's {@code StreamsConfig.InternalConfig} (same key strings). The getters read a possibly untyped value
     * and fall back to the default, with a warning, when it has the wrong type.
     */
    public static class InternalConfig {
        public static final String INTERNAL_TASK_ASSIGNOR_CLASS = "internal.task.assignor.class";
        public static final String REFERENCE_CONTAINER_PARTITION_ASSIGNOR = "__reference.container.instance__";
        public static final String ASSIGNMENT_LISTENER = "__assignment.listener__";
        public static final String INTERNAL_CONSUMER_WRAPPER = "__internal.consumer.wrapper__";
        public static final String EMIT_INTERVAL_MS_KSTREAMS_OUTER_JOIN_SPURIOUS_RESULTS_FIX =
                "__emit.interval.ms.kstreams.outer.join.spurious.results.fix__";
        public static final String EMIT_INTERVAL_MS_KSTREAMS_WINDOWED_AGGREGATION =
                "__emit.interval.ms.kstreams.windowed.aggregation__";
        public static final String IQ_CONSISTENCY_OFFSET_VECTOR_ENABLED = "__iq.consistency.offset.vector.enabled__";
        /** @deprecated kept because Kafka still declares it. */
        @Deprecated
        public static final String TOPIC_PREFIX_ALTERNATIVE = "__internal.override.topic.prefix__";
        public static final String PROCESSING_THREADS_ENABLED = "__processing.threads.enabled__";

        private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InternalConfig.class);

        /** @param configs a client configuration @return whether processing threads are enabled */
        public static boolean processingThreadsEnabled(Map<String, Object> configs) {
            return getBoolean(configs, PROCESSING_THREADS_ENABLED, false);
        }

        /** @return the Boolean (or "true"/"false" text) under {@code key}, else {@code defaultValue} */
        public static boolean getBoolean(Map<String, Object> configs, String key, boolean defaultValue) {
            Object value = configs.getOrDefault(key, defaultValue);
            if (value instanceof Boolean) {
                return (Boolean) value;
            }
            if (value instanceof String) {
                return Boolean.parseBoolean((String) value);
            }
            LOG.warn("Invalid value ({}) on internal configuration '{}'. Please specify a true/false value.",
                    value, key);
            return defaultValue;
        }

        /** @return the number (or decimal text) under {@code key}, else {@code defaultValue} */
        public static long getLong(Map<String, Object> configs, String key, long defaultValue) {
            Object value = configs.getOrDefault(key, defaultValue);
            if (value instanceof Number) {
                return ((Number) value).longValue();
            }
            if (value instanceof String) {
                return Long.parseLong((String) value);
            }
            LOG.warn("Invalid value ({}) on internal configuration '{}'. Please specify a numeric value.", value, key);
            return defaultValue;
        }

        /** @return the String under {@code key}, else {@code defaultValue} */
        public static String getString(Map<String, Object> configs, String key, String defaultValue) {
            Object value = configs.getOrDefault(key, defaultValue);
            if (value instanceof String) {
                return (String) value;
            }
            LOG.warn("Invalid value ({}) on internal configuration '{}'. Please specify a String value.", value, key);
            return defaultValue;
        }
    }

    /** @param consumerProp a consumer key @return it with {@link #CONSUMER_PREFIX} */
    public static String consumerPrefix(String consumerProp) {
        return CONSUMER_PREFIX + consumerProp;
    }

    /** @param consumerProp a consumer key @return it with {@link #MAIN_CONSUMER_PREFIX} */
    public static String mainConsumerPrefix(String consumerProp) {
        return MAIN_CONSUMER_PREFIX + consumerProp;
    }

    /** @param consumerProp a consumer key @return it with {@link #RESTORE_CONSUMER_PREFIX} */
    public static String restoreConsumerPrefix(String consumerProp) {
        return RESTORE_CONSUMER_PREFIX + consumerProp;
    }

    /** @param clientTagKey a tag key @return it with {@link #CLIENT_TAG_PREFIX} */
    public static String clientTagPrefix(String clientTagKey) {
        return CLIENT_TAG_PREFIX + clientTagKey;
    }

    /** @param consumerProp a consumer key @return it with {@link #GLOBAL_CONSUMER_PREFIX} */
    public static String globalConsumerPrefix(String consumerProp) {
        return GLOBAL_CONSUMER_PREFIX + consumerProp;
    }

    /** @param producerProp a producer key @return it with {@link #PRODUCER_PREFIX} */
    public static String producerPrefix(String producerProp) {
        return PRODUCER_PREFIX + producerProp;
    }

    /** @param adminClientProp an admin client key @return it with {@link #ADMIN_CLIENT_PREFIX} */
    public static String adminClientPrefix(String adminClientProp) {
        return ADMIN_CLIENT_PREFIX + adminClientProp;
    }

    /** @param topicProp a topic config @return it with {@link #TOPIC_PREFIX} */
    public static String topicPrefix(String topicProp) {
        return TOPIC_PREFIX + topicProp;
    }

    /** @return a copy of the Streams definition, safe to extend */
    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG);
    }

    /**
     * Expands a {@code topology.optimization} value into the individual optimizations it enables.
     *
     * @param config {@code none}, {@code all}, or a comma separated list of optimizations
     * @return the enabled optimizations; empty for {@code none}
     * @throws ConfigException if the value mixes {@code none}/{@code all} with others or names an unknown one
     */
    public static Set<String> verifyTopologyOptimizationConfigs(String config) {
        List<String> configs = Arrays.asList(config.split("\\s*,\\s*"));
        if ((configs.contains(NO_OPTIMIZATION) || configs.contains(OPTIMIZE)) && configs.size() > 1) {
            throw new ConfigException("\"" + config + "\" is not a valid optimization config. " + CONFIG_ERROR_MSG);
        }
        for (String conf : configs) {
            if (!TOPOLOGY_OPTIMIZATION_CONFIGS.contains(conf)) {
                throw new ConfigException("Unrecognized config. " + CONFIG_ERROR_MSG);
            }
        }
        Set<String> verified = new HashSet<>();
        if (configs.contains(OPTIMIZE)) {
            verified.addAll(List.of(REUSE_KTABLE_SOURCE_TOPICS, MERGE_REPARTITION_TOPICS, SINGLE_STORE_SELF_JOIN));
        } else if (!configs.contains(NO_OPTIMIZATION)) {
            verified.addAll(configs);
        }
        return verified;
    }

    /**
     * The main consumer's configuration: consumer keys from the plain config, then {@code consumer.}, then
     * {@code main.consumer.} prefixed ones, with Streams' fixed overrides and the assignor settings.
     *
     * @param groupId the consumer group (the application id)
     * @param clientId the consumer's client id
     * @param threadIdx the stream thread index, appended to {@code group.instance.id}
     * @return a new mutable map
     */
    public Map<String, Object> getMainConsumerConfigs(String groupId, String clientId, int threadIdx) {
        return new StreamsConfigClients(this, eosEnabled).mainConsumer(groupId, clientId, threadIdx);
    }

    /** @param clientId the client id @return the restore consumer's configuration (no group) */
    public Map<String, Object> getRestoreConsumerConfigs(String clientId) {
        return new StreamsConfigClients(this, eosEnabled).restoreConsumer(clientId);
    }

    /** @param clientId the client id prefix @return the global consumer's configuration (no group) */
    public Map<String, Object> getGlobalConsumerConfigs(String clientId) {
        return new StreamsConfigClients(this, eosEnabled).globalConsumer(clientId);
    }

    /** @param clientId the client id @return the producer's configuration, with exactly-once settings if enabled */
    public Map<String, Object> getProducerConfigs(String clientId) {
        return new StreamsConfigClients(this, eosEnabled).producer(clientId);
    }

    /** @param clientId the client id @return the admin client's configuration */
    public Map<String, Object> getAdminConfigs(String clientId) {
        return new StreamsConfigClients(this, eosEnabled).admin(clientId);
    }

    /** @return the {@code client.tag.} entries with the prefix stripped and values as strings */
    public Map<String, String> getClientTags() {
        Map<String, String> tags = new java.util.HashMap<>();
        originalsWithPrefix(CLIENT_TAG_PREFIX).forEach((key, value) -> tags.put(key, String.valueOf(value)));
        return tags;
    }

    /**
     * @return a new instance of {@code default.key.serde}, configured with the originals as a key serde
     * @throws ConfigException if {@code default.key.serde} is not set
     * @throws StreamsException if the serde cannot be created or configured
     */
    public Serde<?> defaultKeySerde() {
        return defaultSerde(DEFAULT_KEY_SERDE_CLASS_CONFIG, true);
    }

    /**
     * @return a new instance of {@code default.value.serde}, configured with the originals as a value serde
     * @throws ConfigException if {@code default.value.serde} is not set
     * @throws StreamsException if the serde cannot be created or configured
     */
    public Serde<?> defaultValueSerde() {
        return defaultSerde(DEFAULT_VALUE_SERDE_CLASS_CONFIG, false);
    }

    private Serde<?> defaultSerde(String key, boolean isKey) {
        Object setting = get(key);
        String kind = isKey ? "key" : "value";
        if (setting == null) {
            throw new ConfigException("Please specify a " + kind + " serde or set one through StreamsConfig#"
                    + (isKey ? "DEFAULT_KEY_SERDE_CLASS_CONFIG" : "DEFAULT_VALUE_SERDE_CLASS_CONFIG"));
        }
        try {
            Serde<?> serde = getConfiguredInstance(key, Serde.class);
            serde.configure(originals(), isKey);
            return serde;
        } catch (RuntimeException e) {
            throw new StreamsException(String.format("Failed to configure %s serde %s", kind, setting), e);
        }
    }

    @Override
    protected Map<String, Object> postProcessParsedConfig(Map<String, Object> parsedValues) {
        Map<String, Object> updates = CommonClientConfigs.postProcessReconnectBackoffConfigs(this, parsedValues);
        if (EXACTLY_ONCE_V2.equals(parsedValues.get(PROCESSING_GUARANTEE_CONFIG))
                && !originals().containsKey(COMMIT_INTERVAL_MS_CONFIG)) {
            updates.put(COMMIT_INTERVAL_MS_CONFIG, StreamsConfigDef.EOS_DEFAULT_COMMIT_INTERVAL_MS);
        }
        StreamsConfigChecks.verifyRackAwareness(this);
        return updates;
    }

    /** @return whether the Streams rebalance protocol ({@code group.protocol=streams}) is configured */
    protected boolean isStreamsProtocolEnabled() {
        return getString(GROUP_PROTOCOL_CONFIG).equalsIgnoreCase("streams");
    }

    /** The producer's transaction timeout Streams uses under exactly-once unless the user sets one. */
    static int defaultTransactionTimeoutMs() {
        return StreamsConfigDef.DEFAULT_TRANSACTION_TIMEOUT;
    }

    /** @return the producer transaction timeout key as the user would prefix it */
    static String prefixedTransactionTimeout() {
        return producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG);
    }
}
