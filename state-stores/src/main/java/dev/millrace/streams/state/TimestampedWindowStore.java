package dev.millrace.streams.state;

/**
 * A window store whose values carry the timestamp of the record that last set them.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface TimestampedWindowStore<K, V> extends WindowStore<K, ValueAndTimestamp<V>> {
}
