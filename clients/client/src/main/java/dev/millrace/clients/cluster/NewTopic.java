package dev.millrace.clients.cluster;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A topic to create. A partition count or replication factor of -1 asks for the broker's default
 * ({@code num.partitions}, {@code default.replication.factor}). Immutable.
 *
 * @param name the topic name
 * @param numPartitions the partition count, or -1
 * @param replicationFactor the replication factor, or -1
 * @param configs topic config overrides under Kafka's names, in the order given
 */
public record NewTopic(String name, int numPartitions, short replicationFactor, Map<String, String> configs) {
    /** Checks for null and copies the configs. */
    public NewTopic {
        Objects.requireNonNull(name, "name");
        configs = Collections.unmodifiableMap(new LinkedHashMap<>(configs));
    }
}
