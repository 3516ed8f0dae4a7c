package dev.millrace.metadata;

import dev.millrace.common.Uuid;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One topic in a {@link MetadataImage}: name, id (fixed for the topic's life, never reused) and its
 * partitions by index, always {@code 0..n-1}. Immutable; the map is an unmodifiable copy.
 *
 * @param name the topic name
 * @param id the topic id
 * @param partitions the partitions by index
 */
public record TopicImage(String name, Uuid id, SortedMap<Integer, PartitionImage> partitions) {
    /** Copies the map so that the image stays immutable. */
    public TopicImage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(id, "id");
        partitions = Collections.unmodifiableSortedMap(new TreeMap<>(partitions));
    }

    /** The partition count. */
    public int numPartitions() {
        return partitions.size();
    }

    /** The partition with index {@code partition}, or null. */
    public PartitionImage partition(int partition) {
        return partitions.get(partition);
    }

    /** The replica count of partition 0 (the topic's replication factor), or 0 without partitions. */
    public int replicationFactor() {
        return partitions.isEmpty() ? 0 : partitions.get(partitions.firstKey()).replicas().size();
    }
}
