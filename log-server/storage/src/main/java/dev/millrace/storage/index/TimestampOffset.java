package dev.millrace.storage.index;

/**
 * A time index entry: {@code timestamp} is the largest record timestamp the segment had seen when
 * the entry was written, and {@code offset} the offset the segment layer recorded with it, from
 * which a search for that timestamp starts. Immutable. A lookup that finds no entry returns
 * {@code (TimeIndex.NO_TIMESTAMP, baseOffset)}.
 *
 * @param timestamp milliseconds since the epoch, or {@link TimeIndex#NO_TIMESTAMP}
 * @param offset    an absolute offset
 */
public record TimestampOffset(long timestamp, long offset) {
}
