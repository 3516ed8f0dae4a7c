package dev.millrace.clients.cluster;

/**
 * Where a config value comes from, under the names of Kafka's admin {@code ConfigEntry.ConfigSource}
 * (which kafka-configs prints) and the wire ids of DescribeConfigs. Immutable.
 */
public enum ConfigSource {
    UNKNOWN(0),
    DYNAMIC_TOPIC_CONFIG(1),
    DYNAMIC_BROKER_CONFIG(2),
    DYNAMIC_DEFAULT_BROKER_CONFIG(3),
    STATIC_BROKER_CONFIG(4),
    DEFAULT_CONFIG(5),
    DYNAMIC_BROKER_LOGGER_CONFIG(6),
    DYNAMIC_CLIENT_METRICS_CONFIG(7),
    DYNAMIC_GROUP_CONFIG(8);

    private final byte id;

    ConfigSource(int id) {
        this.id = (byte) id;
    }

    /** The wire id. */
    public byte id() {
        return id;
    }

    /** The source with this wire id; unknown ids give {@link #UNKNOWN}. */
    public static ConfigSource forId(byte id) {
        for (ConfigSource source : values()) {
            if (source.id == id) {
                return source;
            }
        }
        return UNKNOWN;
    }
}
