package dev.millrace.storage.index;

/**
 * An offset index entry: the batch that contains {@code offset} starts at byte {@code position} of
 * the segment's log file. Immutable.
 *
 * @param offset   an absolute offset
 * @param position a byte position in the segment's {@code .log} file
 */
public record OffsetPosition(long offset, int position) {
}
