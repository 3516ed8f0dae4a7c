package dev.millrace.server.cluster;

import java.util.List;

/**
 * One partition in a {@link ClusterView}.
 *
 * @param index partition number
 * @param leader node id of the leader, -1 if none
 * @param leaderEpoch leader epoch (only grows; stamped into appended batches)
 * @param replicas assigned replicas
 * @param isr in-sync replicas
 */
public record PartitionView(int index, int leader, int leaderEpoch, List<Integer> replicas, List<Integer> isr) {
    public PartitionView {
        replicas = List.copyOf(replicas);
        isr = List.copyOf(isr);
    }
}
