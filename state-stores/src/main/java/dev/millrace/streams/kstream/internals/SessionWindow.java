package dev.millrace.streams.kstream.internals;

import dev.millrace.streams.kstream.Window;

/**
 * A session window {@code [start, end]}: both bounds inclusive, so a session of a single event has
 * {@code start == end}. Used by session stores.
 */
public final class SessionWindow extends Window {

    /**
     * Creates a session window.
     *
     * @param startMs the inclusive start, at least 0
     * @param endMs the inclusive end, at least {@code startMs}
     * @throws IllegalArgumentException if {@code startMs < 0} or {@code endMs < startMs}
     */
    public SessionWindow(long startMs, long endMs) throws IllegalArgumentException {
        super(startMs, endMs);
    }

    /**
     * Tells whether the two closed intervals intersect.
     *
     * @param other another session window
     * @return true when they share an instant
     * @throws IllegalArgumentException if {@code other} is not a session window
     */
    @Override
    public boolean overlap(Window other) throws IllegalArgumentException {
        if (getClass() != other.getClass()) {
            throw new IllegalArgumentException("reason=windowTypeMismatch expected=" + getClass().getName()
                    + " actual=" + other.getClass().getName());
        }
        return !(other.end() < startMs || endMs < other.start());
    }
}
