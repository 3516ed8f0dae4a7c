package dev.millrace.streams.processor;

/**
 * What drives a punctuation: {@link #STREAM_TIME} advances only when records with larger timestamps arrive (no new
 * data, no call), {@link #WALL_CLOCK_TIME} follows the system clock (in the test driver: the driver's mock clock).
 */
public enum PunctuationType {
    /** Driven by the largest record timestamp the task has seen. */
    STREAM_TIME,
    /** Driven by the wall clock. */
    WALL_CLOCK_TIME,
}
