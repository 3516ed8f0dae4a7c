package dev.millrace.storage.cleaner;

import dev.millrace.common.record.TimestampType;
import dev.millrace.protocol.record.ControlRecordType;
import dev.millrace.protocol.record.MemoryRecords;
import dev.millrace.protocol.record.Record;
import dev.millrace.protocol.record.RecordBatch;
import dev.millrace.protocol.record.RecordBatchBuilder;
import dev.millrace.storage.log.LogSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Decides, batch by batch and record by record, what of an old segment goes into the cleaned
 * segment, and writes it through a {@link CleanedBatchWriter}. The rules (Kafka's, KIP-534 for
 * tombstones, with the deviations marked):
 *
 * <p><b>Records of a data batch.</b> A record is kept when its offset is beyond the offset map's
 * {@code latestOffset} (not deduplicated in this pass), or when it has no key (deviation: Kafka
 * drops key-less records from compacted topics; ours are rejected at produce time instead), or when
 * its key is absent from the map or its offset is at least the map's offset for the key, and it
 * either has a value or is a tombstone whose batch has no delete horizon yet or one still in the
 * future ({@code now < deleteHorizonMs}).
 *
 * <p><b>Delete horizon.</b> A kept batch that holds tombstones, or a kept removable transaction
 * marker, and has no delete horizon, is rewritten with {@code deleteHorizonMs = now +
 * delete.retention.ms} (attribute bit 6; record timestamps become deltas from it). The next pass
 * after the horizon drops those tombstones and markers. A tombstone therefore lives at least
 * {@code delete.retention.ms} after the first cleaning that kept it.
 *
 * <p><b>Transactions</b> ({@link TransactionTracker}): data batches of aborted transactions are
 * removed whole. A COMMIT or ABORT marker is kept while this pass sees data of its transaction;
 * once it is removable it is kept until its delete horizon has passed, then removed.
 *
 * <p><b>Producer state.</b> The batch that is its producer's last batch in the log (per producer
 * state) is never removed: if all its records go, an empty batch with the same offsets, producer
 * id, epoch, base sequence and last offset delta is written, so the producer's sequence survives
 * (a rebuilt producer state from the log still sees it). Deviation: when that last batch is a
 * marker whose horizon has passed, the marker is kept whole rather than emptied, because the log's
 * producer-state replay treats an empty control batch as corrupt.
 *
 * <p><b>Copy or rebuild.</b> A batch all of whose records are kept, and that needs no new delete
 * horizon, is copied byte for byte. Otherwise its kept records are rebuilt into one batch with the
 * same base offset, last offset delta, compression, timestamp type (LogAppendTime keeps its time),
 * record timestamps, keys, values, headers, producer fields, transactional and control flags and
 * partition leader epoch. Offsets are preserved. Every batch's CRC is verified before use.
 *
 * <p>Threading: confined to one cleaner thread.
 */
final class SegmentRewriter implements SegmentBatchReader.Visitor {
    private final OffsetMap map;
    private final CleaningInputs inputs;
    private final TransactionTracker tracker;
    private final OwnerCalls owner;
    private final long nowMs;
    private final long deleteRetentionMs;
    private CleanedBatchWriter writer;
    private long recordsRead;
    private long recordsRemoved;
    private int emptyBatchesRetained;
    private long pendingDeleteHorizonMs = -1;

    SegmentRewriter(OffsetMap map, CleaningInputs inputs, TransactionTracker tracker, OwnerCalls owner, long nowMs) {
        this.map = map;
        this.inputs = inputs;
        this.tracker = tracker;
        this.owner = owner;
        this.nowMs = nowMs;
        this.deleteRetentionMs = inputs.snapshot().config().deleteRetentionMs();
    }

    /** Rewrites the batches of {@code source} into {@code out}. */
    void rewrite(LogSegment source, SegmentBatchReader reader, CleanedBatchWriter out) {
        this.writer = out;
        reader.read(source.log(), this);
    }

    TransactionTracker tracker() {
        return tracker;
    }

    long recordsRead() {
        return recordsRead;
    }

    long recordsRemoved() {
        return recordsRemoved;
    }

