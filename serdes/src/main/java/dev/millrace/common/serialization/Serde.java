package dev.millrace.common.serialization;

import java.io.Closeable;
import java.util.Map;

/**
 * A matching {@link Serializer} and {@link Deserializer} for one type: what the serializer writes,
 * the deserializer reads back as an equal value.
 *
 * <p>Lifecycle and threading are those of the two halves: configure at most once, then use, then
 * close once. Implementations that hold state should make {@link #serializer()} and
 * {@link #deserializer()} return the same instances every time, so that configuring the serde
 * configures what callers use.
 *
 * @param <T> the type of the values
 */
public interface Serde<T> extends Closeable {

    /**
     * Applies configuration; the default does nothing.
     *
     * @param configs the configuration entries, as given to the client or the application
     * @param isKey true when this serde is used for record keys, false for record values
     */
    default void configure(Map<String, ?> configs, boolean isKey) {
    }

    /** Releases resources; the default does nothing. Must be idempotent. */
    @Override
    default void close() {
    }

    /**
     * Returns the serializer half.
     *
     * @return the serializer, never null
     */
    Serializer<T> serializer();

    /**
     * Returns the deserializer half.
     *
     * @return the deserializer, never null
     */
    Deserializer<T> deserializer();
}
