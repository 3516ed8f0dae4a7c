package dev.millrace.streams.processor.api;

import dev.millrace.common.header.Headers;
import dev.millrace.common.header.RecordHeaders;
import dev.millrace.streams.errors.StreamsException;

import java.util.Objects;

/**
 * A record flowing through a topology: key, value, timestamp and headers. Immutable as far as its fields go
 * (the headers object itself is mutable, as in Kafka); the {@code with*} methods return modified copies.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class Record<K, V> {

    private final K key;
    private final V value;
    private final long timestamp;
    private final Headers headers;

    /**
     * Creates a record.
     *
     * @param key the key, may be null
     * @param value the value, may be null
     * @param timestamp the timestamp, not negative
     * @param headers the headers; null means no header
     * @throws StreamsException if the timestamp is negative
     */
    public Record(K key, V value, long timestamp, Headers headers) {
        if (timestamp < 0) {
            throw new StreamsException("reason=negativeTimestamp timestamp=" + timestamp);
        }
        this.key = key;
        this.value = value;
        this.timestamp = timestamp;
        this.headers = headers == null ? new RecordHeaders() : headers;
    }

    /**
     * Creates a record without headers.
     *
     * @param key the key, may be null
     * @param value the value, may be null
     * @param timestamp the timestamp, not negative
     */
    public Record(K key, V value, long timestamp) {
        this(key, value, timestamp, null);
    }

    /**
     * Returns the key.
     *
     * @return the key
     */
    public K key() {
        return key;
    }

    /**
     * Returns the value.
     *
     * @return the value
     */
    public V value() {
        return value;
    }

    /**
     * Returns the timestamp.
     *
     * @return the timestamp
     */
    public long timestamp() {
        return timestamp;
    }

    /**
     * Returns the headers.
     *
     * @return the headers, never null
     */
    public Headers headers() {
        return headers;
    }

    /**
     * Returns a copy with another key.
     *
     * @param newKey the key
     * @param <NewK> the new key type
     * @return the copy
     */
    public <NewK> Record<NewK, V> withKey(NewK newKey) {
        return new Record<>(newKey, value, timestamp, headers);
    }

    /**
     * Returns a copy with another value.
     *
     * @param newValue the value
     * @param <NewV> the new value type
     * @return the copy
     */
    public <NewV> Record<K, NewV> withValue(NewV newValue) {
        return new Record<>(key, newValue, timestamp, headers);
    }

    /**
     * Returns a copy with another timestamp.
     *
     * @param newTimestamp the timestamp, not negative
     * @return the copy
     */
    public Record<K, V> withTimestamp(long newTimestamp) {
        return new Record<>(key, value, newTimestamp, headers);
    }

    /**
     * Returns a copy with other headers.
     *
     * @param newHeaders the headers
     * @return the copy
     */
    public Record<K, V> withHeaders(Headers newHeaders) {
        return new Record<>(key, value, timestamp, newHeaders);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Record<?, ?> that)) {
            return false;
        }
        return timestamp == that.timestamp && Objects.equals(key, that.key) && Objects.equals(value, that.value)
                && Objects.equals(headers, that.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, value, timestamp, headers);
    }

    @Override
    public String toString() {
        return "Record{key=" + key + ", value=" + value + ", timestamp=" + timestamp + ", headers=" + headers + '}';
    }
}
