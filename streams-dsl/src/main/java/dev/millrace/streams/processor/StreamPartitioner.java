package dev.millrace.streams.processor;

import java.util.Optional;
import java.util.Set;

/**
 * STUB.
 * @param <K> k
 * @param <V> v
 */
@FunctionalInterface
public interface StreamPartitioner<K, V> {
    /**
     * Partitions.
     * @param topic t
     * @param key k
     * @param value v
     * @param numPartitions n
     * @return partitions
     */
    Optional<Set<Integer>> partitions(String topic, K key, V value, int numPartitions);
}
