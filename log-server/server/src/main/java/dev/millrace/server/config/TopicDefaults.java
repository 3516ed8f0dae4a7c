package dev.millrace.server.config;

import dev.millrace.common.config.ConfigException;
import dev.millrace.common.errors.InvalidConfigurationException;
import dev.millrace.storage.log.LogConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Derives topic-level values from broker keys and builds the storage {@link LogConfig} of a topic,
 * with Kafka's precedence: topic override, then for each broker synonym in order its dynamic cluster
 * default or static value, then the topic key's own default. The static result is computed once;
 * results with dynamic defaults are computed per call. Immutable and thread-safe.
 */
final class TopicDefaults {
    /** Looks up the effective text of a broker key, with the dynamic cluster defaults on top. */
    @FunctionalInterface
    interface BrokerLookup {
        String value(String brokerKey, Map<String, String> dynamicBrokerDefaults);
    }

    private static final String KEEP_ALL_POLICY = "";

    private final BrokerLookup broker;
    private final Map<String, String> staticDefaults;

    /** @throws ConfigException naming the topic key when a broker value derives to an invalid topic value */
    TopicDefaults(BrokerLookup broker) {
        this.broker = broker;
        this.staticDefaults = Collections.unmodifiableMap(derive(Map.of()));
    }

    /** The topic defaults implied by the static configuration alone. */
    Map<String, String> defaults() {
        return staticDefaults;
    }

    /**
     * The topic defaults with {@code dynamicBrokerDefaults} applied.
     *
     * @throws InvalidConfigurationException for an invalid dynamic value
     */
    Map<String, String> defaults(Map<String, String> dynamicBrokerDefaults) {
        if (dynamicBrokerDefaults.isEmpty()) {
            return staticDefaults;
        }
        try {
            return Collections.unmodifiableMap(derive(dynamicBrokerDefaults));
        } catch (ConfigException e) {
            throw new InvalidConfigurationException(e.getMessage(), e);
        }
    }

    /**
     * The storage settings of a topic.
     *
     * @throws InvalidConfigurationException for an unknown topic key or an invalid value
     */
    LogConfig logConfig(Map<String, String> dynamicBrokerDefaults, Map<String, String> topicOverrides) {
        TopicConfigs.validate(topicOverrides);
        Map<String, String> effective = new LinkedHashMap<>(defaults(dynamicBrokerDefaults));
        topicOverrides.forEach((name, value) -> {
            if (value != null) {
                effective.put(name, TopicConfigs.key(name).normalize(value));
            }
        });
        try {
            return toLogConfig(effective);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(e.getMessage(), e);
        }
    }

    /**
     * Checks that the static defaults make a valid storage config.
     *
     * @throws ConfigException when the storage engine refuses them
     */
    void checkStatic() {
        try {
            toLogConfig(staticDefaults);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Invalid log configuration: " + e.getMessage());
        }
    }

    private Map<String, String> derive(Map<String, String> dynamicBrokerDefaults) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ConfigKey topicKey : TopicConfigs.definitions().values()) {
            String value = null;
            for (TopicConfigs.BrokerSynonym synonym : TopicConfigs.brokerSynonyms(topicKey.name())) {
                String brokerValue = broker.value(synonym.name(), dynamicBrokerDefaults);
                if (brokerValue != null) {
                    value = synonym.toTopicValue(brokerValue);
                    break;
                }
            }
            if (value == null) {
                value = topicKey.defaultValue();
            }
            if (topicKey.name().equals(LogConfig.RETENTION_MS) && Long.parseLong(value) < 0) {
                value = "-1";
            }
            out.put(topicKey.name(), topicKey.normalize(value));
        }
        return out;
    }

    /** Builds the storage config; an empty cleanup.policy keeps every record (no deletion, no compaction). */
    private static LogConfig toLogConfig(Map<String, String> effective) {
        Map<String, String> storage = new LinkedHashMap<>();
        for (String key : LogConfig.DEFAULTS.keySet()) {
            String value = effective.get(key);
            if (value != null) {
                storage.put(key, value);
            }
        }
        String internalSegmentBytes = effective.get(TopicConfigs.INTERNAL_SEGMENT_BYTES);
        if (internalSegmentBytes != null) {
            storage.put(LogConfig.SEGMENT_BYTES, internalSegmentBytes);
        }
        boolean keepAll = KEEP_ALL_POLICY.equals(storage.get(LogConfig.CLEANUP_POLICY));
        if (keepAll) {
            storage.put(LogConfig.CLEANUP_POLICY, "delete");
        }
        LogConfig c = LogConfig.parse(storage);
        if (!keepAll) {
            return c;
        }
        return new LogConfig(c.segmentBytes(), c.segmentMs(), c.segmentIndexBytes(), c.indexIntervalBytes(),
                c.retentionMs(), c.retentionBytes(), false, false, c.timestampType(), c.maxMessageBytes(),
                c.minCleanableDirtyRatio(), c.minCompactionLagMs(), c.maxCompactionLagMs(), c.deleteRetentionMs(),
                c.fileDeleteDelayMs(), c.flushMessages(), c.flushMs(), c.timestampBeforeMaxMs(),
                c.timestampAfterMaxMs());
    }
}
