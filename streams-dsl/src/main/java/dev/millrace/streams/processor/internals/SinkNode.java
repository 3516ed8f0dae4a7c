package dev.millrace.streams.processor.internals;

import dev.millrace.clients.producer.ProducerRecord;
import dev.millrace.common.serialization.Serde;
import dev.millrace.common.serialization.Serializer;
import dev.millrace.streams.errors.ProductionExceptionHandler;
import dev.millrace.streams.errors.StreamsException;
import dev.millrace.streams.processor.RecordContext;
import dev.millrace.streams.processor.StreamPartitioner;
import dev.millrace.streams.processor.TopicNameExtractor;
import dev.millrace.streams.processor.api.Record;
import dev.millrace.streams.state.internals.ProcessorRecordContext;

import java.util.Locale;

/**
 * The exit of a task's processor graph: chooses the topic (fixed or per record), serializes with its own or the
 * application's default serdes and hands the record to the task's {@link RecordCollector}. Internal topics are
 * prefixed with the application id by the builder before the node is created.
 *
 * <p>Owning thread: the task's thread.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class SinkNode<K, V> extends ProcessorNode<K, V, Void, Void> {

    private final TopicNameExtractor<? super K, ? super V> topicExtractor;
    private final StreamPartitioner<? super K, ? super V> partitioner;
    private Serializer<K> keySerializer;
    private Serializer<V> valueSerializer;
    private TaskContext context;

    SinkNode(String name, TopicNameExtractor<? super K, ? super V> topicExtractor, Serializer<K> keySerializer,
             Serializer<V> valueSerializer, StreamPartitioner<? super K, ? super V> partitioner) {
        super(name);
        this.topicExtractor = topicExtractor;
        this.keySerializer = keySerializer;
        this.valueSerializer = valueSerializer;
        this.partitioner = partitioner;
    }

    /** @return the topic extractor */
    public TopicNameExtractor<? super K, ? super V> topicExtractor() {
        return topicExtractor;
    }

    @Override
    public void init(TaskContext context) {
        this.context = context;
        keySerializer = resolve(keySerializer, context.keySerde(), "key");
        valueSerializer = resolve(valueSerializer, context.valueSerde(), "value");
    }

    @SuppressWarnings("unchecked") // the default serde is the application's declared contract for untyped sinks
    private <T> Serializer<T> resolve(Serializer<T> own, Serde<?> fallback, String what) {
        if (own != null) {
            return own;
        }
        if (fallback == null) {
            String upper = what.toUpperCase(Locale.ROOT);
            throw new StreamsException("Failed to initialize " + what + " serdes for sink node " + name()
                    + " (node=" + name() + "): Please specify a " + what + " serde or set one through StreamsConfig#"
                    + "DEFAULT_" + upper + "_SERDE_CLASS_CONFIG (default." + what + ".serde)");
        }
        return (Serializer<T>) fallback.serializer();
    }

    @Override
    public void process(Record<K, V> record) {
        ProcessorRecordContext current = context.recordContext();
        RecordContext extraction = new SinkRecordContext(record, current);
        String topic = topicExtractor.extract(record.key(), record.value(), extraction);
        if (topic == null) {
            throw new StreamsException("reason=nullTopicFromExtractor node=" + name() + " extractor="
                    + topicExtractor + ": the TopicNameExtractor returned null");
        }
        byte[] keyBytes;
        byte[] valueBytes;
        ProductionExceptionHandler.SerializationExceptionOrigin origin =
                ProductionExceptionHandler.SerializationExceptionOrigin.KEY;
        try {
            keyBytes = keySerializer.serialize(topic, record.headers(), record.key());
            origin = ProductionExceptionHandler.SerializationExceptionOrigin.VALUE;
            valueBytes = valueSerializer.serialize(topic, record.headers(), record.value());
        } catch (ClassCastException e) {
            throw classCast(topic, record, e);
        } catch (RuntimeException e) {
            ErrorHandling.serializationFailed(context, name(), new ProducerRecord<>(topic, null, record.timestamp(),
                    record.key(), record.value(), record.headers()), e, origin);
            return;
        }
        context.recordCollector().send(topic, record.key(), record.value(), keyBytes, valueBytes, record.headers(),
                record.timestamp(), partitioner, name());
    }

    private StreamsException classCast(String topic, Record<K, V> record, ClassCastException e) {
        return new StreamsException("ClassCastException while producing data to topic " + topic + ". A serializer "
                + "(key: " + keySerializer.getClass().getName() + " / value: " + valueSerializer.getClass().getName()
                + ") is not compatible to the actual key or value type (key type: " + typeOf(record.key())
                + " / value type: " + typeOf(record.value()) + "). Change the default Serdes in StreamConfig or "
                + "provide correct Serdes via method parameters (for example if using the DSL, `#to(String topic, "
                + "Produced<K, V> produced)` with `Produced.keySerde(WindowedSerdes.timeWindowedSerdeFrom(String"
                + ".class))`). (node=" + name() + " topic=" + topic + ")", e, context.taskId());
    }

    private static String typeOf(Object object) {
        return object == null ? "unknown because key is null" : object.getClass().getName();
    }

    @Override
    public String toString() {
        return name() + " (" + topicExtractor + ")";
    }

    /** The record context a topic-name extractor sees: the forwarded record's timestamp and headers. */
    private record SinkRecordContext(Record<?, ?> record, ProcessorRecordContext source) implements RecordContext {
        @Override
        public String topic() {
            return source.topic();
        }

        @Override
        public int partition() {
            return source.partition();
        }

        @Override
        public long offset() {
            return source.offset();
        }

        @Override
        public long timestamp() {
            return record.timestamp();
        }

        @Override
        public dev.millrace.common.header.Headers headers() {
            return record.headers();
        }

        @Override
        public byte[] sourceRawKey() {
            return null;
        }

        @Override
        public byte[] sourceRawValue() {
            return null;
        }
    }
}
