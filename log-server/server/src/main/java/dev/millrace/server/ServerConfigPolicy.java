package dev.millrace.server;

import dev.millrace.metadata.ConfigPolicy;
import dev.millrace.server.config.BrokerConfigs;
import dev.millrace.server.config.ConfigKey;
import dev.millrace.server.config.ConfigType;
import dev.millrace.server.config.TopicConfigs;
import java.util.Map;

/**
 * The controller's config rules, taken from the server's config definitions: topic configs must be
 * known topic keys with valid values, dynamic broker configs must be keys Kafka lets you change while
 * the broker runs. Stateless.
 */
final class ServerConfigPolicy implements ConfigPolicy {
    @Override
    public void validateTopicConfigs(Map<String, String> configs) {
        TopicConfigs.validate(configs);
    }

    @Override
    public void validateBrokerConfigs(Map<String, String> configs) {
        BrokerConfigs.validateDynamicBrokerConfigs(configs);
    }

    @Override
    public boolean isListConfig(String name) {
        if (TopicConfigs.isList(name)) {
            return true;
        }
        ConfigKey key = BrokerConfigs.definitions().get(name);
        return key != null && key.type() == ConfigType.LIST;
    }

    @Override
    public String defaultValue(String name, boolean broker) {
        ConfigKey key = broker ? BrokerConfigs.definitions().get(name) : TopicConfigs.definitions().get(name);
        return key == null ? null : key.defaultValue();
    }
}
