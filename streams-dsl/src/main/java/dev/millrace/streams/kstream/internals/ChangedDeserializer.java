package dev.millrace.streams.kstream.internals;

import dev.millrace.common.errors.SerializationException;
import dev.millrace.common.serialization.Deserializer;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * Reads what {@link ChangedSerializer} writes. Malformed input fails with {@link SerializationException}.
 *
 * @param <T> the value type
 */
public final class ChangedDeserializer<T> implements Deserializer<Change<T>> {

    private Deserializer<T> inner;

    /**
     * Creates the deserializer.
     *
     * @param inner the value deserializer, or null for the default
     */
    public ChangedDeserializer(Deserializer<T> inner) {
        this.inner = inner;
    }

    /** @return the value deserializer, or null until the default is set */
    public Deserializer<T> inner() {
        return inner;
    }

    /** @param inner the value deserializer (the configured default) */
    public void setInner(Deserializer<T> inner) {
        this.inner = inner;
    }

    @Override
    public Change<T> deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (inner == null) {
            throw new IllegalStateException("reason=noValueDeserializer topic=" + topic);
        }
        try {
            ByteBuffer buffer = ByteBuffer.wrap(data);
            byte flags = buffer.get();
            T newValue = (flags & 1) != 0 ? inner.deserialize(topic, next(buffer)) : null;
            T oldValue = (flags & 2) != 0 ? inner.deserialize(topic, next(buffer)) : null;
            return new Change<>(newValue, oldValue);
        } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new SerializationException("reason=malformedChange topic=" + topic + " size=" + data.length, e);
        }
    }

    private static byte[] next(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.getInt()];
        buffer.get(bytes);
        return bytes;
    }
}
