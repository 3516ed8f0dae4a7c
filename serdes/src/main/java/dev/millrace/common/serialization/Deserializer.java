package dev.millrace.common.serialization;

import dev.millrace.common.header.Headers;
import java.io.Closeable;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Converts the bytes of a record key or value back into a value of type {@code T}.
 *
 * <p>Lifecycle: an instance is created (through a public no-argument constructor when a
 * configuration names its class), then {@link #configure(Map, boolean)} is called at most once,
 * then {@code deserialize} any number of times, then {@link #close()} once.
 *
 * <p>Conventions: null bytes should deserialize to null, and malformed bytes raise
 * {@link dev.millrace.common.errors.SerializationException} stating the topic and the facts that
 * explain the failure (expected and actual size, byte offset, ...).
 *
 * <p>There are three entry points. Callers holding a byte array use one of the array overloads;
 * callers holding a slice of a larger buffer (a fetched record batch) use
 * {@link #deserialize(String, Headers, ByteBuffer)}, which lets an implementation read the bytes in
 * place instead of copying them out.
 *
 * <p>Threading: once configured, {@code deserialize} may be called from several threads at the same
 * time; the built-in implementations keep no mutable state after configuration.
 *
 * @param <T> the type of the values this deserializer produces
 */
public interface Deserializer<T> extends Closeable {

    /**
     * Applies configuration; the default does nothing.
     *
     * @param configs the configuration entries, as given to the client or the application
     * @param isKey true when this deserializer is used for record keys, false for record values
     */
    default void configure(Map<String, ?> configs, boolean isKey) {
    }

    /**
     * Converts bytes into a value.
     *
     * @param topic the topic the record came from
     * @param data the bytes; may be null
     * @return the value, or null
     */
    T deserialize(String topic, byte[] data);

    /**
     * Converts bytes into a value, with access to the record's headers. The default ignores the
     * headers and calls {@link #deserialize(String, byte[])}.
     *
     * @param topic the topic the record came from
     * @param headers the record's headers
     * @param data the bytes; may be null
     * @return the value, or null
     */
    default T deserialize(String topic, Headers headers, byte[] data) {
        return deserialize(topic, data);
    }

    /**
     * Converts the bytes between the buffer's position and its limit into a value. The buffer's
     * position, limit and contents are left as they were. The default copies those bytes into a new
     * array and calls {@link #deserialize(String, Headers, byte[])}; implementations that can read a
     * buffer in place override it.
     *
     * @param topic the topic the record came from
     * @param headers the record's headers
     * @param data the bytes; may be null
     * @return the value, or null
     */
    default T deserialize(String topic, Headers headers, ByteBuffer data) {
        return deserialize(topic, headers, remainingBytes(data));
    }

    /** Releases resources; the default does nothing. Must be idempotent. */
    @Override
    default void close() {
    }

    private static byte[] remainingBytes(ByteBuffer data) {
        if (data == null) {
            return null;
        }
        byte[] copy = new byte[data.remaining()];
        data.duplicate().get(copy);
        return copy;
    }
}
