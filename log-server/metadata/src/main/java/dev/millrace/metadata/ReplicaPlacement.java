package dev.millrace.metadata;

import dev.millrace.common.errors.InvalidReplicaAssignmentException;
import dev.millrace.common.errors.InvalidReplicationFactorException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;

/**
 * Where the replicas of new partitions go. Automatic placement is round-robin over the live
 * brokers in id order: replica {@code i} of partition {@code p} is broker {@code (p + i) mod n}, so
 * leaders (first replicas) spread evenly. Manual placements are checked with Kafka's rules. Stateless.
 */
final class ReplicaPlacement {
    private ReplicaPlacement() {
    }

    /**
     * Replica lists for partitions {@code startPartition .. startPartition + count - 1}.
     *
     * @throws InvalidReplicationFactorException if the factor is not positive, no broker is live,
     *     or there are fewer live brokers than the factor (Kafka's messages)
     */
    static List<List<Integer>> place(int startPartition, int count, int replicationFactor,
                                     SortedSet<Integer> liveBrokers) {
        if (replicationFactor <= 0) {
            throw new InvalidReplicationFactorException("Invalid replication factor " + replicationFactor
                    + ": the replication factor must be positive.");
        }
        if (liveBrokers.isEmpty()) {
            throw new InvalidReplicationFactorException("All brokers are currently fenced.");
        }
        if (replicationFactor > liveBrokers.size()) {
            throw new InvalidReplicationFactorException("The target replication factor of " + replicationFactor
                    + " cannot be reached because only " + liveBrokers.size() + " broker(s) are registered.");
        }
        List<Integer> brokers = new ArrayList<>(liveBrokers);
        List<List<Integer>> placements = new ArrayList<>(count);
        for (int p = startPartition; p < startPartition + count; p++) {
            List<Integer> replicas = new ArrayList<>(replicationFactor);
            for (int i = 0; i < replicationFactor; i++) {
                replicas.add(brokers.get((p + i) % brokers.size()));
            }
            placements.add(List.copyOf(replicas));
        }
        return placements;
    }

    /**
     * Checks one manually placed partition.
     *
     * @param expectedReplicas the replica count the other partitions have, or -1 when unknown
     * @throws InvalidReplicaAssignmentException for an empty list, an unknown broker, a broker
     *     listed twice, or a replica count that differs from the other partitions (Kafka's messages)
     */
    static void checkManual(List<Integer> replicas, int expectedReplicas, SortedSet<Integer> liveBrokers) {
        if (replicas.isEmpty()) {
            throw new InvalidReplicaAssignmentException("The manual partition assignment includes an empty "
                    + "replica list.");
        }
        Set<Integer> seen = new HashSet<>();
        for (int broker : replicas) {
            if (!liveBrokers.contains(broker)) {
                throw new InvalidReplicaAssignmentException("The manual partition assignment includes broker "
                        + broker + ", but no such broker is registered.");
            }
            if (!seen.add(broker)) {
                throw new InvalidReplicaAssignmentException("The manual partition assignment includes the broker "
                        + broker + " more than once.");
            }
        }
        if (expectedReplicas >= 0 && replicas.size() != expectedReplicas) {
            throw new InvalidReplicaAssignmentException("The manual partition assignment includes a partition with "
                    + replicas.size() + " replica(s), but this is not consistent with previous partitions, which have "
                    + expectedReplicas + " replica(s).");
        }
    }
}
