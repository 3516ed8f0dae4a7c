package dev.millrace.storage.index;

/**
 * An offset cannot be stored in an index because it is below the segment's base offset or more than
 * {@link Integer#MAX_VALUE} above it: index entries keep offsets as 32-bit values relative to the
 * base offset. The segment layer avoids this by rolling a new segment before an offset would
 * overflow (see {@link MappedIndex#canAppendOffset(long)}); seeing this exception means that check
 * was skipped.
 */
public final class IndexOffsetOverflowException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the facts, as {@code key=value} pairs
     */
    public IndexOffsetOverflowException(String message) {
        super(message);
    }
}
