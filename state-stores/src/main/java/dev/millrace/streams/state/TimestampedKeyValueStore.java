package dev.millrace.streams.state;

/**
 * A key-value store whose values carry the timestamp of the record that last set them.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface TimestampedKeyValueStore<K, V> extends KeyValueStore<K, ValueAndTimestamp<V>> {
}
