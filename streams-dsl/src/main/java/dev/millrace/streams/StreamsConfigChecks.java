package dev.millrace.streams;

import dev.millrace.clients.CommonClientConfigs;
import dev.millrace.common.config.ConfigDef;
import dev.millrace.common.config.ConfigException;

import java.util.List;
import java.util.Map;

import static dev.millrace.streams.StreamsConfig.*;

/**
 * The cross-key checks {@link StreamsConfig} runs at construction, with Kafka Streams' rules and messages:
 * the exactly-once transaction timeout against the commit interval, the topology optimization value, consistent
 * metrics-push settings across the internal clients, no static membership with the streams rebalance protocol, and
 * the {@code client.tag.} / {@code rack.aware.assignment.tags} settings. Stateless.
 */
final class StreamsConfigChecks {

    private StreamsConfigChecks() {
    }

    static void verify(StreamsConfig config, boolean eosEnabled) {
        if (eosEnabled) {
            verifyTransactionTimeout(config);
        }
        verifyTopologyOptimizationConfigs(config.getString(TOPOLOGY_OPTIMIZATION_CONFIG));
        verifyMetricsPush(config);
        if (config.isStreamsProtocolEnabled()) {
            Object instanceId = config.getMainConsumerConfigs("dummy", "dummy", -1)
                    .get(CommonClientConfigs.GROUP_INSTANCE_ID_CONFIG);
            if (instanceId != null && !instanceId.toString().isEmpty()) {
                throw new ConfigException("Streams rebalance protocol does not support static membership. "
                        + "Please set group.protocol=classic or remove group.instance.id from the configuration.");
            }
        }
    }

    private static void verifyTransactionTimeout(StreamsConfig config) {
        long commitInterval = config.getLong(COMMIT_INTERVAL_MS_CONFIG);
        String key = StreamsConfig.prefixedTransactionTimeout();
        Map<String, Object> originals = config.originals();
        int transactionTimeout = StreamsConfig.defaultTransactionTimeoutMs();
        if (originals.containsKey(key)) {
            Object parsed = ConfigDef.parseType(key, originals.get(key), ConfigDef.Type.INT);
            if (parsed == null) {
                throw new NullPointerException("Could not parse config `" + COMMIT_INTERVAL_MS_CONFIG
                        + "` because it's set to `null`");
            }
            transactionTimeout = (Integer) parsed;
        }
        if (transactionTimeout < commitInterval) {
            throw new IllegalArgumentException(String.format("Transaction timeout %d was set lower than streams "
                    + "commit interval %d. This will cause ongoing transaction always timeout due to inactivity "
                    + "caused by long commit interval. Consider reconfiguring commit interval to match transaction "
                    + "timeout by tuning 'commit.interval.ms' config, or increase the transaction timeout to match "
                    + "commit interval by tuning `producer.transaction.timeout.ms` config.",
                    transactionTimeout, commitInterval));
        }
    }

    private static void verifyMetricsPush(StreamsConfig config) {
        if (!config.getBoolean(ENABLE_METRICS_PUSH_CONFIG)) {
            return;
        }
        Boolean mainConsumer = metricsPush(config, MAIN_CONSUMER_PREFIX);
        Boolean consumer = metricsPush(config, CONSUMER_PREFIX);
        Boolean admin = metricsPush(config, ADMIN_CLIENT_PREFIX);
        if (consumer != null) {
            if (!consumer && mainConsumer == null && admin == null) {
                throw new ConfigException("Streams metrics push enabled but consumer.enable.metrics is false, the "
                        + "setting needs to be consistent between the two");
            } else if (consumer) {
                checkMainConsumerAndAdmin(admin, mainConsumer, "and consumer.enable.metrics are enabled,");
            }
        }
        checkMainConsumerAndAdmin(admin, mainConsumer, "enabled");
    }

    private static void checkMainConsumerAndAdmin(Boolean admin, Boolean mainConsumer, String message) {
        boolean mainOff = mainConsumer != null && !mainConsumer;
        boolean adminOff = admin != null && !admin;
        if (mainOff && adminOff) {
            throw new ConfigException("Streams metrics push " + message + " but main.consumer and admin.client "
                    + "metrics push are disabled, the setting needs to be consistent between the two");
        } else if (mainOff) {
            throw new ConfigException("Streams metrics push " + message + " but main.consumer metrics push is "
                    + "disabled, the setting needs to be consistent between the two");
        } else if (adminOff) {
            throw new ConfigException("Streams metrics push " + message + " but admin.client metrics push is "
                    + "disabled, the setting needs to be consistent between the two");
        }
    }

    private static Boolean metricsPush(StreamsConfig config, String prefix) {
        Object value = config.originalsWithPrefix(prefix).get(ENABLE_METRICS_PUSH_CONFIG);
        return value == null ? null : (Boolean) ConfigDef.parseType(prefix + ENABLE_METRICS_PUSH_CONFIG, value,
                ConfigDef.Type.BOOLEAN);
    }

    static void verifyRackAwareness(StreamsConfig config) {
        List<String> tags = config.getList(RACK_AWARE_ASSIGNMENT_TAGS_CONFIG);
        Map<String, String> clientTags = config.getClientTags();
        if (clientTags.size() > MAX_RACK_AWARE_ASSIGNMENT_TAG_LIST_SIZE) {
            throw new ConfigException(String.format("At most %s client tags can be specified using %s prefix.",
                    MAX_RACK_AWARE_ASSIGNMENT_TAG_LIST_SIZE, CLIENT_TAG_PREFIX));
        }
        for (String tag : tags) {
            if (tag.isEmpty()) {
                throw new ConfigException(RACK_AWARE_ASSIGNMENT_TAGS_CONFIG, tags,
                        "Contains invalid value []. Tag key cannot be empty.");
            }
            if (!clientTags.containsKey(tag)) {
                throw new ConfigException(RACK_AWARE_ASSIGNMENT_TAGS_CONFIG, tags, String.format("Contains invalid "
                        + "value [%s] which doesn't have corresponding tag set via [%s] prefix.", tag,
                        CLIENT_TAG_PREFIX));
            }
        }
        clientTags.forEach((key, value) -> {
            if (key.trim().isEmpty()) {
                throw new ConfigException("Invalid config `client.tag.` (missing client tag key).");
            }
            if (value.trim().isEmpty()) {
                throw new ConfigException(CLIENT_TAG_PREFIX + key, "[]", "Tag value cannot be empty.");
            }
            if (key.length() > MAX_RACK_AWARE_ASSIGNMENT_TAG_KEY_LENGTH) {
                throw new ConfigException(CLIENT_TAG_PREFIX + key, key,
                        "Tag key exceeds maximum length of " + MAX_RACK_AWARE_ASSIGNMENT_TAG_KEY_LENGTH + ".");
            }
            if (value.length() > MAX_RACK_AWARE_ASSIGNMENT_TAG_VALUE_LENGTH) {
                throw new ConfigException(CLIENT_TAG_PREFIX + key, value,
                        "Tag value exceeds maximum length of " + MAX_RACK_AWARE_ASSIGNMENT_TAG_VALUE_LENGTH + ".");
            }
        });
    }
}
