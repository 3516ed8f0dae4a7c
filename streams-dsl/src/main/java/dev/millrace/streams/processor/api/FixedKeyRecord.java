package dev.millrace.streams.processor.api;

import dev.millrace.common.header.Headers;
import dev.millrace.common.header.RecordHeaders;
import dev.millrace.streams.errors.StreamsException;

import java.util.Objects;

/**
 * A record whose key cannot be changed: {@link #withValue}, {@link #withTimestamp} and {@link #withHeaders} return
 * copies, and there is no public constructor (the runtime makes them from {@link Record}s through
 * {@link InternalFixedKeyRecordFactory}). The headers are copied on construction.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class FixedKeyRecord<K, V> {

    private final K key;
    private final V value;
    private final long timestamp;
    private final Headers headers;

    FixedKeyRecord(K key, V value, long timestamp, Headers headers) {
        if (timestamp < 0) {
            throw new StreamsException("Malformed Record",
                    new IllegalArgumentException("Timestamp may not be negative. Got: " + timestamp));
        }
        this.key = key;
        this.value = value;
        this.timestamp = timestamp;
        this.headers = new RecordHeaders(headers);
    }

    /** @return the key */
    public K key() {
        return key;
    }

    /** @return the value */
    public V value() {
        return value;
    }

    /** @return the timestamp */
    public long timestamp() {
        return timestamp;
    }

    /** @return the headers */
    public Headers headers() {
        return headers;
    }

    /**
     * Returns a copy with another value.
     *
     * @param value the new value
     * @param <NewV> the new value type
     * @return the copy
     */
    public <NewV> FixedKeyRecord<K, NewV> withValue(NewV value) {
        return new FixedKeyRecord<>(key, value, timestamp, headers);
    }

    /**
     * Returns a copy with another timestamp.
     *
     * @param timestamp the new timestamp, not negative
     * @return the copy
     */
    public FixedKeyRecord<K, V> withTimestamp(long timestamp) {
        return new FixedKeyRecord<>(key, value, timestamp, headers);
    }

    /**
     * Returns a copy with other headers.
     *
     * @param headers the new headers
     * @return the copy
     */
    public FixedKeyRecord<K, V> withHeaders(Headers headers) {
        return new FixedKeyRecord<>(key, value, timestamp, headers);
    }

    @Override
    public String toString() {
        return "FixedKeyRecord{key=" + key + ", value=" + value + ", timestamp=" + timestamp + ", headers="
                + headers + '}';
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        FixedKeyRecord<?, ?> other = (FixedKeyRecord<?, ?>) o;
        return timestamp == other.timestamp && Objects.equals(key, other.key)
                && Objects.equals(value, other.value) && Objects.equals(headers, other.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, value, timestamp, headers);
    }
}
