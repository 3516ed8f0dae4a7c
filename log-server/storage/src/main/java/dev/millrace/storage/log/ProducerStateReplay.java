package dev.millrace.storage.log;

import dev.millrace.protocol.record.RecordBatch;
import dev.millrace.storage.index.AbortedTxn;
import dev.millrace.storage.producer.BatchInfo;
import dev.millrace.storage.producer.CompletedTxn;
import dev.millrace.storage.producer.ProducerStateTable;
import java.nio.file.Path;
import java.util.List;
import java.util.NavigableMap;

/**
 * Rebuilds a partition's producer state after open or truncation: the latest snapshot at or below
 * the log end offset, then a replay of the batches after it; and records each aborted transaction
 * a marker completes in the transaction index of the segment that holds the marker (unless the
 * index already has it, as after a crash between marker and index entry). Runs on the log's owner
 * thread.
 */
final class ProducerStateReplay {
    private ProducerStateReplay() {
    }

    static void rebuild(Path dir, ProducerStateTable producerState, NavigableMap<Long, LogSegment> segments,
                        long logStartOffset, long logEndOffset) {
        long replayFrom = producerState.truncateAndReload(dir, logStartOffset, logEndOffset);
        if (replayFrom >= logEndOffset) {
            return;
        }
        Long from = segments.floorKey(replayFrom);
        for (LogSegment segment : (from == null ? segments : segments.tailMap(from, true)).values()) {
            for (FileBatch header : segment.log().batchesFrom(0)) {
                if (header.baseOffset() < replayFrom) {
                    continue;
                }
                RecordBatch batch = segment.log().load(header);
                BatchInfo info = ProducerBatches.info(batch);
                if (info.hasProducerId()) {
                    producerState.update(info).ifPresent(txn -> indexIfAborted(producerState, txn, segment,
                            batch.lastOffset()));
                }
            }
        }
    }

    /** Adds an aborted transaction completed by the marker at {@code markerOffset} to the segment's index. */
    static void indexIfAborted(ProducerStateTable producerState, CompletedTxn txn, LogSegment segment,
                               long markerOffset) {
        if (!txn.isAborted()) {
            return;
        }
        long lastStable = producerState.firstUnstableOffset().orElse(markerOffset + 1);
        List<AbortedTxn> existing = segment.txnIndex().allAbortedTxns();
        if (existing.isEmpty() || existing.get(existing.size() - 1).lastOffset() < txn.lastOffset()) {
            segment.txnIndex().append(new AbortedTxn(txn.producerId(), txn.firstOffset(), txn.lastOffset(), lastStable));
        }
    }
}
