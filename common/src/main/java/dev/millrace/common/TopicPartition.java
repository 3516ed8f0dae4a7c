package dev.millrace.common;

import java.io.Serializable;
import java.util.Objects;

/**
 * A partition of a topic, named by the topic and the partition index (mirrors Kafka's
 * {@code TopicPartition}).
 *
 * <p>Immutable and thread-safe. Two instances are equal when topic and partition are equal, and
 * {@link #hashCode()} gives the same value as Kafka's class, so hash-based collections of partitions
 * iterate in the same order in both systems. {@link #toString()} is {@code topic-partition}, for
 * example {@code orders-3}, the form used in log lines and partition directory names. The topic is
 * never null; the partition is not checked, since clients use -1 for "not yet assigned".
 *
 * @param topic the topic name, not null
 * @param partition the partition index within the topic
 */
public record TopicPartition(String topic, int partition) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the partition name.
     *
     * @throws NullPointerException if {@code topic} is null
     */
    public TopicPartition {
        Objects.requireNonNull(topic, "topic");
    }

    @Override
    public int hashCode() {
        return 31 * (31 + partition) + topic.hashCode();
    }

    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}
