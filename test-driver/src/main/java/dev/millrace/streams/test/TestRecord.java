package dev.millrace.streams.test;

import dev.millrace.clients.consumer.ConsumerRecord;
import dev.millrace.clients.producer.ProducerRecord;
import dev.millrace.common.header.Headers;
import dev.millrace.common.header.RecordHeaders;

import java.time.Instant;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * A record as a test sees it: key, value, headers and an optional record time, without topic, partition or offset.
 * Tests pipe it into a {@code TestInputTopic} and get it back from {@code TestOutputTopic.readRecord()}.
 *
 * <p>Invariants: the headers are never null (a null argument becomes empty headers); the record time is either null
 * (not set: the input topic then assigns its own time) or an {@link Instant}, and a millisecond timestamp given to a
 * constructor must not be negative. Key and value may be null. The fields are final but the headers object is
 * mutable and, for the constructors taking a producer or consumer record, shared with that record (as in Kafka).
 * Not thread-safe; used by the test thread only. Equality compares headers, key, value and record time.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class TestRecord<K, V> {

    private final Headers headers;
    private final K key;
    private final V value;
    private final Instant recordTime;

    /**
     * Creates a record with every field given.
     *
     * @param key the key, or null
     * @param value the value, or null
     * @param headers the headers, copied; null means none
     * @param recordTime the record time, or null to let the input topic assign one
     */
    public TestRecord(K key, V value, Headers headers, Instant recordTime) {
        this.key = key;
        this.value = value;
        this.recordTime = recordTime;
        this.headers = new RecordHeaders(headers);
    }

    /**
     * Creates a record with every field given, the time in epoch milliseconds.
     *
     * @param key the key, or null
     * @param value the value, or null
     * @param headers the headers, copied; null means none
     * @param timestampMs the record time in epoch milliseconds, or null to let the input topic assign one
     * @throws IllegalArgumentException if {@code timestampMs} is negative
     */
    public TestRecord(K key, V value, Headers headers, Long timestampMs) {
        if (timestampMs != null && timestampMs < 0) {
            throw new IllegalArgumentException(String.format(
                    "Invalid timestamp: %d. Timestamp should always be non-negative or null.", timestampMs));
        }
        this.key = key;
        this.value = value;
        this.recordTime = timestampMs == null ? null : Instant.ofEpochMilli(timestampMs);
        this.headers = new RecordHeaders(headers);
    }

    /**
     * Creates a record without headers.
     *
     * @param key the key, or null
     * @param value the value, or null
     * @param recordTime the record time, or null to let the input topic assign one
     */
    public TestRecord(K key, V value, Instant recordTime) {
        this(key, value, null, recordTime);
    }

    /**
     * Creates a record without record time.
     *
     * @param key the key, or null
     * @param value the value, or null
     * @param headers the headers, copied; null means none
     */
    public TestRecord(K key, V value, Headers headers) {
        this(key, value, headers, (Instant) null);
    }

    /**
     * Creates a record without headers or record time.
     *
     * @param key the key, or null
     * @param value the value, or null
     */
    public TestRecord(K key, V value) {
        this(key, value, null, (Instant) null);
    }

    /**
     * Creates a record with a null key and no headers or record time.
     *
     * @param value the value, or null
     */
    public TestRecord(V value) {
        this(null, value);
    }

    /**
     * Creates a record from a consumed record, keeping its key, value, headers (shared, not copied) and timestamp.
     *
     * @param record the consumed record
     * @throws NullPointerException if {@code record} is null
     */
    public TestRecord(ConsumerRecord<K, V> record) {
        Objects.requireNonNull(record);
        this.key = record.key();
        this.value = record.value();
        this.headers = record.headers();
        this.recordTime = Instant.ofEpochMilli(record.timestamp());
    }

    /**
     * Creates a record from a record to produce, keeping its key, value, headers (shared, not copied) and timestamp.
     *
     * @param record the record to produce; its timestamp must be set
     * @throws NullPointerException if {@code record} or its timestamp is null
     */
    public TestRecord(ProducerRecord<K, V> record) {
        Objects.requireNonNull(record);
        this.key = record.key();
        this.value = record.value();
        this.headers = record.headers();
        this.recordTime = Instant.ofEpochMilli(record.timestamp());
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
     * Returns the key.
     *
     * @return the key, or null
     */
    public K key() {
        return key;
    }

    /**
     * Returns the value.
     *
     * @return the value, or null
     */
    public V value() {
        return value;
    }

    /**
     * Returns the record time in epoch milliseconds.
     *
     * @return the timestamp, or null if the record time is not set
     */
    public Long timestamp() {
        return recordTime == null ? null : recordTime.toEpochMilli();
    }

    /**
     * Returns the headers (bean-style accessor).
     *
     * @return the headers, never null
     */
    public Headers getHeaders() {
        return headers;
    }

    /**
     * Returns the key (bean-style accessor).
     *
     * @return the key, or null
     */
    public K getKey() {
        return key;
    }

    /**
     * Returns the value (bean-style accessor).
     *
     * @return the value, or null
     */
    public V getValue() {
        return value;
    }

    /**
     * Returns the record time.
     *
     * @return the record time, or null if not set
     */
    public Instant getRecordTime() {
        return recordTime;
    }

    @Override
    public String toString() {
        return new StringJoiner(", ", TestRecord.class.getSimpleName() + "[", "]")
                .add("key=" + key)
                .add("value=" + value)
                .add("headers=" + headers)
                .add("recordTime=" + recordTime)
                .toString();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        TestRecord<?, ?> that = (TestRecord<?, ?>) o;
        return Objects.equals(headers, that.headers)
                && Objects.equals(key, that.key)
                && Objects.equals(value, that.value)
                && Objects.equals(recordTime, that.recordTime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(headers, key, value, recordTime);
    }
}
