package dev.millrace.server.config;

import dev.millrace.common.config.ConfigException;
import dev.millrace.common.errors.InvalidRequestException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Answers DescribeConfigs for TOPIC and BROKER resources the way a Kafka 4.3 broker does: values,
 * sources, read-only flags, types, documentation and synonyms. Stateless apart from the immutable
 * {@link ServerConfig}; the caller passes the current dynamic configs, so any thread may call it.
 *
 * <p>Synonyms follow Kafka's rule exactly: for a key, its synonym names (for example
 * {@code log.retention.ms}, {@code log.retention.minutes}, {@code log.retention.hours}) are looked up in
 * the dynamic per-broker configs, then the dynamic cluster defaults, then the static configs, then the
 * built-in defaults, and the leading entries that are not the key itself are dropped. So a topic's
 * {@code retention.ms} whose only broker setting is {@code log.retention.hours} is described with
 * source DEFAULT_CONFIG and no synonyms, while its value is the derived one, as Kafka does.
 */
public final class ConfigDescriber {
    private static final List<List<String>> CHAINS = List.of(
            List.of("log.retention.ms", "log.retention.minutes", "log.retention.hours"),
            List.of("log.roll.ms", "log.roll.hours"),
            List.of("log.roll.jitter.ms", "log.roll.jitter.hours"));

    private final ServerConfig config;

    /** A describer over {@code config}, the static configuration of this server. */
    public ConfigDescriber(ServerConfig config) {
        this.config = config;
    }

    /**
     * Describes a topic.
     *
     * @param topicOverrides the topic's overrides (topic key names)
     * @param dynamicBrokerDefaults cluster-wide dynamic broker configs (broker key names)
     * @param keysOrNull the keys asked for; {@code null} or empty for all. Unknown keys are skipped
     * @param includeSynonyms whether to list synonyms
     */
    public List<DescribedConfig> describeTopic(Map<String, String> topicOverrides,
                                               Map<String, String> dynamicBrokerDefaults,
                                               Collection<String> keysOrNull, boolean includeSynonyms) {
        Map<String, String> defaults = config.topicDefaults(dynamicBrokerDefaults);
        List<DescribedConfig> out = new ArrayList<>();
        for (ConfigKey key : TopicConfigs.definitions().values()) {
            if (!wanted(key.name(), keysOrNull)) {
                continue;
            }
            String override = topicOverrides.get(key.name());
            String value = override == null ? defaults.get(key.name()) : normalized(key, override);
            List<DescribedConfig.Synonym> synonyms = new ArrayList<>();
            if (override != null) {
                synonyms.add(new DescribedConfig.Synonym(key.name(), value, ConfigSource.DYNAMIC_TOPIC_CONFIG.id()));
            }
            String serverKey = TopicConfigs.serverSynonym(key.name());
            if (serverKey != null) {
                synonyms.addAll(brokerSynonyms(serverKey, Map.of(), dynamicBrokerDefaults));
            }
            out.add(entry(key, value, synonyms, false, includeSynonyms));
        }
        return out;
    }

    /**
     * Describes this broker (a BROKER resource named by its id).
     *
     * @param nodeId the id in the resource name
     * @param dynamicPerBroker dynamic configs set for this broker
     * @param dynamicDefault dynamic cluster-wide defaults
     * @param keysOrNull the keys asked for; {@code null} or empty for all. Unknown keys are skipped
     * @param includeSynonyms whether to list synonyms
     * @throws InvalidRequestException when {@code nodeId} is not this node's id
     */
    public List<DescribedConfig> describeBroker(int nodeId, Map<String, String> dynamicPerBroker,
                                                Map<String, String> dynamicDefault, Collection<String> keysOrNull,
                                                boolean includeSynonyms) {
        if (nodeId != config.nodeId()) {
            throw new InvalidRequestException("Unexpected broker id, expected " + config.nodeId()
                    + " or empty string, but received " + nodeId);
        }
        List<DescribedConfig> out = new ArrayList<>();
        for (ConfigKey key : BrokerConfigs.definitions().values()) {
            if (!wanted(key.name(), keysOrNull)) {
                continue;
            }
            String value = dynamicPerBroker.get(key.name());
            if (value == null) {
                value = dynamicDefault.get(key.name());
            }
            value = value == null ? config.get(key.name()) : normalized(key, value);
            List<DescribedConfig.Synonym> synonyms = brokerSynonyms(key.name(), dynamicPerBroker, dynamicDefault);
            out.add(entry(key, value, synonyms, key.dynamicMode() == DynamicMode.READ_ONLY, includeSynonyms));
        }
        return out;
    }

