package dev.millrace.clients.cluster;

import dev.millrace.common.Uuid;
import java.util.List;

/**
 * A topic as Metadata describes it. Immutable.
 *
 * @param name the topic name
 * @param topicId the topic id ({@link Uuid#ZERO_UUID} when the broker did not send one)
 * @param internal whether the topic is internal (such as {@code __consumer_offsets})
 * @param partitions the partitions, ordered by partition number
 */
public record TopicDescription(String name, Uuid topicId, boolean internal, List<PartitionDescription> partitions) {
    /** Copies the partition list. */
    public TopicDescription {
        partitions = List.copyOf(partitions);
    }

    /** The replication factor: the replica count of the first partition, 0 without partitions. */
    public int replicationFactor() {
        return partitions.isEmpty() ? 0 : partitions.get(0).replicas().size();
    }
}
