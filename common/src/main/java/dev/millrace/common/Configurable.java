package dev.millrace.common;

import java.util.Map;

/**
 * A class created by reflection from a configuration (a serde, a partitioner, a handler named by a
 * {@code *.class} key) that wants to see that configuration. Mirrors Kafka's {@code Configurable}.
 *
 * <p>{@link dev.millrace.common.config.AbstractConfig#getConfiguredInstance(String, Class)} calls
 * {@link #configure(Map)} exactly once, right after the no-argument constructor and before the instance
 * is handed out, on the thread that asked for the instance.
 */
public interface Configurable {

    /**
     * Receives the configuration this instance was created from.
     *
     * @param configs the original key/value pairs of the configuration, plus any overrides of the caller
     */
    void configure(Map<String, ?> configs);
}
