package dev.millrace.streams.state;

import java.util.Objects;
import java.util.Optional;

/**
 * One version of a key in a versioned store: a non-null value, the timestamp from which it is valid and, when a
 * later version exists, the timestamp until which it is valid (exclusive). Immutable.
 *
 * @param <V> the value type
 */
public final class VersionedRecord<V> {

    private final V value;
    private final long timestamp;
    private final Optional<Long> validTo;

    /**
     * Creates a version with no known end of validity.
     *
     * @param value the value, not null
     * @param timestamp the timestamp from which the value is valid
     * @throws NullPointerException if {@code value} is null
     */
    public VersionedRecord(V value, long timestamp) {
        this.value = Objects.requireNonNull(value, "reason=nullVersionedValue");
        this.timestamp = timestamp;
        this.validTo = Optional.empty();
    }

    /**
     * Creates a version valid in {@code [timestamp, validTo)}.
     *
     * @param value the value, not null
     * @param timestamp the timestamp from which the value is valid
     * @param validTo the timestamp from which the next version is valid
     * @throws NullPointerException if {@code value} is null
     */
    public VersionedRecord(V value, long timestamp, long validTo) {
        this.value = Objects.requireNonNull(value, "reason=nullVersionedValue");
        this.timestamp = timestamp;
        this.validTo = Optional.of(validTo);
    }

    /**
     * Returns the value.
     *
     * @return the value, never null
     */
    public V value() {
        return value;
    }

    /**
     * Returns the timestamp from which the value is valid.
     *
     * @return the timestamp
     */
    public long timestamp() {
        return timestamp;
    }

    /**
     * Returns the exclusive end of validity.
     *
     * @return the timestamp of the next version, or empty when none is known
     */
    public Optional<Long> validTo() {
        return validTo;
    }

    @Override
    public String toString() {
        return "<" + value + "," + timestamp + "," + validTo + ">";
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (other == null || getClass() != other.getClass()) {
            return false;
        }
        VersionedRecord<?> that = (VersionedRecord<?>) other;
        return timestamp == that.timestamp && Objects.equals(value, that.value)
                && Objects.equals(validTo, that.validTo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, timestamp, validTo);
    }
}
