package dev.millrace.streams.processor.internals;

import dev.millrace.clients.consumer.ConsumerRecord;
import dev.millrace.streams.errors.StreamsException;
import dev.millrace.streams.processor.TimestampExtractor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Turns a raw input record into a {@link TaskInputQueues.Stamped} one: deserializes key and value with the source
 * node's deserializers and extracts the timestamp with the source's (or the default) extractor, given the
 * partition's time. Returns null for a record to drop (negative timestamp: logged and counted, as Kafka Streams).
 */
final class RecordStamper {

    private static final Logger LOG = LoggerFactory.getLogger(RecordStamper.class);

    private RecordStamper() {
    }

    static TaskInputQueues.Stamped stamp(StreamTask task, TaskInputQueues.PartitionQueue queue,
                                        ConsumerRecord<byte[], byte[]> raw) {
        SourceNode<?, ?> source = queue.source;
        Object key;
        Object value;
        try {
            key = source.deserializeKey(raw.topic(), raw.headers(), raw.key());
            value = source.deserializeValue(raw.topic(), raw.headers(), raw.value());
        } catch (RuntimeException e) {
            ErrorHandling.deserializationFailed(task.context(), source, raw, e);
            return null;
        }
        ConsumerRecord<Object, Object> deserialized = new ConsumerRecord<>(raw.topic(), raw.partition(), raw.offset(),
                raw.timestamp(), raw.timestampType(), raw.serializedKeySize(), raw.serializedValueSize(), key, value,
                raw.headers(), Optional.empty());
        TimestampExtractor extractor = task.timestampExtractor(source);
        long timestamp;
        try {
            timestamp = extractor.extract(deserialized, queue.partitionTime);
        } catch (StreamsException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StreamsException("reason=timestampExtractorFailed task=" + task.id() + " topic=" + raw.topic()
                    + " partition=" + raw.partition() + " offset=" + raw.offset() + " extractor="
                    + extractor.getClass().getName(), e);
        }
        if (timestamp < 0) {
            LOG.warn("Skipping record due to negative extracted timestamp. topic=[{}] partition=[{}] offset=[{}] "
                            + "extractedTimestamp=[{}] extractor=[{}]", raw.topic(), raw.partition(), raw.offset(),
                    timestamp, extractor.getClass().getCanonicalName());
            StreamsMetricsImpl.recordDroppedRecord(task.context());
            return null;
        }
        return new TaskInputQueues.Stamped(queue.partition, key, value, timestamp, raw.offset(), raw.headers(), source,
                raw.key(), raw.value());
    }
}