    int emptyBatchesRetained() {
        return emptyBatchesRetained;
    }

    /** The earliest future delete horizon written or kept for tombstones or removable markers, or -1. */
    long pendingDeleteHorizonMs() {
        return pendingDeleteHorizonMs;
    }

    @Override
    public boolean visit(RecordBatch batch, int position) {
        owner.checkNotAborted("rewrite");
        batch.ensureValid();
        boolean control = batch.isControlBatch();
        boolean removable = control ? tracker.onControlBatch(batch) : tracker.onDataBatch(batch);
        boolean discardRecords = control ? removable && horizonPassed(batch) : removable;
        boolean lastOfProducer = batch.hasProducerId() && inputs.isLastBatchOfProducer(batch.producerId(),
                batch.producerEpoch(), batch.lastOffset(), control);
        int count = batch.recordsCount();
        recordsRead += count;
        if (discardRecords) {
            if (lastOfProducer && control && count > 0) {
                writer.writeOriginal(batch);
            } else if (lastOfProducer) {
                writeEmpty(batch);
                recordsRemoved += count;
            } else {
                recordsRemoved += count;
            }
            return true;
        }
        List<Record> kept = new ArrayList<>(count);
        boolean tombstones = false;
        for (Record record : batch) {
            if (control || retain(batch, record)) {
                kept.add(record);
                tombstones |= !record.hasValue();
            }
        }
        recordsRemoved += count - kept.size();
        if (kept.isEmpty()) {
            if (lastOfProducer) {
                writeEmpty(batch);
            }
            return true;
        }
        boolean needsHorizon = tombstones || control && removable;
        boolean setHorizon = needsHorizon && !batch.hasDeleteHorizon();
        long horizon = setHorizon ? saturatedAdd(nowMs, deleteRetentionMs) : batch.deleteHorizonMs().orElse(-1);
        if (kept.size() == count && !setHorizon) {
            writer.writeOriginal(batch);
        } else {
            writer.writeRebuilt(rebuild(batch, kept, horizon), batch.lastOffsetDelta());
        }
        if (needsHorizon && horizon > nowMs) {
            pendingDeleteHorizonMs = pendingDeleteHorizonMs < 0 ? horizon : Math.min(pendingDeleteHorizonMs, horizon);
        }
        return true;
    }

    private void writeEmpty(RecordBatch batch) {
        writer.writeEmpty(batch);
        emptyBatchesRetained++;
    }

    private boolean horizonPassed(RecordBatch batch) {
        OptionalLong horizon = batch.deleteHorizonMs();
        return horizon.isPresent() && horizon.getAsLong() <= nowMs;
    }

    private boolean retain(RecordBatch batch, Record record) {
        if (record.offset() > map.latestOffset() || !record.hasKey()) {
            return true;
        }
        if (record.offset() < map.get(record.key())) {
            return false;
        }
        return record.hasValue() || !horizonPassed(batch);
    }

    private static MemoryRecords rebuild(RecordBatch batch, List<Record> kept, long deleteHorizonMs) {
        RecordBatchBuilder builder = new RecordBatchBuilder()
                .compression(batch.compressionType())
                .baseOffset(batch.baseOffset())
                .partitionLeaderEpoch(batch.partitionLeaderEpoch())
                .producerState(batch.producerId(), batch.producerEpoch(), batch.baseSequence())
                .transactional(batch.isTransactional())
                .control(batch.isControlBatch())
                .deleteHorizonMs(deleteHorizonMs)
                .initialCapacity(batch.sizeInBytes() + RecordBatch.RECORD_BATCH_OVERHEAD);
        if (batch.timestampType() == TimestampType.LOG_APPEND_TIME) {
            builder.logAppendTime(batch.maxTimestamp());
        }
        for (Record record : kept) {
            if (batch.isControlBatch()) {
                builder.appendControlRecord(record.timestamp(), ControlRecordType.parse(record.key()), record.value());
            } else {
                builder.appendWithOffset(record.offset(), record.timestamp(), record.key(), record.value(),
                        record.headers());
            }
        }
        return builder.build();
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
