package dev.millrace.metadata;

import java.util.Objects;

/**
 * Settings of the {@link Controller}.
 *
 * @param nodeId this node's id ({@code node.id}); the only live broker for now
 * @param defaultNumPartitions {@code num.partitions}: partitions of a topic created with -1 (Kafka's default 1)
 * @param defaultReplicationFactor {@code default.replication.factor}: replicas of a topic created with -1
 *     (Kafka's default 1)
 * @param policy validation of dynamic configs
 */
public record ControllerConfig(int nodeId, int defaultNumPartitions, short defaultReplicationFactor,
                               ConfigPolicy policy) {
    /** Checks the values. */
    public ControllerConfig {
        if (nodeId < 0) {
            throw new IllegalArgumentException("node.id=" + nodeId + " reason=mustBeNonNegative");
        }
        if (defaultNumPartitions < 1) {
            throw new IllegalArgumentException("num.partitions=" + defaultNumPartitions + " reason=mustBeAtLeast1");
        }
        if (defaultReplicationFactor < 1) {
            throw new IllegalArgumentException("default.replication.factor=" + defaultReplicationFactor
                    + " reason=mustBeAtLeast1");
        }
        Objects.requireNonNull(policy, "policy");
    }
}
