package dev.millrace.metadata;

import dev.millrace.common.errors.InvalidConfigurationException;
import java.util.Map;

/**
 * Validation of dynamic configs, supplied by the server (which knows every config key, its type and
 * range); the controller calls it before it writes any config record. Implementations must be pure
 * functions of their arguments, since the controller calls them on its own thread.
 */
public interface ConfigPolicy {
    /** Accepts everything and treats no key as a list (for tests). */
    ConfigPolicy PERMISSIVE = new ConfigPolicy() {
        @Override
        public void validateTopicConfigs(Map<String, String> configs) {
        }

        @Override
        public void validateBrokerConfigs(Map<String, String> configs) {
        }

        @Override
        public boolean isListConfig(String name) {
            return false;
        }
    };

    /**
     * Checks the complete set of dynamic configs a topic would have after the change.
     *
     * @throws InvalidConfigurationException naming the key, the value and the rule broken
     */
    void validateTopicConfigs(Map<String, String> configs);

    /**
     * Checks the complete set of dynamic configs a broker resource would have after the change.
     *
     * @throws InvalidConfigurationException naming the key, the value and the rule broken
     */
    void validateBrokerConfigs(Map<String, String> configs);

    /** Whether {@code name} is a comma-separated list key (APPEND and SUBTRACT apply to it). */
    boolean isListConfig(String name);

    /**
     * The default value of a key (Kafka's definition default), which APPEND and SUBTRACT start from
     * when the resource has no value for the key; null when there is none. The default
     * implementation knows no defaults.
     */
    default String defaultValue(String name, boolean broker) {
        return null;
    }
}
