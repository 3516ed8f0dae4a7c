package dev.millrace.streams;

import dev.millrace.clients.producer.ProducerRecord;
import dev.millrace.common.header.Headers;
import dev.millrace.common.header.RecordHeaders;
import dev.millrace.streams.processor.StreamPartitioner;
import dev.millrace.streams.processor.internals.RecordCollector;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The test driver's {@link RecordCollector}: serializes what sinks and changelogs send and keeps it, in send order,
 * until the driver drains it into its output queues. Every topic has exactly one partition, as in Kafka's driver;
 * a partitioner that answers an empty set drops the record.
 *
 * <p>Owning thread: the test's thread.
 */
final class DriverRecordCollector implements RecordCollector {

    private final List<ProducerRecord<byte[], byte[]>> sent = new ArrayList<>();

    @Override
    public <K, V> void send(String topic, K key, V value, byte[] keyBytes, byte[] valueBytes, Headers headers,
                            long timestamp, StreamPartitioner<? super K, ? super V> partitioner, String sinkName) {
        if (partitioner != null) {
            Optional<Set<Integer>> partitions = partitioner.partitions(topic, key, value, 1);
            if (partitions.isPresent() && partitions.get().isEmpty()) {
                return;
            }
        }
        sent.add(new ProducerRecord<>(topic, 0, timestamp, keyBytes, valueBytes, copy(headers)));
    }

    @Override
    public void sendSerialized(String topic, int partition, byte[] key, byte[] value, Headers headers,
                               long timestamp) {
        sent.add(new ProducerRecord<>(topic, Math.max(partition, 0), timestamp, key, value, copy(headers)));
    }

    private static Headers copy(Headers headers) {
        return headers == null ? new RecordHeaders() : new RecordHeaders(headers.toArray());
    }

    /**
     * Returns and forgets what was sent since the last call.
     *
     * @return the records in send order
     */
    List<ProducerRecord<byte[], byte[]>> drain() {
        if (sent.isEmpty()) {
            return List.of();
        }
        List<ProducerRecord<byte[], byte[]>> drained = new ArrayList<>(sent);
        sent.clear();
        return drained;
    }
}
