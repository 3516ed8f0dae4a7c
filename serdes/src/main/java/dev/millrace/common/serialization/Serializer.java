package dev.millrace.common.serialization;

import dev.millrace.common.header.Headers;
import java.io.Closeable;
import java.util.Map;

/**
 * Converts values of type {@code T} into the bytes of a record key or value.
 *
 * <p>Lifecycle: an instance is created (through a public no-argument constructor when a
 * configuration names its class), then {@link #configure(Map, boolean)} is called at most once,
 * then {@code serialize} any number of times, then {@link #close()} once.
 *
 * <p>Conventions: a null value should serialize to null (a tombstone when it is a record value),
 * and implementations report failures with
 * {@link dev.millrace.common.errors.SerializationException}, stating the topic and the facts that
 * explain the failure.
 *
 * <p>Threading: once configured, {@code serialize} may be called from several threads at the same
 * time; the built-in implementations keep no mutable state after configuration.
 *
 * @param <T> the type of the values this serializer accepts
 */
public interface Serializer<T> extends Closeable {

    /**
     * Applies configuration; the default does nothing.
     *
     * @param configs the configuration entries, as given to the client or the application
     * @param isKey true when this serializer is used for record keys, false for record values
     */
    default void configure(Map<String, ?> configs, boolean isKey) {
    }

    /**
     * Converts a value into bytes.
     *
     * @param topic the topic the record goes to
     * @param data the value; may be null
     * @return the bytes, or null
     */
    byte[] serialize(String topic, T data);

    /**
     * Converts a value into bytes, with access to the record's headers (a serializer may add some).
     * The default ignores the headers and calls {@link #serialize(String, Object)}.
     *
     * @param topic the topic the record goes to
     * @param headers the record's headers
     * @param data the value; may be null
     * @return the bytes, or null
     */
    default byte[] serialize(String topic, Headers headers, T data) {
        return serialize(topic, data);
    }

    /** Releases resources; the default does nothing. Must be idempotent. */
    @Override
    default void close() {
    }
}
