package dev.millrace.server.config;

/**
 * Where a described configuration value comes from, with the ids DescribeConfigs puts on the wire
 * ({@code configSource} of an entry and {@code source} of a synonym). The constants are listed from
 * the most specific to the least specific source that a broker or topic value can have.
 */
public enum ConfigSource {
    /** A topic-level override ({@code kafka-configs --entity-type topics}). */
    DYNAMIC_TOPIC_CONFIG(1),
    /** A dynamic value set for this broker only. */
    DYNAMIC_BROKER_CONFIG(2),
    /** A dynamic value set as the default of every broker in the cluster. */
    DYNAMIC_DEFAULT_BROKER_CONFIG(3),
    /** A value from {@code server.properties} or a start-up override. */
    STATIC_BROKER_CONFIG(4),
    /** The built-in default. */
    DEFAULT_CONFIG(5);

    private final int id;

    ConfigSource(int id) {
        this.id = id;
    }

    /** The DescribeConfigs wire id of this source. */
    public int id() {
        return id;
    }
}
