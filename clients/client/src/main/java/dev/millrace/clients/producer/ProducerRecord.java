package dev.millrace.clients.producer;

import dev.millrace.common.header.Header;
import dev.millrace.common.header.Headers;
import dev.millrace.common.header.RecordHeaders;

import java.util.Objects;

/**
 * A key/value pair addressed to a topic, optionally to a fixed partition and with an explicit timestamp, mirroring
 * Kafka's {@code ProducerRecord}.
 *
 * <p>Invariants, checked by the constructors with {@link IllegalArgumentException}: the topic is not null, and the
 * partition and the timestamp are either null (let the producer choose) or non-negative. The headers are always a
 * fresh, writable {@link RecordHeaders} copy of the given ones; they are the only mutable part of a record.
 *
 * <p>Equality covers topic, partition, headers, key, value and timestamp. Not thread-safe while its headers are
 * being changed; otherwise safe to share once published.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class ProducerRecord<K, V> {

    private final String topic;
    private final Integer partition;
    private final Headers headers;
    private final K key;
    private final V value;
    private final Long timestamp;

    /**
     * Creates a record with every field given.
     *
     * @param topic the destination topic, not null
     * @param partition the destination partition, or null to let the partitioner decide
     * @param timestamp the timestamp in milliseconds since the epoch, or null for the producer's clock
     * @param key the key, may be null
     * @param value the value, may be null
     * @param headers the headers to copy, or null for none
     * @throws IllegalArgumentException if the topic is null or the partition or timestamp is negative
     */
    public ProducerRecord(String topic, Integer partition, Long timestamp, K key, V value, Iterable<Header> headers) {
        if (topic == null) {
            throw new IllegalArgumentException("Topic cannot be null.");
        }
        if (timestamp != null && timestamp < 0) {
            throw new IllegalArgumentException(String.format(
                "Invalid timestamp: %d. Timestamp should always be non-negative or null.", timestamp));
        }
        if (partition != null && partition < 0) {
            throw new IllegalArgumentException(String.format(
                "Invalid partition: %d. Partition number should always be non-negative or null.", partition));
        }
        this.topic = topic;
        this.partition = partition;
        this.timestamp = timestamp;
        this.key = key;
        this.value = value;
        this.headers = new RecordHeaders(headers);
    }

    /**
     * Creates a record without headers.
     *
     * @param topic the destination topic, not null
     * @param partition the destination partition, or null
     * @param timestamp the timestamp in milliseconds, or null
     * @param key the key, may be null
     * @param value the value, may be null
     */
    public ProducerRecord(String topic, Integer partition, Long timestamp, K key, V value) {
        this(topic, partition, timestamp, key, value, null);
    }

    /**
     * Creates a record without an explicit timestamp.
     *
     * @param topic the destination topic, not null
     * @param partition the destination partition, or null
     * @param key the key, may be null
     * @param value the value, may be null
     * @param headers the headers to copy, or null for none
     */
    public ProducerRecord(String topic, Integer partition, K key, V value, Iterable<Header> headers) {
        this(topic, partition, null, key, value, headers);
    }

    /**
     * Creates a record without timestamp or headers.
     *
     * @param topic the destination topic, not null
     * @param partition the destination partition, or null
     * @param key the key, may be null
     * @param value the value, may be null
     */
    public ProducerRecord(String topic, Integer partition, K key, V value) {
        this(topic, partition, null, key, value, null);
    }

    /**
     * Creates a keyed record whose partition and timestamp the producer chooses.
     *
     * @param topic the destination topic, not null
     * @param key the key, may be null
     * @param value the value, may be null
     */
    public ProducerRecord(String topic, K key, V value) {
        this(topic, null, null, key, value, null);
    }

    /**
     * Creates a record with a null key.
     *
     * @param topic the destination topic, not null
     * @param value the value, may be null
     */
    public ProducerRecord(String topic, V value) {
        this(topic, null, null, null, value, null);
    }

    /** @return the destination topic, never null */
    public String topic() {
        return topic;
    }

    /** @return the headers, writable unless the producer has frozen them */
    public Headers headers() {
        return headers;
    }

    /** @return the key, possibly null */
    public K key() {
        return key;
    }

    /** @return the value, possibly null */
    public V value() {
        return value;
    }

    /** @return the timestamp in milliseconds since the epoch, or null when the producer assigns it */
    public Long timestamp() {
        return timestamp;
    }

    /** @return the destination partition, or null when the partitioner assigns it */
    public Integer partition() {
        return partition;
    }

    @Override
    public String toString() {
        return "ProducerRecord(topic=" + topic + ", partition=" + partition + ", headers=" + headers
            + ", key=" + key + ", value=" + value + ", timestamp=" + timestamp + ")";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ProducerRecord)) {
            return false;
        }
        ProducerRecord<?, ?> that = (ProducerRecord<?, ?>) o;
        return Objects.equals(key, that.key)
            && Objects.equals(partition, that.partition)
            && Objects.equals(topic, that.topic)
            && Objects.equals(headers, that.headers)
            && Objects.equals(value, that.value)
            && Objects.equals(timestamp, that.timestamp);
    }

    @Override
    public int hashCode() {
        int result = topic.hashCode();
        result = 31 * result + Objects.hashCode(partition);
        result = 31 * result + headers.hashCode();
        result = 31 * result + Objects.hashCode(key);
        result = 31 * result + Objects.hashCode(value);
        result = 31 * result + Objects.hashCode(timestamp);
        return result;
    }
}
