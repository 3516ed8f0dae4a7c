package dev.millrace.streams;

import dev.millrace.common.serialization.Deserializer;
import dev.millrace.streams.test.TestRecord;

import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The output side of a {@link TopologyTestDriver} topic: reads, in the order they were produced, the records the
 * topology wrote to the topic, deserialized with the topic's deserializers. Every read consumes what it returns.
 *
 * <p>The single-record reads ({@link #readRecord()}, {@link #readKeyValue()}, {@link #readValue()}) throw
 * {@link NoSuchElementException} when nothing is left; the {@code read*ToList} and {@code readKeyValuesToMap}
 * methods drain what is left and return an empty collection when nothing is. Several output topics for the same
 * topic name share one queue. Created by {@code TopologyTestDriver.createOutputTopic}; not thread-safe, used by the
 * test thread only.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class TestOutputTopic<K, V> {

    private final TopologyTestDriver driver;
    private final String topic;
    private final Deserializer<K> keyDeserializer;
    private final Deserializer<V> valueDeserializer;

    TestOutputTopic(TopologyTestDriver driver, String topicName, Deserializer<K> keyDeserializer,
                    Deserializer<V> valueDeserializer) {
        Objects.requireNonNull(driver, "TopologyTestDriver cannot be null");
        Objects.requireNonNull(topicName, "topicName cannot be null");
        Objects.requireNonNull(keyDeserializer, "keyDeserializer cannot be null");
        Objects.requireNonNull(valueDeserializer, "valueDeserializer cannot be null");
        this.driver = driver;
        this.topic = topicName;
        this.keyDeserializer = keyDeserializer;
        this.valueDeserializer = valueDeserializer;
    }

    /**
     * Reads the value of the next record.
     *
     * @return the value, or null if the record's value is null
     * @throws NoSuchElementException if the topic has no record left
     */
    public V readValue() {
        return readRecord().value();
    }

    /**
     * Reads the key and value of the next record.
     *
     * @return the key and value
     * @throws NoSuchElementException if the topic has no record left
     */
    public KeyValue<K, V> readKeyValue() {
        TestRecord<K, V> record = readRecord();
        return new KeyValue<>(record.key(), record.value());
    }

    /**
     * Reads the next record with its key, value, headers and timestamp.
     *
     * @return the record
     * @throws NoSuchElementException if the topic has no record left
     */
    public TestRecord<K, V> readRecord() {
        return driver.readRecord(topic, keyDeserializer, valueDeserializer);
    }

    /**
     * Reads every record left, in order.
     *
     * @return the records, empty if none is left
     */
    public List<TestRecord<K, V>> readRecordsToList() {
        List<TestRecord<K, V>> records = new LinkedList<>();
        while (!isEmpty()) {
            records.add(readRecord());
        }
        return records;
    }

    /**
     * Reads every record left into a map from key to the latest value (a later record replaces an earlier one with
     * an equal key; a null value is kept as a null value, not a removal).
     *
     * @return the latest value per key
     * @throws IllegalStateException if a record has a null key; the records before it have been consumed
     */
    public Map<K, V> readKeyValuesToMap() {
        Map<K, V> latest = new HashMap<>();
        while (!isEmpty()) {
            TestRecord<K, V> record = readRecord();
            if (record.key() == null) {
                throw new IllegalStateException("Null keys not allowed with readKeyValuesToMap method");
            }
            latest.put(record.key(), record.value());
        }
        return latest;
    }

    /**
     * Reads the key and value of every record left, in order.
     *
     * @return the pairs, empty if none is left
     */
    public List<KeyValue<K, V>> readKeyValuesToList() {
        List<KeyValue<K, V>> pairs = new LinkedList<>();
        while (!isEmpty()) {
            pairs.add(readKeyValue());
        }
        return pairs;
    }

    /**
     * Reads the value of every record left, in order.
     *
     * @return the values, empty if none is left
     */
    public List<V> readValuesToList() {
        List<V> values = new LinkedList<>();
        while (!isEmpty()) {
            values.add(readValue());
        }
        return values;
    }

    /**
     * Returns how many records are left to read.
     *
     * @return the number of unread records
     */
    public final long getQueueSize() {
        return driver.queueSize(topic);
    }

    /**
     * Returns whether no record is left to read.
     *
     * @return true if the topic has no unread record
     */
    public final boolean isEmpty() {
        return driver.isEmpty(topic);
    }

    @Override
    public String toString() {
        return new StringJoiner(", ", TestOutputTopic.class.getSimpleName() + "[", "]")
                .add("topic='" + topic + "'")
                .add("keyDeserializer=" + keyDeserializer.getClass().getSimpleName())
                .add("valueDeserializer=" + valueDeserializer.getClass().getSimpleName())
                .add("size=" + getQueueSize())
                .toString();
    }
}
