package dev.millrace.storage.epoch;

/**
 * One entry of the leader epoch cache: leader epoch {@code epoch} wrote its first batch at
 * {@code startOffset}. Both values are {@code >= 0} (checked). Immutable.
 *
 * @param epoch the leader epoch
 * @param startOffset the offset of the first batch written in that epoch
 */
public record EpochEntry(int epoch, long startOffset) {
    /** Rejects negative values. */
    public EpochEntry {
        if (epoch < 0 || startOffset < 0) {
            throw new IllegalArgumentException("epoch=" + epoch + " startOffset=" + startOffset
                    + " reason=epochAndStartOffsetMustBeNonNegative");
        }
    }
}
