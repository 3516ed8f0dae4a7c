package dev.millrace.streams.processor;

/**
 * STUB.
 * @param <K> k
 * @param <V> v
 */
@FunctionalInterface
public interface TopicNameExtractor<K, V> {
    /**
     * Extracts.
     * @param key k
     * @param value v
     * @param recordContext c
     * @return topic
     */
    String extract(K key, V value, RecordContext recordContext);
}
