package dev.millrace.streams.processor.internals;

import dev.millrace.common.header.Headers;
import dev.millrace.common.serialization.Deserializer;
import dev.millrace.common.serialization.Serde;
import dev.millrace.streams.errors.StreamsException;
import dev.millrace.streams.processor.TimestampExtractor;
import dev.millrace.streams.processor.api.Record;

import java.util.List;

/**
 * The entry of a task's processor graph for some topics: deserializes raw records (with the application's default
 * serdes when the source names none) and forwards them to its children.
 *
 * <p>Owning thread: the task's thread.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class SourceNode<K, V> extends ProcessorNode<K, V, K, V> {

    private final List<String> topics;
    private final TimestampExtractor timestampExtractor;
    private Deserializer<K> keyDeserializer;
    private Deserializer<V> valueDeserializer;
    private TaskContext context;

    SourceNode(String name, List<String> topics, TimestampExtractor timestampExtractor,
               Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer) {
        super(name);
        this.topics = topics;
        this.timestampExtractor = timestampExtractor;
        this.keyDeserializer = keyDeserializer;
        this.valueDeserializer = valueDeserializer;
    }

    /** @return the topics this source reads (raw names) */
    public List<String> topics() {
        return topics;
    }

    /** @return the source's own timestamp extractor, or null to use the application's default */
    public TimestampExtractor timestampExtractor() {
        return timestampExtractor;
    }

    @Override
    public void init(TaskContext context) {
        this.context = context;
        keyDeserializer = resolve(keyDeserializer, context.keySerde(), "key", "default.key.serde");
        valueDeserializer = resolve(valueDeserializer, context.valueSerde(), "value", "default.value.serde");
    }

    @SuppressWarnings("unchecked") // the default serde is the application's declared contract for untyped sources
    private <T> Deserializer<T> resolve(Deserializer<T> own, Serde<?> fallback, String what, String configKey) {
        if (own != null) {
            return own;
        }
        if (fallback == null) {
            throw new StreamsException("Failed to initialize " + what + " serdes for source node " + name()
                    + " (node=" + name() + " topics=" + topics + "): Please specify a " + what
                    + " serde or set one through StreamsConfig#DEFAULT_" + what.toUpperCase(java.util.Locale.ROOT)
                    + "_SERDE_CLASS_CONFIG (" + configKey + ")");
        }
        return (Deserializer<T>) fallback.deserializer();
    }

    /**
     * Deserializes a key.
     *
     * @param topic the topic
     * @param headers the headers
     * @param data the bytes
     * @return the key
     */
    public K deserializeKey(String topic, Headers headers, byte[] data) {
        return keyDeserializer.deserialize(topic, headers, data);
    }

    /**
     * Deserializes a value.
     *
     * @param topic the topic
     * @param headers the headers
     * @param data the bytes
     * @return the value
     */
    public V deserializeValue(String topic, Headers headers, byte[] data) {
        return valueDeserializer.deserialize(topic, headers, data);
    }

    @Override
    public void process(Record<K, V> record) {
        context.forward(record);
    }

    @Override
    public String toString() {
        return name() + " (topics: " + topics + ")";
    }
}
