package dev.millrace.streams.kstream.internals;

import dev.millrace.streams.kstream.Window;

/**
 * A fixed-size time window {@code [start, end)}: the start is inclusive, the end exclusive, so the window is never
 * empty ({@code start < end}). Used by window stores for every record stored under a window start.
 */
public class TimeWindow extends Window {

    /**
     * Creates a time window.
     *
     * @param startMs the inclusive start, at least 0
     * @param endMs the exclusive end, greater than {@code startMs}
     * @throws IllegalArgumentException if {@code startMs < 0} or {@code endMs <= startMs}
     */
    public TimeWindow(long startMs, long endMs) throws IllegalArgumentException {
        super(startMs, endMs);
        if (startMs == endMs) {
            throw new IllegalArgumentException("reason=emptyTimeWindow startMs=" + startMs + " endMs=" + endMs);
        }
    }

    /**
     * Tells whether the two half-open intervals intersect.
     *
     * @param other another time window
     * @return true when they share an instant
     * @throws IllegalArgumentException if {@code other} is not a time window
     */
    @Override
    public boolean overlap(Window other) throws IllegalArgumentException {
        if (getClass() != other.getClass()) {
            throw new IllegalArgumentException("reason=windowTypeMismatch expected=" + getClass().getName()
                    + " actual=" + other.getClass().getName());
        }
        return startMs < other.end() && other.start() < endMs;
    }
}
