package dev.millrace.clients.cluster;

import java.util.List;

/**
 * One partition as Metadata describes it. Immutable.
 *
 * @param partition the partition number
 * @param leader the leader's broker id, -1 when there is none
 * @param leaderEpoch the leader epoch, -1 when unknown
 * @param replicas the brokers holding a replica, preferred leader first
 * @param isr the in-sync replicas
 * @param offlineReplicas the offline replicas
 * @param errorCode the partition's error code in the metadata response, 0 when healthy
 */
public record PartitionDescription(int partition, int leader, int leaderEpoch, List<Integer> replicas,
                                   List<Integer> isr, List<Integer> offlineReplicas, short errorCode) {
    /** Copies the lists. */
    public PartitionDescription {
        replicas = List.copyOf(replicas);
        isr = List.copyOf(isr);
        offlineReplicas = List.copyOf(offlineReplicas);
    }
}
