package dev.millrace.streams.kstream;

import java.time.Instant;

/**
 * A time interval given by a start and an end timestamp in milliseconds. Whether the end is inclusive is up to the
 * subclass: time windows exclude it, session windows include it.
 *
 * <p>Invariants: {@code 0 <= start <= end}. Instances are immutable; two windows are equal when they are of the
 * same class and have the same bounds.
 */
public abstract class Window {

    /** The start timestamp in milliseconds. */
    protected final long startMs;
    /** The end timestamp in milliseconds. */
    protected final long endMs;

    /**
     * Creates a window.
     *
     * @param startMs the start timestamp, at least 0
     * @param endMs the end timestamp, at least {@code startMs}
     * @throws IllegalArgumentException if {@code startMs < 0} or {@code endMs < startMs}
     */
    public Window(long startMs, long endMs) throws IllegalArgumentException {
        if (startMs < 0) {
            throw new IllegalArgumentException("reason=negativeWindowStart startMs=" + startMs);
        }
        if (endMs < startMs) {
            throw new IllegalArgumentException("reason=windowEndBeforeStart startMs=" + startMs + " endMs=" + endMs);
        }
        this.startMs = startMs;
        this.endMs = endMs;
    }

    /**
     * Returns the start timestamp.
     *
     * @return the start in milliseconds
     */
    public long start() {
        return startMs;
    }

    /**
     * Returns the end timestamp.
     *
     * @return the end in milliseconds
     */
    public long end() {
        return endMs;
    }

    /**
     * Returns the start as an instant.
     *
     * @return the start
     */
    public Instant startTime() {
        return Instant.ofEpochMilli(startMs);
    }

    /**
     * Returns the end as an instant.
     *
     * @return the end
     */
    public Instant endTime() {
        return Instant.ofEpochMilli(endMs);
    }

    /**
     * Tells whether this window shares at least one instant with another window of the same type.
     *
     * @param other the other window
     * @return true when the windows overlap
     */
    public abstract boolean overlap(Window other);

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (other == null || getClass() != other.getClass()) {
            return false;
        }
        Window that = (Window) other;
        return startMs == that.startMs && endMs == that.endMs;
    }

    @Override
    public int hashCode() {
        return (int) (((startMs << 32) | endMs) % 0xFFFFFFFFL);
    }

    @Override
    public String toString() {
        return "Window{startMs=" + startMs + ", endMs=" + endMs + '}';
    }
}
