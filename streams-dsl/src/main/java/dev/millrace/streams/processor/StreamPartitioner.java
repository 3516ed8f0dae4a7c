package dev.millrace.streams.processor;

import java.util.Optional;
import java.util.Set;

/**
 * Chooses the partitions a record is written to by a sink or repartition step; mirrors Kafka 4.3's
 * {@code StreamPartitioner}, whose only method is {@link #partitions}. Called on the task's stream thread.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@FunctionalInterface
public interface StreamPartitioner<K, V> {

    /**
     * Returns the partitions of the given topic that receive the record.
     *
     * @param topic the topic
     * @param key the key
     * @param value the value
     * @param numPartitions the number of partitions of the topic
     * @return empty to use the default partitioning, a set of partitions to write one copy to each (an empty set
     *     drops the record)
     */
    Optional<Set<Integer>> partitions(String topic, K key, V value, int numPartitions);
}
