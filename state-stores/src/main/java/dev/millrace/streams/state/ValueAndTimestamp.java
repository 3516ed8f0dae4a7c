package dev.millrace.streams.state;

import java.util.Objects;

/**
 * A value with the timestamp of the record that last set it: the value type of timestamped stores. Immutable.
 *
 * @param <V> the value type
 */
public final class ValueAndTimestamp<V> {

    private final V value;
    private final long timestamp;

    private ValueAndTimestamp(V value, long timestamp) {
        this.value = value;
        this.timestamp = timestamp;
    }

    /**
     * Pairs a value with a timestamp; a null value gives null.
     *
     * @param value the value
     * @param timestamp the timestamp
     * @param <V> the value type
     * @return the pair, or null when {@code value} is null
     */
    public static <V> ValueAndTimestamp<V> make(V value, long timestamp) {
        return value == null ? null : new ValueAndTimestamp<>(value, timestamp);
    }

    /**
     * Pairs a value with a timestamp, also when the value is null.
     *
     * @param value the value, possibly null
     * @param timestamp the timestamp
     * @param <V> the value type
     * @return the pair
     */
    public static <V> ValueAndTimestamp<V> makeAllowNullable(V value, long timestamp) {
        return new ValueAndTimestamp<>(value, timestamp);
    }

    /**
     * Returns the value of a possibly null pair.
     *
     * @param valueAndTimestamp the pair, or null
     * @param <V> the value type
     * @return the value, or null when the pair is null
     */
    public static <V> V getValueOrNull(ValueAndTimestamp<V> valueAndTimestamp) {
        return valueAndTimestamp == null ? null : valueAndTimestamp.value();
    }

    /**
     * Returns the value.
     *
     * @return the value
     */
    public V value() {
        return value;
    }

    /**
     * Returns the timestamp.
     *
     * @return the timestamp in milliseconds
     */
    public long timestamp() {
        return timestamp;
    }

    @Override
    public String toString() {
        return "<" + value + "," + timestamp + ">";
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (other == null || getClass() != other.getClass()) {
            return false;
        }
        ValueAndTimestamp<?> that = (ValueAndTimestamp<?>) other;
        return timestamp == that.timestamp && Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, timestamp);
    }
}
