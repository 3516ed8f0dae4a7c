package dev.millrace.server.cluster;

import dev.millrace.common.Uuid;
import java.util.List;

/**
 * One topic in a {@link ClusterView}.
 *
 * @param name topic name
 * @param id stable topic id (never zero)
 * @param internal whether Kafka treats the topic as internal ({@code __consumer_offsets}, ...)
 * @param partitions partitions ordered by index, index i at position i
 */
public record TopicView(String name, Uuid id, boolean internal, List<PartitionView> partitions) {
    public TopicView {
        partitions = List.copyOf(partitions);
    }

    /** The partition with {@code index}, or null if the topic has no such partition. */
    public PartitionView partition(int index) {
        return index >= 0 && index < partitions.size() ? partitions.get(index) : null;
    }
}
