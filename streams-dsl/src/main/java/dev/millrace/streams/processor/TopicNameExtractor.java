package dev.millrace.streams.processor;

/**
 * Chooses the sink topic of each record dynamically (for {@code KStream#to(TopicNameExtractor)}); mirrors Kafka's
 * {@code TopicNameExtractor}. The returned topic must already exist. Called on the stream thread of the task.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@FunctionalInterface
public interface TopicNameExtractor<K, V> {

    /**
     * Returns the topic a record goes to.
     *
     * @param key the key
     * @param value the value
     * @param recordContext the context (source topic, partition, offset, timestamp, headers) of the record
     * @return the destination topic name
     */
    String extract(K key, V value, RecordContext recordContext);
}
