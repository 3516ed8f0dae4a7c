package dev.millrace.storage.cleaner;

import dev.millrace.protocol.record.ControlRecordType;
import dev.millrace.protocol.record.Record;
import dev.millrace.protocol.record.RecordBatch;
import dev.millrace.storage.index.AbortedTxn;
import dev.millrace.storage.index.TransactionIndex;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows transactions while the cleaner reads a log in offset order, to tell which data batches
 * belong to aborted transactions and which transaction markers may be removed (the rules of
 * Kafka's cleaner, KIP-98):
 * <ul>
 *   <li>The aborted transactions come from the segments' transaction indexes. One becomes
 *   <em>ongoing</em> once the reader reaches its first offset. A transactional data batch of a
 *   producer with an ongoing aborted transaction is aborted data: it is removed. Any other
 *   transactional batch marks its producer's transaction as ongoing and committed.</li>
 *   <li>An ABORT marker ends the producer's ongoing aborted transaction. If this pass saw (and so
 *   removed) data of it, the marker is kept and its entry is written to the cleaned segment's
 *   transaction index, because a consumer may have fetched that data before the cleaning;
 *   otherwise the marker is removable.</li>
 *   <li>A COMMIT marker is removable unless this pass saw data of the transaction it commits.</li>
 *   <li>Other control records are never removable; an empty control batch is removable.</li>
 * </ul>
 * "Removable" means: the marker gets a delete horizon and is dropped once that horizon has passed
 * (see {@link SegmentRewriter}).
 *
 * <p>Threading: confined to one cleaning pass on one thread.
 */
final class TransactionTracker {
    private final ArrayDeque<AbortedTxn> upcoming;
    private final Map<Long, OngoingAbort> ongoingAborted = new HashMap<>();
    private final Set<Long> ongoingCommitted = new HashSet<>();
    private TransactionIndex cleanedIndex;

    /** An aborted transaction the reader is inside of, and whether data of it was seen. */
    private static final class OngoingAbort {
        private final AbortedTxn txn;
        private boolean dataSeen;

        OngoingAbort(AbortedTxn txn) {
            this.txn = txn;
        }
    }

    /**
     * Starts a tracker for a read from {@code fromOffset} on.
     *
     * @param abortedTxns aborted transactions sorted by first offset; those ending before
     *     {@code fromOffset} are ignored
     */
    TransactionTracker(List<AbortedTxn> abortedTxns, long fromOffset) {
        this.upcoming = new ArrayDeque<>(abortedTxns.size());
        for (AbortedTxn txn : abortedTxns) {
            if (txn.lastOffset() >= fromOffset) {
                upcoming.add(txn);
            }
        }
    }

    /** Where kept ABORT markers' entries go from now on (the cleaned segment being written), or null. */
    void cleanedIndex(TransactionIndex index) {
        this.cleanedIndex = index;
    }

    /** Reads a data batch; returns whether it is aborted data (to be removed). */
    boolean onDataBatch(RecordBatch batch) {
        consumeUpTo(batch.lastOffset());
        if (!batch.isTransactional()) {
            return false;
        }
        OngoingAbort abort = ongoingAborted.get(batch.producerId());
        if (abort != null) {
            abort.dataSeen = true;
            return true;
        }
        ongoingCommitted.add(batch.producerId());
        return false;
    }

    /** Reads a control batch; returns whether the marker is removable (see the class notes). */
    boolean onControlBatch(RecordBatch batch) {
        consumeUpTo(batch.lastOffset());
        Iterator<Record> records = batch.iterator();
        if (!records.hasNext()) {
            return true;
        }
        ControlRecordType type = ControlRecordType.parse(records.next().key());
        long producerId = batch.producerId();
        if (type == ControlRecordType.ABORT) {
            OngoingAbort abort = ongoingAborted.remove(producerId);
            if (abort != null && abort.dataSeen) {
                if (cleanedIndex != null) {
                    cleanedIndex.append(abort.txn);
                }
                return false;
            }
            return true;
        }
        if (type == ControlRecordType.COMMIT) {
            return !ongoingCommitted.remove(producerId);
        }
        return false;
    }

    private void consumeUpTo(long offset) {
        while (!upcoming.isEmpty() && upcoming.peekFirst().firstOffset() <= offset) {
            AbortedTxn txn = upcoming.pollFirst();
            ongoingAborted.putIfAbsent(txn.producerId(), new OngoingAbort(txn));
        }
    }
}
