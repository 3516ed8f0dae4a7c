package dev.millrace.streams.state;

import java.time.Instant;

/** Converts the {@link Instant} arguments of the store interfaces to epoch milliseconds, rejecting bad ones. */
final class InstantConversion {

    private InstantConversion() {
    }

    /**
     * Returns the epoch milliseconds of an instant.
     *
     * @param instant the instant
     * @param name the parameter name, for the message
     * @return the milliseconds
     * @throws IllegalArgumentException if the instant is null or does not fit in a long of milliseconds
     */
    static long toEpochMillis(Instant instant, String name) {
        if (instant == null) {
            throw new IllegalArgumentException("reason=nullInstant parameter=" + name);
        }
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("reason=instantOutOfMillisecondRange parameter=" + name
                    + " instant=" + instant, e);
        }
    }

    static UnsupportedOperationException unsupported(String operation, Object store) {
        return new UnsupportedOperationException("reason=operationNotSupported operation=" + operation
                + " store=" + store.getClass().getName());
    }
}
