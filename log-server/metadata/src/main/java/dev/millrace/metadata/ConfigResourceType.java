package dev.millrace.metadata;

/**
 * The config resource types the controller stores dynamic configs for, with Kafka's ids (the
 * {@code ResourceType} of config requests and of {@code ConfigRecord}). A broker resource named
 * {@code ""} holds the cluster-wide defaults; one named by a node id holds that node's overrides.
 */
public enum ConfigResourceType {
    TOPIC((byte) 2),
    BROKER((byte) 4);

    private final byte id;

    ConfigResourceType(byte id) {
        this.id = id;
    }

    /** Kafka's id of the type. */
    public byte id() {
        return id;
    }

    /** The type with Kafka id {@code id}, or null for a type this module does not store. */
    public static ConfigResourceType forId(byte id) {
        for (ConfigResourceType type : values()) {
            if (type.id == id) {
                return type;
            }
        }
        return null;
    }
}
