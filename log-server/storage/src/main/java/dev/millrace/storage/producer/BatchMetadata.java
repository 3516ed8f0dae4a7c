package dev.millrace.storage.producer;

/**
 * What the partition remembers of one appended batch of a producer: enough to recognise a retry
 * and to answer it with the original offsets. Only the last sequence and offset are stored; the
 * first ones follow from {@code offsetDelta}, which is both the sequence delta and the offset delta
 * of the batch (so this is also exactly what a snapshot entry can hold).
 *
 * @param lastSequence the sequence of the batch's last record
 * @param lastOffset the offset of the batch's last record
 * @param offsetDelta {@code lastOffset - firstOffset}, also {@code lastSequence - firstSequence} (wrapping)
 * @param timestamp the batch's max timestamp
 */
public record BatchMetadata(int lastSequence, long lastOffset, int offsetDelta, long timestamp) {

    /** Rejects a negative delta or a first offset below zero. */
    public BatchMetadata {
        if (offsetDelta < 0 || lastOffset - offsetDelta < 0 || lastSequence < 0) {
            throw new IllegalArgumentException("lastSequence=" + lastSequence + " lastOffset=" + lastOffset
                + " offsetDelta=" + offsetDelta + " reason=invalidBatchMetadata");
        }
    }

    /** The sequence of the batch's first record (wrapping below 0 to {@link Integer#MAX_VALUE}). */
    public int firstSequence() {
        return Sequences.decrement(lastSequence, offsetDelta);
    }

    /** The offset of the batch's first record: the base offset a retried produce is answered with. */
    public long firstOffset() {
        return lastOffset - offsetDelta;
    }
}
