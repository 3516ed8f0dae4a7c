package dev.millrace.streams.kstream.internals;

import dev.millrace.common.serialization.Serializer;

import java.nio.ByteBuffer;

/**
 * Serializes a {@link Change} for a {@code KTable.groupBy} repartition topic: a flag byte (bit 0: new value present,
 * bit 1: old value present), then each present value as a 4-byte length and its bytes (new first). The inner
 * serializer writes the values; null means the configured default, resolved by the runtime through
 * {@link #inner()} (an internal format: only {@link ChangedDeserializer} reads it).
 *
 * @param <T> the value type
 */
public final class ChangedSerializer<T> implements Serializer<Change<T>> {

    private Serializer<T> inner;

    /**
     * Creates the serializer.
     *
     * @param inner the value serializer, or null for the default
     */
    public ChangedSerializer(Serializer<T> inner) {
        this.inner = inner;
    }

    /** @return the value serializer, or null until the default is set */
    public Serializer<T> inner() {
        return inner;
    }

    /** @param inner the value serializer (the configured default) */
    public void setInner(Serializer<T> inner) {
        this.inner = inner;
    }

    @Override
    public byte[] serialize(String topic, Change<T> data) {
        if (data == null) {
            return null;
        }
        if (inner == null) {
            throw new IllegalStateException("reason=noValueSerializer topic=" + topic);
        }
        byte[] newBytes = data.newValue == null ? null : inner.serialize(topic, data.newValue);
        byte[] oldBytes = data.oldValue == null ? null : inner.serialize(topic, data.oldValue);
        int size = 1 + (newBytes == null ? 0 : 4 + newBytes.length) + (oldBytes == null ? 0 : 4 + oldBytes.length);
        ByteBuffer buffer = ByteBuffer.allocate(size);
        buffer.put((byte) ((newBytes != null ? 1 : 0) | (oldBytes != null ? 2 : 0)));
        if (newBytes != null) {
            buffer.putInt(newBytes.length).put(newBytes);
        }
        if (oldBytes != null) {
            buffer.putInt(oldBytes.length).put(oldBytes);
        }
        return buffer.array();
    }
}
