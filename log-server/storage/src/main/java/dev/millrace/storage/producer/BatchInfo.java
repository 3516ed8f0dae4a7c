package dev.millrace.storage.producer;

/**
 * What the producer state table needs to know about one record batch: the producer fields of the
 * v2 batch header, the offsets the log assigned (or will assign) to it, and for a transaction marker
 * its outcome and coordinator epoch. The log builds one per batch from the batch header.
 *
 * <p>Invariants checked by the constructor (violations are programming errors and throw
 * {@link IllegalArgumentException}):
 * <ul>
 *   <li>{@code 0 <= firstOffset <= lastOffset} and {@code lastOffset - firstOffset <= Integer.MAX_VALUE};</li>
 *   <li>{@code markerType} is non-null exactly when {@code control} is true; a control batch has a
 *       producer id and occupies one offset;</li>
 *   <li>an idempotent data batch ({@code producerId >= 0}, not control) has a non-negative epoch and
 *       sequences, and its sequence span equals its offset span ({@code lastSequence} is
 *       {@code baseSequence + lastOffsetDelta}, wrapping from {@link Integer#MAX_VALUE} to 0).</li>
 * </ul>
 * A batch with {@code producerId < 0} is not idempotent; its epoch and sequences are ignored.
 *
 * @param producerId the producer id, or -1 for a non-idempotent batch
 * @param producerEpoch the producer epoch, or -1 for a non-idempotent batch
 * @param baseSequence the sequence of the first record, or -1 when not idempotent (or a marker)
 * @param lastSequence the sequence of the last record, or -1 when not idempotent (or a marker)
 * @param firstOffset the offset of the first record
 * @param lastOffset the offset of the last record
 * @param maxTimestamp the batch's max timestamp, used as the producer's last timestamp
 * @param transactional the batch's isTransactional attribute
 * @param control the batch's isControl attribute (a transaction marker)
 * @param markerType COMMIT or ABORT for a control batch, otherwise null
 * @param coordinatorEpoch the coordinator epoch of a marker; ignored for data batches
 */
public record BatchInfo(long producerId, short producerEpoch, int baseSequence, int lastSequence,
                        long firstOffset, long lastOffset, long maxTimestamp, boolean transactional,
                        boolean control, MarkerType markerType, int coordinatorEpoch) {

    /** Checks the invariants listed in the class header. */
    public BatchInfo {
        if (firstOffset < 0 || lastOffset < firstOffset || lastOffset - firstOffset > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(facts(producerId, firstOffset, lastOffset)
                + " reason=offsetsOutOfRange");
        }
        if (control != (markerType != null)) {
            throw new IllegalArgumentException(facts(producerId, firstOffset, lastOffset) + " control=" + control
                + " markerType=" + markerType + " reason=markerTypeRequiredExactlyForControlBatches");
        }
        if (control && (producerId < 0 || lastOffset != firstOffset)) {
            throw new IllegalArgumentException(facts(producerId, firstOffset, lastOffset)
                + " reason=markerNeedsProducerIdAndOneOffset");
        }
        if (producerId >= 0 && !control) {
            checkIdempotentFields(producerId, producerEpoch, baseSequence, lastSequence, firstOffset, lastOffset);
        }
    }

    /** True when the batch carries a producer id (idempotent or transactional producer). */
    public boolean hasProducerId() {
        return producerId >= 0;
    }

    /** The number of offsets after the first one, which is also the sequence delta of a data batch. */
    public int offsetDelta() {
        return (int) (lastOffset - firstOffset);
    }

    private static void checkIdempotentFields(long producerId, short producerEpoch, int baseSequence,
                                              int lastSequence, long firstOffset, long lastOffset) {
        if (producerEpoch < 0 || baseSequence < 0 || lastSequence < 0) {
            throw new IllegalArgumentException(facts(producerId, firstOffset, lastOffset)
                + " producerEpoch=" + producerEpoch + " baseSequence=" + baseSequence
                + " lastSequence=" + lastSequence + " reason=negativeEpochOrSequence");
        }
        int sequenceSpan = Sequences.span(baseSequence, lastSequence);
        if (sequenceSpan != lastOffset - firstOffset) {
            throw new IllegalArgumentException(facts(producerId, firstOffset, lastOffset)
                + " baseSequence=" + baseSequence + " lastSequence=" + lastSequence
                + " sequenceSpan=" + sequenceSpan + " reason=sequenceSpanDiffersFromOffsetSpan");
        }
    }

    private static String facts(long producerId, long firstOffset, long lastOffset) {
        return "producerId=" + producerId + " firstOffset=" + firstOffset + " lastOffset=" + lastOffset;
    }
}
