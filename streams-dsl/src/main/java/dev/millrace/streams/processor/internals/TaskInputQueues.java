package dev.millrace.streams.processor.internals;

import dev.millrace.clients.consumer.ConsumerRecord;
import dev.millrace.common.TopicPartition;
import dev.millrace.common.header.Headers;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The raw records a task has received but not processed yet, one FIFO queue per input partition. The next record
 * to process is the head with the smallest timestamp across partitions (ties: the partition added first), which is
 * how Kafka Streams interleaves partitions by time. Heads are deserialized and stamped lazily by {@link StreamTask}.
 *
 * <p>Owning thread: the task's thread.
 */
final class TaskInputQueues {

    /** A deserialized record with its extracted timestamp. */
    record Stamped(TopicPartition partition, Object key, Object value, long timestamp, long offset,
                   Headers headers, SourceNode<?, ?> source, byte[] rawKey, byte[] rawValue) {
    }

    /** One partition's queue and time. */
    static final class PartitionQueue {
        final TopicPartition partition;
        final SourceNode<?, ?> source;
        final ArrayDeque<ConsumerRecord<byte[], byte[]>> raw = new ArrayDeque<>();
        Stamped head;
        long partitionTime = -1L;

        PartitionQueue(TopicPartition partition, SourceNode<?, ?> source) {
            this.partition = partition;
            this.source = source;
        }

        boolean isEmpty() {
            return head == null && raw.isEmpty();
        }
    }

    private final Map<TopicPartition, PartitionQueue> queues = new LinkedHashMap<>();
    private int buffered;

    PartitionQueue queue(TopicPartition partition, SourceNode<?, ?> source) {
        return queues.computeIfAbsent(partition, p -> new PartitionQueue(p, source));
    }

    void add(PartitionQueue queue, ConsumerRecord<byte[], byte[]> record) {
        queue.raw.addLast(record);
        buffered++;
    }

    void consumed() {
        buffered--;
    }

    /** @return the number of records received and not yet processed or dropped */
    int buffered() {
        return buffered;
    }

    /** @return the partition queues in the order they were created */
    Iterable<PartitionQueue> queues() {
        return queues.values();
    }
}
