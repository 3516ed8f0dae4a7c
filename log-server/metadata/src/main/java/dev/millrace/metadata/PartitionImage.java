package dev.millrace.metadata;

import java.util.List;

/**
 * One partition in a {@link MetadataImage}: its leader and epochs, replicas (preferred leader
 * first) and in-sync replicas. Immutable; the lists are unmodifiable copies.
 *
 * @param partition the partition index
 * @param leader the leader node id, or -1 without a leader
 * @param leaderEpoch bumped every time the leader changes
 * @param partitionEpoch bumped on every change of the partition
 * @param replicas the replica node ids, preferred leader first
 * @param isr the in-sync replicas
 */
public record PartitionImage(int partition, int leader, int leaderEpoch, int partitionEpoch, List<Integer> replicas,
                             List<Integer> isr) {
    /** Copies the lists so that the image stays immutable. */
    public PartitionImage {
        replicas = List.copyOf(replicas);
        isr = List.copyOf(isr);
    }
}
