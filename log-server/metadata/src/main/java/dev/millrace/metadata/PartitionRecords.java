package dev.millrace.metadata;

import dev.millrace.common.Uuid;
import dev.millrace.metadata.records.PartitionRecord;
import java.util.List;
import java.util.SortedSet;

/** Builds the record of a new partition: leader the first live replica, epochs 0, ISR the live replicas. */
final class PartitionRecords {
    private PartitionRecords() {
    }

    static PartitionRecord newPartition(Uuid topicId, int partition, List<Integer> replicas,
                                        SortedSet<Integer> liveBrokers) {
        List<Integer> isr = replicas.stream().filter(liveBrokers::contains).toList();
        return new PartitionRecord()
                .setPartitionId(partition)
                .setTopicId(topicId)
                .setReplicas(List.copyOf(replicas))
                .setIsr(isr)
                .setLeader(isr.isEmpty() ? -1 : isr.get(0))
                .setLeaderEpoch(0)
                .setPartitionEpoch(0);
    }
}
