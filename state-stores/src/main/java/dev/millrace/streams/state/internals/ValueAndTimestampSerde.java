package dev.millrace.streams.state.internals;

import dev.millrace.common.serialization.Deserializer;
import dev.millrace.common.serialization.Serde;
import dev.millrace.common.serialization.Serializer;
import dev.millrace.streams.state.ValueAndTimestamp;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;

/**
 * Serializes {@link ValueAndTimestamp} in Kafka Streams' timestamped format: the timestamp as an 8-byte
 * big-endian long, then the bytes of the value from the wrapped serde. A null pair, or a pair whose value
 * serializes to null, becomes null; null bytes read back as null. Thread-safe if the wrapped serde is.
 *
 * @param <V> the value type
 */
public final class ValueAndTimestampSerde<V> implements Serde<ValueAndTimestamp<V>> {

    private final Serde<V> valueSerde;

    /**
     * Wraps a value serde.
     *
     * @param valueSerde the serde of the plain value
     */
    public ValueAndTimestampSerde(Serde<V> valueSerde) {
        this.valueSerde = Objects.requireNonNull(valueSerde, "reason=nullValueSerde");
    }

    /**
     * Lays out raw value bytes with a timestamp.
     *
     * @param rawValue the value bytes, or null
     * @param timestamp the timestamp
     * @return the timestamped bytes, or null when {@code rawValue} is null
     */
    static byte[] rawValueAndTimestamp(byte[] rawValue, long timestamp) {
        if (rawValue == null) {
            return null;
        }
        return ByteBuffer.allocate(Long.BYTES + rawValue.length).putLong(timestamp).put(rawValue).array();
    }

    /**
     * Reads the timestamp of timestamped bytes.
     *
     * @param bytes the timestamped bytes
     * @return the timestamp
     */
    static long timestamp(byte[] bytes) {
        return ByteBuffer.wrap(bytes).getLong();
    }

    /**
     * Extracts the value bytes of timestamped bytes.
     *
     * @param bytes the timestamped bytes
     * @return the value bytes
     */
    static byte[] rawValue(byte[] bytes) {
        byte[] value = new byte[bytes.length - Long.BYTES];
        System.arraycopy(bytes, Long.BYTES, value, 0, value.length);
        return value;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        valueSerde.configure(configs, isKey);
    }

    @Override
    public void close() {
        valueSerde.close();
    }

    @Override
    public Serializer<ValueAndTimestamp<V>> serializer() {
        Serializer<V> inner = valueSerde.serializer();
        return (topic, data) -> data == null ? null
                : rawValueAndTimestamp(inner.serialize(topic, data.value()), data.timestamp());
    }

    @Override
    public Deserializer<ValueAndTimestamp<V>> deserializer() {
        Deserializer<V> inner = valueSerde.deserializer();
        return (topic, data) -> data == null ? null
                : ValueAndTimestamp.make(inner.deserialize(topic, rawValue(data)), timestamp(data));
    }
}
