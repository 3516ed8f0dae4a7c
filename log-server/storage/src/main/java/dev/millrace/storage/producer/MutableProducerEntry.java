package dev.millrace.storage.producer;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;

/**
 * The table's working copy of one producer's state, changed in place on every append so that the
 * hot path allocates only the batch's {@link BatchMetadata}. Never leaves the table: readers get a
 * {@link ProducerStateEntry} copy. Not thread-safe; owned by the partition's thread.
 *
 * <p>Invariant: {@code batches} holds at most {@link ProducerStateTable#BATCHES_RETAINED_PER_PRODUCER}
 * batches, all of epoch {@code epoch}, oldest first; an epoch change empties it.
 */
final class MutableProducerEntry {
    final long producerId;
    short epoch = -1;
    int coordinatorEpoch = -1;
    long lastTimestamp = -1;
    long currentTxnFirstOffset = -1;
    private final ArrayDeque<BatchMetadata> batches =
        new ArrayDeque<>(ProducerStateTable.BATCHES_RETAINED_PER_PRODUCER);

    MutableProducerEntry(long producerId) {
        this.producerId = producerId;
    }

    /** Rebuilds the working copy of an entry read from a snapshot. */
    static MutableProducerEntry of(ProducerStateEntry entry) {
        MutableProducerEntry mutable = new MutableProducerEntry(entry.producerId());
        mutable.epoch = entry.producerEpoch();
        mutable.coordinatorEpoch = entry.coordinatorEpoch();
        mutable.lastTimestamp = entry.lastTimestamp();
        mutable.currentTxnFirstOffset = entry.currentTxnFirstOffset();
        for (BatchMetadata batch : entry.batches()) {
            mutable.addBatch(batch);
        }
        return mutable;
    }

    /** Moves to {@code newEpoch}; the retained batches belong to the old epoch and are dropped. */
    void updateEpoch(short newEpoch) {
        if (newEpoch != epoch) {
            epoch = newEpoch;
            batches.clear();
        }
    }

    void addBatch(BatchMetadata batch) {
        if (batches.size() == ProducerStateTable.BATCHES_RETAINED_PER_PRODUCER) {
            batches.removeFirst();
        }
        batches.addLast(batch);
    }

    boolean hasSequence() {
        return !batches.isEmpty();
    }

    int lastSequence() {
        return batches.isEmpty() ? -1 : batches.getLast().lastSequence();
    }

    /**
     * The newest retained batch with exactly these first and last sequences, or null. Two retained
     * batches can share a range only when batches were applied without validation (log replay or
     * replication) across an expiry, after which the producer restarted its sequence; the newest one
     * is the batch a retry refers to.
     */
    BatchMetadata findBatch(int firstSequence, int lastSequence) {
        for (Iterator<BatchMetadata> it = batches.descendingIterator(); it.hasNext(); ) {
            BatchMetadata batch = it.next();
            if (batch.lastSequence() == lastSequence && batch.firstSequence() == firstSequence) {
                return batch;
            }
        }
        return null;
    }

    ProducerStateEntry toEntry() {
        return new ProducerStateEntry(producerId, epoch, coordinatorEpoch, lastTimestamp, currentTxnFirstOffset,
            List.copyOf(batches));
    }
}
