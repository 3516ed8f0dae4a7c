package dev.millrace.storage.cleaner;

import dev.millrace.storage.index.AbortedTxn;
import dev.millrace.storage.log.LogSegment;
import dev.millrace.storage.log.PartitionLog;
import dev.millrace.storage.producer.ProducerStateEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a cleaning pass reads from a log's mutable state, copied in one task on the owner
 * thread ({@link #capture}); the pass then reads only these copies and the non-active segments'
 * files. Immutable.
 *
 * @param snapshot offsets, config and per-segment facts
 * @param segments the segments the snapshot describes, in the same order (the last is active)
 * @param producers per active producer id, what its last batch in the log is
 * @param abortedTxns every aborted transaction of every segment's transaction index, by first offset
 */
record CleaningInputs(LogSnapshot snapshot, List<LogSegment> segments, Map<Long, ProducerTail> producers,
                      List<AbortedTxn> abortedTxns) {

    /**
     * The last batch of one producer, as producer state knows it (Kafka's "last record of an active
     * producer"): the cleaner keeps that batch, emptied if need be, so that the producer's sequence
     * and epoch survive compaction.
     *
     * @param lastDataOffset last offset of the producer's last data batch, or -1 if none is retained
     *     (then its last batch is a transaction marker of epoch {@code producerEpoch})
     * @param producerEpoch the producer's current epoch
     */
    record ProducerTail(long lastDataOffset, short producerEpoch) {
    }

    CleaningInputs {
        segments = List.copyOf(segments);
        producers = Map.copyOf(producers);
        abortedTxns = List.copyOf(abortedTxns);
    }

    /** Copies the inputs of {@code log}. Must run on the log's owner thread. */
    static CleaningInputs capture(PartitionLog log) {
        List<LogSegment> segments = log.segments();
        LogSnapshot snapshot = LogSnapshot.capture(log, segments);
        Map<Long, ProducerTail> producers = new HashMap<>();
        for (ProducerStateEntry entry : log.producerState().activeProducers()) {
            producers.put(entry.producerId(), new ProducerTail(entry.lastDataOffset(), entry.producerEpoch()));
        }
        List<AbortedTxn> aborted = new ArrayList<>();
        for (LogSegment segment : segments) {
            aborted.addAll(segment.txnIndex().allAbortedTxns());
        }
        aborted.sort(Comparator.comparingLong(AbortedTxn::firstOffset).thenComparingLong(AbortedTxn::lastOffset));
        return new CleaningInputs(snapshot, segments, producers, aborted);
    }

    /** Whether {@code batch}-like facts name the producer's last batch (see {@link ProducerTail}). */
    boolean isLastBatchOfProducer(long producerId, short producerEpoch, long lastOffset, boolean control) {
        ProducerTail tail = producers.get(producerId);
        if (tail == null) {
            return false;
        }
        if (tail.lastDataOffset() >= 0) {
            return lastOffset == tail.lastDataOffset();
        }
        return control && producerEpoch == tail.producerEpoch();
    }
}
