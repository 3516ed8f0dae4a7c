package dev.millrace.streams.processor;

/**
 * A handle on a scheduled punctuation; {@link #cancel()} stops further calls. Cancelling twice is harmless.
 */
@FunctionalInterface
public interface Cancellable {

    /** Stops the scheduled operation; it is not called again after this returns. */
    void cancel();
}
