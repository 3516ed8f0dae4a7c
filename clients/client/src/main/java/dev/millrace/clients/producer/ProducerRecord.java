package dev.millrace.clients.producer;

import dev.millrace.common.header.Headers;

/**
 * STUB.
 * @param <K> k
 * @param <V> v
 */
public class ProducerRecord<K, V> {
    private final String topic;
    private final Integer partition;
    private final Long timestamp;
    private final K key;
    private final V value;
    private final Headers headers;

    /**
     * @param topic t
     * @param partition p
     * @param timestamp ts
     * @param key k
     * @param value v
     * @param headers h
     */
    public ProducerRecord(String topic, Integer partition, Long timestamp, K key, V value, Headers headers) {
        this.topic = topic;
        this.partition = partition;
        this.timestamp = timestamp;
        this.key = key;
        this.value = value;
        this.headers = headers;
    }

    /** @return t */
    public String topic() {
        return topic;
    }

    /** @return p */
    public Integer partition() {
        return partition;
    }

    /** @return ts */
    public Long timestamp() {
        return timestamp;
    }

    /** @return k */
    public K key() {
        return key;
    }

    /** @return v */
    public V value() {
        return value;
    }

    /** @return h */
    public Headers headers() {
        return headers;
    }
}
