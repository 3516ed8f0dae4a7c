package dev.millrace.storage.producer;

import java.util.List;

/**
 * An immutable copy of what a partition knows about one producer, as returned by
 * {@link ProducerStateTable#lastEntry(long)} and {@link ProducerStateTable#activeProducers()} and as
 * stored in a snapshot. It carries the DescribeProducers fields (epoch, last sequence, last
 * timestamp, coordinator epoch, current transaction start offset) plus the retained batches.
 *
 * <p>{@code batches} holds at most {@link ProducerStateTable#BATCHES_RETAINED_PER_PRODUCER} batches of
 * the current epoch, oldest first, with consecutive sequences. It is empty for a producer known only
 * from transaction markers; an entry loaded from a snapshot holds at most the last batch.
 *
 * @param producerId the producer id ({@code >= 0})
 * @param producerEpoch the current epoch (-1 if never set)
 * @param coordinatorEpoch the epoch of the last coordinator that wrote a marker, or -1
 * @param lastTimestamp the max timestamp of the producer's last batch or marker, or -1
 * @param currentTxnFirstOffset the first offset of the open transaction, or -1 if none is open
 * @param batches the retained batches of the current epoch, oldest first (copied, unmodifiable)
 */
public record ProducerStateEntry(long producerId, short producerEpoch, int coordinatorEpoch, long lastTimestamp,
                                 long currentTxnFirstOffset, List<BatchMetadata> batches) {

    /** Copies {@code batches} and rejects a negative producer id. */
    public ProducerStateEntry {
        if (producerId < 0) {
            throw new IllegalArgumentException("producerId=" + producerId + " reason=negativeProducerId");
        }
        batches = List.copyOf(batches);
    }

    /** The last sequence written in the current epoch, or -1 when no batch is retained. */
    public int lastSequence() {
        return batches.isEmpty() ? -1 : batches.get(batches.size() - 1).lastSequence();
    }

    /** The last offset of the last retained data batch, or -1 when no batch is retained. */
    public long lastDataOffset() {
        return batches.isEmpty() ? -1 : batches.get(batches.size() - 1).lastOffset();
    }

    /** The offset delta of the last retained batch, or 0 when no batch is retained. */
    public int lastOffsetDelta() {
        return batches.isEmpty() ? 0 : batches.get(batches.size() - 1).offsetDelta();
    }

    /** True while the producer has a transaction open on this partition. */
    public boolean hasOngoingTxn() {
        return currentTxnFirstOffset >= 0;
    }
}
