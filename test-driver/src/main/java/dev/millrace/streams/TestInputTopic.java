package dev.millrace.streams;

import dev.millrace.common.serialization.Serializer;
import dev.millrace.streams.test.TestRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The input side of a {@link TopologyTestDriver} topic: serializes keys and values with the topic's serializers and
 * pipes each record into the driver, which processes it synchronously before the call returns.
 *
 * <p>Time: the topic keeps its own current time, starting at the {@code startTimestamp} given on creation. A record
 * piped without a record time gets the current time, after which the current time moves forward by the topic's
 * auto-advance duration; a record that carries its own time keeps it and leaves the current time unchanged.
 * {@link #advanceTime(Duration)} moves the current time forward explicitly. Neither the auto-advance duration nor
 * an explicit advance may be negative, so the current time never moves backwards.
 *
 * <p>Created by {@code TopologyTestDriver.createInputTopic}; not thread-safe, used by the test thread only.
 * Serialization and processing failures propagate out of the {@code pipe*} methods unchanged.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class TestInputTopic<K, V> {

    private final TopologyTestDriver driver;
    private final String topic;
    private final Serializer<K> keySerializer;
    private final Serializer<V> valueSerializer;
    private final Duration advanceDuration;
    private Instant currentTime;

    TestInputTopic(TopologyTestDriver driver, String topicName, Serializer<K> keySerializer,
                   Serializer<V> valueSerializer, Instant startTimestamp, Duration autoAdvance) {
        Objects.requireNonNull(driver, "TopologyTestDriver cannot be null");
        Objects.requireNonNull(topicName, "topicName cannot be null");
        Objects.requireNonNull(keySerializer, "keySerializer cannot be null");
        Objects.requireNonNull(valueSerializer, "valueSerializer cannot be null");
        Objects.requireNonNull(startTimestamp, "startTimestamp cannot be null");
        Objects.requireNonNull(autoAdvance, "autoAdvance cannot be null");
        if (autoAdvance.isNegative()) {
            throw new IllegalArgumentException("autoAdvance must be positive");
        }
        this.driver = driver;
        this.topic = topicName;
        this.keySerializer = keySerializer;
        this.valueSerializer = valueSerializer;
        this.currentTime = startTimestamp;
        this.advanceDuration = autoAdvance;
    }

    /**
     * Moves the topic's current time forward; records piped afterwards without their own time get the new time.
     *
     * @param advance how far to move, zero or more
     * @throws IllegalArgumentException if {@code advance} is negative
     */
    public void advanceTime(Duration advance) {
        if (advance.isNegative()) {
            throw new IllegalArgumentException("advance must be positive");
        }
        currentTime = currentTime.plus(advance);
    }

    /** Returns the current time for a record without its own, then moves the current time by the auto-advance. */
    private Instant takeCurrentTimeAndAdvance() {
        Instant assigned = currentTime;
        currentTime = currentTime.plus(advanceDuration);
        return assigned;
    }

    /**
     * Pipes one record. Without a record time, the record gets the topic's current time, which then auto-advances.
     *
     * @param record the record; its headers are passed to the serializers
     */
    public void pipeInput(TestRecord<K, V> record) {
        Instant time = record.getRecordTime() == null ? takeCurrentTimeAndAdvance() : record.getRecordTime();
        driver.pipeRecord(topic, record, keySerializer, valueSerializer, time);
    }

    /**
     * Pipes a value with a null key at the topic's current time, which then auto-advances.
     *
     * @param value the value, or null
     */
    public void pipeInput(V value) {
        pipeInput(new TestRecord<>(value));
    }

    /**
     * Pipes a key and value at the topic's current time, which then auto-advances.
     *
     * @param key the key, or null
     * @param value the value, or null
     */
    public void pipeInput(K key, V value) {
        pipeInput(new TestRecord<>(key, value));
    }

    /**
     * Pipes a value with a null key at the given time; the topic's current time does not change.
     *
     * @param value the value, or null
     * @param timestamp the record time
     */
    public void pipeInput(V value, Instant timestamp) {
        pipeInput(new TestRecord<K, V>(null, value, timestamp));
    }

    /**
     * Pipes a key and value at the given time in epoch milliseconds; the topic's current time does not change.
     *
     * @param key the key, or null
     * @param value the value, or null
     * @param timestampMs the record time in epoch milliseconds
     * @throws IllegalArgumentException if {@code timestampMs} is negative
     */
    public void pipeInput(K key, V value, long timestampMs) {
        pipeInput(new TestRecord<>(key, value, null, timestampMs));
    }

    /**
     * Pipes a key and value at the given time; the topic's current time does not change.
     *
     * @param key the key, or null
     * @param value the value, or null
     * @param timestamp the record time
     */
    public void pipeInput(K key, V value, Instant timestamp) {
        pipeInput(new TestRecord<>(key, value, timestamp));
    }

    /**
     * Pipes the records in list order, each as {@link #pipeInput(TestRecord)} would.
     *
     * @param records the records
     */
    public void pipeRecordList(List<? extends TestRecord<K, V>> records) {
        for (TestRecord<K, V> record : records) {
            pipeInput(record);
        }
    }

    /**
     * Pipes the key-value pairs in list order, each at the topic's current time, which auto-advances after each.
     *
     * @param keyValues the pairs
     */
    public void pipeKeyValueList(List<KeyValue<K, V>> keyValues) {
        for (KeyValue<K, V> keyValue : keyValues) {
            pipeInput(keyValue.key, keyValue.value);
        }
    }

    /**
     * Pipes the values in list order with null keys, each at the topic's current time, which auto-advances after
     * each.
     *
     * @param values the values
     */
    public void pipeValueList(List<V> values) {
        for (V value : values) {
            pipeInput(value);
        }
    }

    /**
     * Pipes the key-value pairs in list order, the first at {@code startTimestamp} and each next one
     * {@code advance} later; the topic's current time does not change.
     *
     * @param keyValues the pairs
     * @param startTimestamp the time of the first record
     * @param advance the time between consecutive records
     */
    public void pipeKeyValueList(List<KeyValue<K, V>> keyValues, Instant startTimestamp, Duration advance) {
        Instant recordTime = startTimestamp;
        for (KeyValue<K, V> keyValue : keyValues) {
            pipeInput(keyValue.key, keyValue.value, recordTime);
            recordTime = recordTime.plus(advance);
        }
    }

    /**
     * Pipes the values in list order with null keys, the first at {@code startTimestamp} and each next one
     * {@code advance} later; the topic's current time does not change.
     *
     * @param values the values
     * @param startTimestamp the time of the first record
     * @param advance the time between consecutive records
     */
    public void pipeValueList(List<V> values, Instant startTimestamp, Duration advance) {
        Instant recordTime = startTimestamp;
        for (V value : values) {
            pipeInput(value, recordTime);
            recordTime = recordTime.plus(advance);
        }
    }

    @Override
    public String toString() {
        return new StringJoiner(", ", TestInputTopic.class.getSimpleName() + "[", "]")
                .add("topic='" + topic + "'")
                .add("keySerializer=" + keySerializer.getClass().getSimpleName())
                .add("valueSerializer=" + valueSerializer.getClass().getSimpleName())
                .toString();
    }
}
