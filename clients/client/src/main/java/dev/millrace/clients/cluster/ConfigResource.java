package dev.millrace.clients.cluster;

import java.util.Objects;

/**
 * A resource whose configs can be described or altered: a topic, a broker (its id, or the empty
 * name for the cluster-wide broker default) or a broker's loggers. Immutable.
 *
 * @param type the resource type
 * @param name the resource name
 */
public record ConfigResource(Type type, String name) {
    /** Checks for null. */
    public ConfigResource {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
    }

    /** Resource types with their wire ids (Kafka's {@code ConfigResource.Type}). */
    public enum Type {
        TOPIC(2),
        BROKER(4),
        BROKER_LOGGER(8);

        private final byte id;

        Type(int id) {
            this.id = (byte) id;
        }

        /** The id carried in DescribeConfigs and IncrementalAlterConfigs. */
        public byte id() {
            return id;
        }
    }
}
