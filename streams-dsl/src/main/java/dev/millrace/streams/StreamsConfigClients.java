package dev.millrace.streams;

import dev.millrace.clients.CommonClientConfigs;
import dev.millrace.clients.admin.AdminClientConfig;
import dev.millrace.clients.consumer.ConsumerConfig;
import dev.millrace.clients.producer.ProducerConfig;
import dev.millrace.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.millrace.streams.StreamsConfig.*;

/**
 * Derives the configuration of each internal client from a {@link StreamsConfig}, with Kafka Streams' precedence:
 * unknown ("custom") keys, then keys the client defines, then the client prefix ({@code consumer.},
 * {@code producer.}, {@code admin.}), then for consumers the specific prefix ({@code main.consumer.} ...), and
 * finally the settings Streams fixes. Streams fixes {@code enable.auto.commit=false},
 * {@code allow.auto.create.topics=false}, {@code group.protocol=classic} (user values are dropped with an error
 * log) and, under exactly-once, {@code isolation.level=read_committed}, {@code enable.idempotence=true} and a
 * generated {@code transactional.id} (user values dropped with a warning). Created per call; not shared.
 */
final class StreamsConfigClients {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsConfigClients.class);

    private static final Map<String, Object> PRODUCER_DEFAULT_OVERRIDES =
            Map.of(ProducerConfig.LINGER_MS_CONFIG, "100");
    private static final Map<String, Object> PRODUCER_EOS_OVERRIDES = Map.of(
            ProducerConfig.LINGER_MS_CONFIG, "100",
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE,
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, StreamsConfigDef.DEFAULT_TRANSACTION_TIMEOUT);
    private static final Map<String, Object> CONSUMER_DEFAULT_OVERRIDES = Map.of(
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
            ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic",
            ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    private static final Map<String, Object> CONSUMER_EOS_OVERRIDES = withEntry(CONSUMER_DEFAULT_OVERRIDES,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    private static final Map<String, Object> ADMIN_CLIENT_OVERRIDES =
            Map.of(AdminClientConfig.ENABLE_METRICS_PUSH_CONFIG, true);
    private static final List<String> NON_CONFIGURABLE_CONSUMER_DEFAULT_CONFIGS = List.of(
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, ConsumerConfig.GROUP_PROTOCOL_CONFIG,
            ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG);
    private static final List<String> NON_CONFIGURABLE_CONSUMER_EOS_CONFIGS =
            List.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG);
    private static final List<String> NON_CONFIGURABLE_PRODUCER_EOS_CONFIGS = List.of(
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
            ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    private static final String PARTITION_ASSIGNOR =
            "dev.millrace.streams.processor.internals.StreamsPartitionAssignor";
    private static final String SEGMENT_BYTES = TOPIC_PREFIX + "segment.bytes";
    private static final String MESSAGE = "Unexpected user-specified {} config '{}' found. {} setting ({}) will be "
            + "ignored and the Streams default setting ({}) will be used.";

    private final StreamsConfig config;
    private final boolean eosEnabled;

    StreamsConfigClients(StreamsConfig config, boolean eosEnabled) {
        this.config = config;
        this.eosEnabled = eosEnabled;
    }

    Map<String, Object> mainConsumer(String groupId, String clientId, int threadIdx) {
        Map<String, Object> props = commonConsumer();
        Map<String, Object> mainProps = config.originalsWithPrefix(MAIN_CONSUMER_PREFIX);
        dropNonConfigurable(mainProps, NON_CONFIGURABLE_CONSUMER_DEFAULT_CONFIGS);
        props.putAll(mainProps);
        props.put(APPLICATION_ID_CONFIG, groupId);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        Object groupInstanceId = props.get(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        if (groupInstanceId != null) {
            props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, groupInstanceId + "-" + threadIdx);
        }
        props.put(UPGRADE_FROM_CONFIG, config.getString(UPGRADE_FROM_CONFIG));
        props.put(REPLICATION_FACTOR_CONFIG, config.getInt(REPLICATION_FACTOR_CONFIG));
        props.put(APPLICATION_SERVER_CONFIG, config.getString(APPLICATION_SERVER_CONFIG));
        props.put(NUM_STANDBY_REPLICAS_CONFIG, config.getInt(NUM_STANDBY_REPLICAS_CONFIG));
        props.put(ACCEPTABLE_RECOVERY_LAG_CONFIG, config.getLong(ACCEPTABLE_RECOVERY_LAG_CONFIG));
        props.put(MAX_WARMUP_REPLICAS_CONFIG, config.getInt(MAX_WARMUP_REPLICAS_CONFIG));
        props.put(PROBING_REBALANCE_INTERVAL_MS_CONFIG, config.getLong(PROBING_REBALANCE_INTERVAL_MS_CONFIG));
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, PARTITION_ASSIGNOR);
        props.put(WINDOW_STORE_CHANGE_LOG_ADDITIONAL_RETENTION_MS_CONFIG,
                config.getLong(WINDOW_STORE_CHANGE_LOG_ADDITIONAL_RETENTION_MS_CONFIG));
        props.put(RACK_AWARE_ASSIGNMENT_NON_OVERLAP_COST_CONFIG,
                config.getInt(RACK_AWARE_ASSIGNMENT_NON_OVERLAP_COST_CONFIG));
        props.put(RACK_AWARE_ASSIGNMENT_STRATEGY_CONFIG, config.getString(RACK_AWARE_ASSIGNMENT_STRATEGY_CONFIG));
        props.put(RACK_AWARE_ASSIGNMENT_TAGS_CONFIG, config.getList(RACK_AWARE_ASSIGNMENT_TAGS_CONFIG));
        props.put(RACK_AWARE_ASSIGNMENT_TRAFFIC_COST_CONFIG, config.getInt(RACK_AWARE_ASSIGNMENT_TRAFFIC_COST_CONFIG));
        props.put(TASK_ASSIGNOR_CLASS_CONFIG, config.getString(TASK_ASSIGNOR_CLASS_CONFIG));
        Map<String, Object> topicProps = config.originalsWithPrefix(TOPIC_PREFIX, false);
        checkSegmentNotSmallerThanBatch(topicProps);
        props.putAll(topicProps);
        return props;
    }

    Map<String, Object> restoreConsumer(String clientId) {
        return groupLessConsumer(RESTORE_CONSUMER_PREFIX, clientId);
    }

    Map<String, Object> globalConsumer(String clientId) {
        return groupLessConsumer(GLOBAL_CONSUMER_PREFIX, clientId + "-global-consumer");
    }

    Map<String, Object> producer(String clientId) {
        Map<String, Object> provided = clientPropsWithPrefix(PRODUCER_PREFIX, ProducerConfig.configNames());
        dropNonConfigurable(provided, NON_CONFIGURABLE_PRODUCER_EOS_CONFIGS);
        Map<String, Object> props = new HashMap<>(eosEnabled ? PRODUCER_EOS_OVERRIDES : PRODUCER_DEFAULT_OVERRIDES);
        props.putAll(customProps());
        props.putAll(provided);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.originals().get(BOOTSTRAP_SERVERS_CONFIG));
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return props;
    }

    Map<String, Object> admin(String clientId) {
        Map<String, Object> props = new HashMap<>(ADMIN_CLIENT_OVERRIDES);
        props.putAll(customProps());
        props.putAll(clientPropsWithPrefix(ADMIN_CLIENT_PREFIX, AdminClientConfig.configNames()));
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return props;
    }

    private Map<String, Object> groupLessConsumer(String prefix, String clientId) {
        Map<String, Object> props = commonConsumer();
        Map<String, Object> specific = config.originalsWithPrefix(prefix);
        dropNonConfigurable(specific, NON_CONFIGURABLE_CONSUMER_DEFAULT_CONFIGS);
        props.putAll(specific);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        return props;
    }

    private Map<String, Object> commonConsumer() {
        Map<String, Object> provided = clientPropsWithPrefix(CONSUMER_PREFIX, ConsumerConfig.configNames());
        provided.remove(GROUP_PROTOCOL_CONFIG);
        dropNonConfigurable(provided, NON_CONFIGURABLE_CONSUMER_DEFAULT_CONFIGS);
        dropNonConfigurable(provided, NON_CONFIGURABLE_CONSUMER_EOS_CONFIGS);
        Map<String, Object> props = new HashMap<>(eosEnabled ? CONSUMER_EOS_OVERRIDES : CONSUMER_DEFAULT_OVERRIDES);
        if (eosEnabled) {
            props.put("internal.throw.on.fetch.stable.offset.unsupported", true);
        }
        props.putAll(customProps());
        props.putAll(provided);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.originals().get(BOOTSTRAP_SERVERS_CONFIG));
        return props;
    }

    private void dropNonConfigurable(Map<String, Object> provided, List<String> nonConfigurable) {
        String eosMessage = "'" + PROCESSING_GUARANTEE_CONFIG + "' is set to \""
                + config.getString(PROCESSING_GUARANTEE_CONFIG) + "\". Hence, user";
        for (String key : nonConfigurable) {
            if (!provided.containsKey(key)) {
                continue;
            }
            Object value = provided.get(key);
            if (CONSUMER_DEFAULT_OVERRIDES.containsKey(key)) {
                if (!value.equals(CONSUMER_DEFAULT_OVERRIDES.get(key))) {
                    LOG.error(MESSAGE, "consumer", key, "User", value, CONSUMER_DEFAULT_OVERRIDES.get(key));
                    provided.remove(key);
                }
            } else if (eosEnabled) {
                dropEosOverride(provided, key, value, eosMessage);
            }
        }
        if (eosEnabled) {
            verifyMaxInFlightRequests(provided.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION));
        }
    }

    private static void dropEosOverride(Map<String, Object> provided, String key, Object value, String eosMessage) {
        if (CONSUMER_EOS_OVERRIDES.containsKey(key)) {
            if (!value.equals(CONSUMER_EOS_OVERRIDES.get(key))) {
                LOG.warn(MESSAGE, "consumer", key, eosMessage, value, CONSUMER_EOS_OVERRIDES.get(key));
                provided.remove(key);
            }
        } else if (PRODUCER_EOS_OVERRIDES.containsKey(key)) {
            if (!value.equals(PRODUCER_EOS_OVERRIDES.get(key))) {
                LOG.warn(MESSAGE, "producer", key, eosMessage, value, PRODUCER_EOS_OVERRIDES.get(key));
                provided.remove(key);
            }
        } else if (ProducerConfig.TRANSACTIONAL_ID_CONFIG.equals(key)) {
            LOG.warn(MESSAGE, "producer", key, eosMessage, value, "<appId>-<generatedSuffix>");
            provided.remove(key);
        }
    }

    private static void verifyMaxInFlightRequests(Object maxInFlight) {
        if (maxInFlight == null) {
            return;
        }
        String key = ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION;
        int value;
        if (maxInFlight instanceof Integer) {
            value = (Integer) maxInFlight;
        } else if (maxInFlight instanceof String) {
            try {
                value = Integer.parseInt(((String) maxInFlight).trim());
            } catch (NumberFormatException e) {
                throw new ConfigException(key, maxInFlight, "String value could not be parsed as 32-bit integer");
            }
        } else {
            throw new ConfigException(key, maxInFlight,
                    "Expected value to be a 32-bit integer, but it was a " + maxInFlight.getClass().getName());
        }
        if (value > 5) {
            throw new ConfigException(key, value, "Can't exceed 5 when exactly-once processing is enabled");
        }
    }

    private void checkSegmentNotSmallerThanBatch(Map<String, Object> topicProps) {
        Map<String, Object> producerProps = clientPropsWithPrefix(PRODUCER_PREFIX, ProducerConfig.configNames());
        if (topicProps.containsKey(SEGMENT_BYTES) && producerProps.containsKey(ProducerConfig.BATCH_SIZE_CONFIG)) {
            int segmentSize = Integer.parseInt(topicProps.get(SEGMENT_BYTES).toString());
            int batchSize = Integer.parseInt(producerProps.get(ProducerConfig.BATCH_SIZE_CONFIG).toString());
            if (segmentSize < batchSize) {
                throw new IllegalArgumentException(String.format("Specified topic segment size %d is smaller than "
                        + "the configured producer batch size %d, this will cause produced batch not able to be "
                        + "appended to the topic", segmentSize, batchSize));
            }
        }
    }

    private Map<String, Object> clientPropsWithPrefix(String prefix, Set<String> configNames) {
        Map<String, Object> originals = config.originals();
        Map<String, Object> props = new HashMap<>();
        for (String name : configNames) {
            if (originals.containsKey(name)) {
                props.put(name, originals.get(name));
            }
        }
        props.putAll(config.originalsWithPrefix(prefix));
        return props;
    }

    private Map<String, Object> customProps() {
        Map<String, Object> props = config.originals();
        props.keySet().removeAll(StreamsConfig.configDef().names());
        props.keySet().removeAll(ConsumerConfig.configNames());
        props.keySet().removeAll(ProducerConfig.configNames());
        props.keySet().removeAll(AdminClientConfig.configNames());
        props.keySet().removeAll(config.originalsWithPrefix(CONSUMER_PREFIX, false).keySet());
        props.keySet().removeAll(config.originalsWithPrefix(PRODUCER_PREFIX, false).keySet());
        props.keySet().removeAll(config.originalsWithPrefix(ADMIN_CLIENT_PREFIX, false).keySet());
        return props;
    }

    private static Map<String, Object> withEntry(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return Map.copyOf(copy);
    }
}