    /**
     * Describes the cluster-wide broker default (a BROKER resource with an empty name): only the keys
     * set in {@code dynamicDefault}, each with source DYNAMIC_DEFAULT_BROKER_CONFIG.
     */
    public List<DescribedConfig> describeBrokerDefault(Map<String, String> dynamicDefault,
                                                       Collection<String> keysOrNull, boolean includeSynonyms) {
        List<DescribedConfig> out = new ArrayList<>();
        for (ConfigKey key : BrokerConfigs.definitions().values()) {
            String value = dynamicDefault.get(key.name());
            if (value == null || !wanted(key.name(), keysOrNull)) {
                continue;
            }
            List<DescribedConfig.Synonym> synonyms = new ArrayList<>();
            for (DescribedConfig.Synonym synonym : brokerSynonyms(key.name(), Map.of(), dynamicDefault)) {
                if (synonym.source() == ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG.id()) {
                    synonyms.add(synonym);
                }
            }
            out.add(entry(key, normalized(key, value), synonyms, key.dynamicMode() == DynamicMode.READ_ONLY,
                    includeSynonyms));
        }
        return out;
    }

    /** Kafka's synonym names of broker key {@code name}, most specific first. */
    static List<String> brokerSynonymNames(String name) {
        if (name.equals(BrokerConfigs.LOG_FLUSH_INTERVAL_MS)) {
            return List.of(name, BrokerConfigs.LOG_FLUSH_SCHEDULER_INTERVAL_MS);
        }
        for (List<String> chain : CHAINS) {
            if (chain.contains(name)) {
                return chain;
            }
        }
        return List.of(name);
    }

    private List<DescribedConfig.Synonym> brokerSynonyms(String name, Map<String, String> dynamicPerBroker,
                                                         Map<String, String> dynamicDefault) {
        List<String> names = brokerSynonymNames(name);
        List<DescribedConfig.Synonym> all = new ArrayList<>();
        addFound(all, names, dynamicPerBroker, ConfigSource.DYNAMIC_BROKER_CONFIG);
        addFound(all, names, dynamicDefault, ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG);
        addFound(all, names, config.staticConfigs(), ConfigSource.STATIC_BROKER_CONFIG);
        for (String synonym : names) {
            ConfigKey key = BrokerConfigs.key(synonym);
            if (key != null && key.defaultValue() != null) {
                all.add(synonym(key, key.defaultValue(), ConfigSource.DEFAULT_CONFIG));
            }
        }
        int first = 0;
        while (first < all.size() && !all.get(first).name().equals(name)) {
            first++;
        }
        return all.subList(first, all.size());
    }

    private static void addFound(List<DescribedConfig.Synonym> all, List<String> names, Map<String, String> values,
                                 ConfigSource source) {
        for (String name : names) {
            String value = values.get(name);
            ConfigKey key = BrokerConfigs.key(name);
            if (value != null && key != null) {
                all.add(synonym(key, value, source));
            }
        }
    }

    private static DescribedConfig.Synonym synonym(ConfigKey key, String value, ConfigSource source) {
        return new DescribedConfig.Synonym(key.name(), key.sensitive() ? null : value, source.id());
    }

    private static DescribedConfig entry(ConfigKey key, String value, List<DescribedConfig.Synonym> synonyms,
                                         boolean readOnly, boolean includeSynonyms) {
        int source = synonyms.isEmpty() ? ConfigSource.DEFAULT_CONFIG.id() : synonyms.get(0).source();
        return new DescribedConfig(key.name(), key.sensitive() ? null : value, source, readOnly, key.sensitive(),
                key.type().id(), key.documentation(), includeSynonyms ? synonyms : List.of());
    }

    private static boolean wanted(String name, Collection<String> keysOrNull) {
        return keysOrNull == null || keysOrNull.isEmpty() || keysOrNull.contains(name);
    }

    /** The canonical form of a stored dynamic value; the raw text if it no longer parses. */
    private static String normalized(ConfigKey key, String text) {
        try {
            return key.normalize(text);
        } catch (ConfigException e) {
            return text;
        }
    }
}
