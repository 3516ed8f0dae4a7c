package dev.millrace.streams.kstream.internals;

import java.util.Arrays;
import java.util.Objects;

/**
 * An update of a value as a caching store forwards it: the new value and, when the listener asked for old
 * values, the value it replaces. Either may be null (a null new value is a deletion). Immutable.
 *
 * @param <T> the value type
 */
public final class Change<T> {

    /** The new value, or null for a deletion. */
    public final T newValue;
    /** The replaced value, or null when unknown, absent or not requested. */
    public final T oldValue;
    /** Whether the new value is the latest one of its key (always true for caching stores). */
    public final boolean isLatest;

    /**
     * Creates a change that is the latest of its key.
     *
     * @param newValue the new value
     * @param oldValue the old value
     */
    public Change(T newValue, T oldValue) {
        this(newValue, oldValue, true);
    }

    /**
     * Creates a change.
     *
     * @param newValue the new value
     * @param oldValue the old value
     * @param isLatest whether the new value is the latest one of its key
     */
    public Change(T newValue, T oldValue, boolean isLatest) {
        this.newValue = newValue;
        this.oldValue = oldValue;
        this.isLatest = isLatest;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Change<?> that)) {
            return false;
        }
        return isLatest == that.isLatest && Objects.deepEquals(newValue, that.newValue)
                && Objects.deepEquals(oldValue, that.oldValue);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(new Object[] {newValue, oldValue, isLatest});
    }

    @Override
    public String toString() {
        return "(" + newValue + "<-" + oldValue + ")";
    }
}
