package dev.millrace.streams.processor;

/**
 * A callback scheduled through {@code ProcessingContext#schedule}, called on the task's thread with the stream time
 * or wall-clock time that triggered it.
 */
@FunctionalInterface
public interface Punctuator {

    /**
     * Performs the scheduled operation.
     *
     * @param timestamp the stream time or wall-clock time (depending on the {@link PunctuationType}) of this call
     */
    void punctuate(long timestamp);
}
