package dev.millrace.streams.processor.internals;

import dev.millrace.streams.processor.RecordContext;
import dev.millrace.streams.processor.TopicNameExtractor;

import java.util.Objects;

/**
 * The extractor of a sink with a fixed topic: always answers the same name.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class StaticTopicNameExtractor<K, V> implements TopicNameExtractor<K, V> {

    private final String topicName;

    /**
     * Creates the extractor.
     *
     * @param topicName the topic, not null
     */
    public StaticTopicNameExtractor(String topicName) {
        this.topicName = Objects.requireNonNull(topicName, "topic cannot be null");
    }

    /** @return the fixed topic */
    public String topicName() {
        return topicName;
    }

    @Override
    public String extract(K key, V value, RecordContext recordContext) {
        return topicName;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StaticTopicNameExtractor<?, ?> other && topicName.equals(other.topicName);
    }

    @Override
    public int hashCode() {
        return topicName.hashCode();
    }

    @Override
    public String toString() {
        return "StaticTopicNameExtractor(" + topicName + ")";
    }
}
