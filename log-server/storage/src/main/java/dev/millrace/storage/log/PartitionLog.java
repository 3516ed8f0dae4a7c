package dev.millrace.storage.log;

import dev.millrace.common.TopicPartition;
import dev.millrace.common.errors.InvalidRecordException;
import dev.millrace.common.errors.OffsetOutOfRangeException;
import dev.millrace.common.errors.RecordBatchTooLargeException;
import dev.millrace.common.record.TimestampType;
import dev.millrace.common.time.Time;
import dev.millrace.protocol.record.MemoryRecords;
import dev.millrace.protocol.record.RecordBatch;
import dev.millrace.storage.epoch.LeaderEpochCache;
import dev.millrace.storage.flush.GroupCommitFlusher;
import dev.millrace.storage.index.AbortedTxn;
import dev.millrace.storage.producer.BatchInfo;
import dev.millrace.storage.producer.BatchMetadata;
import dev.millrace.storage.producer.ProducerStateTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * One partition's log: an append-only sequence of record batches split into segments, with a log
 * start offset, a log end offset, a high watermark, producer state and a leader-epoch cache.
 *
 * <p>Guarantees and invariants:
 * <ul>
 *   <li>Offsets are assigned contiguously by {@link #appendAsLeader}; batches are stored exactly as
 *   validated (bytes a fetch sends are the bytes the producer sent, with offsets and leader epoch
 *   stamped in place, and LogAppendTime when the topic asks for it).</li>
 *   <li>{@code logStartOffset <= highWatermark <= logEndOffset}; the active (last) segment is never
 *   deleted by retention; segments are contiguous and ordered by base offset.</li>
 *   <li>The recovery point only advances after an fsync covering it. Segments are flushed when they
 *   are rolled, so after a crash only the active segment can hold a torn tail.</li>
 * </ul>
 *
 * <p>Threading: one owner thread (the partition shard) calls every mutating method. {@link #read},
 * the offset getters and {@link #fetchOffsetByTimestamp} may run on other threads: segments live in
 * a concurrent map and the offsets are volatile, published after the data they describe.
 *
 * <p>Failures: invalid input raises the Kafka exception the client expects (CorruptRecordException,
 * InvalidRecordException, RecordTooLargeException, InvalidTimestampException, producer-state
 * errors) before anything is written; disk failures raise {@code LogStorageException}.
 */
public final class PartitionLog implements AutoCloseable {
    private final Path dir;
    private final TopicPartition topicPartition;
    private final Time time;
    private final GroupCommitFlusher flusher;
    private final ConcurrentNavigableMap<Long, LogSegment> segments = new ConcurrentSkipListMap<>();
    private final ProducerStateTable producerState;
    private final LeaderEpochCache epochCache;
    private final List<String> recoveryNotes;
    private final DelayedSegmentDeletes pendingDeletes = new DelayedSegmentDeletes();

    private volatile LogConfig config;
    private volatile long logStartOffset;
    private volatile long logEndOffset;
    private volatile long highWatermark;
    private volatile long recoveryPoint;
    private long unflushedMessages;
    private long lastFlushMs;

    private PartitionLog(Path dir, TopicPartition topicPartition, LogConfig config, Time time,
                         GroupCommitFlusher flusher, LeaderEpochCache epochCache, LogLoader.Result loaded) {
        this.dir = dir;
        this.topicPartition = topicPartition;
        this.config = config;
        this.time = time;
        this.flusher = flusher;
        this.epochCache = epochCache;
        this.segments.putAll(loaded.segments());
        this.logStartOffset = loaded.logStartOffset();
        this.logEndOffset = loaded.logEndOffset();
        this.recoveryNotes = List.copyOf(loaded.recoveryNotes());
        this.producerState = new ProducerStateTable(time);
        this.lastFlushMs = time.milliseconds();
    }

    /**
     * Opens (or creates) the log in {@code dir}.
     *
     * @param recoveryPoint offset up to which the log is known to be flushed (from the checkpoint)
     * @param logStartOffset checkpointed log start offset (0 when unknown)
     * @param cleanShutdown whether the previous process closed the log cleanly (no recovery scan)
     * @param flusher group-commit flusher for fsync-per-append policies, or null to fsync inline
     */
    public static PartitionLog open(Path dir, TopicPartition topicPartition, LogConfig config, long recoveryPoint,
                                    long logStartOffset, boolean cleanShutdown, Time time, GroupCommitFlusher flusher) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new dev.millrace.storage.LogStorageException("dir=" + dir + " operation=createDirectories", e);
        }
        LeaderEpochCache epochCache = LeaderEpochCache.open(dir);
        LogLoader.Result loaded = LogLoader.load(dir, config, recoveryPoint, logStartOffset, cleanShutdown, epochCache,
                time);
        PartitionLog log = new PartitionLog(dir, topicPartition, config, time, flusher, epochCache, loaded);
        ProducerStateReplay.rebuild(log.dir, log.producerState, log.segments, log.logStartOffset, log.logEndOffset);
        log.recoveryPoint = log.logEndOffset;
        log.highWatermark = log.logEndOffset;
        return log;
    }

    public TopicPartition topicPartition() {
        return topicPartition;
    }

    public Path dir() {
        return dir;
    }

    public LogConfig config() {
        return config;
    }

    /** Applies new topic configs; they take effect from the next append, roll or retention pass. */
    public void updateConfig(LogConfig newConfig) {
        this.config = newConfig;
    }

    public long logStartOffset() {
        return logStartOffset;
    }

    public long logEndOffset() {
        return logEndOffset;
    }

    public long highWatermark() {
        return highWatermark;
    }

    public long recoveryPoint() {
        return recoveryPoint;
    }

    /** First offset of the oldest open transaction, or the high watermark when none is open. */
    public long lastStableOffset() {
        long hw = highWatermark;
        return Math.min(hw, producerState.firstUnstableOffset().orElse(hw));
    }

    public ProducerStateTable producerState() {
        return producerState;
    }

    public LeaderEpochCache leaderEpochCache() {
        return epochCache;
    }

    /** What loading had to repair (torn tails truncated, indexes rebuilt, swaps completed). */
    public List<String> recoveryNotes() {
        return recoveryNotes;
    }

    /** The segments, oldest first (a snapshot view; for retention, cleaning, tools and tests). */
    public List<LogSegment> segments() {
        return List.copyOf(segments.values());
    }

    public long sizeInBytes() {
        long size = 0;
        for (LogSegment segment : segments.values()) {
            size += segment.sizeInBytes();
        }
        return size;
    }

    /**
     * Moves the high watermark (replication's hook), clamped to {@code [logStartOffset, logEndOffset]}.
     *
     * @return the high watermark now in force
     */
    public long updateHighWatermark(long offset) {
        highWatermark = Math.max(logStartOffset, Math.min(offset, logEndOffset));
        return highWatermark;
    }

    /**
     * Validates {@code records}, assigns offsets from the log end offset, stamps the leader epoch
     * (and LogAppendTime when configured) and appends them.
     *
     * @throws dev.millrace.common.errors.CorruptRecordException on CRC or framing errors
     * @throws InvalidRecordException for well-formed but unacceptable batches
     * @throws dev.millrace.common.errors.RecordTooLargeException if a batch exceeds {@code max.message.bytes}
     * @throws RecordBatchTooLargeException if the records exceed {@code segment.bytes}
     * @throws dev.millrace.common.errors.InvalidTimestampException if a CreateTime timestamp is too far from
     *     the broker clock
     */
    public LogAppendInfo appendAsLeader(MemoryRecords records, int leaderEpoch, AppendOrigin origin) {
        LogConfig cfg = config;
        long nowMs = time.milliseconds();
        if (origin == AppendOrigin.CLIENT) {
            records.validateProducerBatches();
        } else {
            records.validateBatches();
        }
        List<RecordBatch> batches = new ArrayList<>();
        records.batches().forEach(batches::add);
        if (batches.isEmpty()) {
            throw new InvalidRecordException("topicPartition=" + topicPartition + " reason=noBatchesToAppend");
        }
        if (records.sizeInBytes() > cfg.segmentBytes()) {
            throw new RecordBatchTooLargeException("topicPartition=" + topicPartition + " sizeInBytes="
                    + records.sizeInBytes() + " segmentBytes=" + cfg.segmentBytes());
        }
        long next = logEndOffset;
        List<BatchInfo> infos = new ArrayList<>(batches.size());
        for (RecordBatch batch : batches) {
            AppendValidator.checkBatch(topicPartition, batch, cfg, nowMs);
            long first = next;
            long last = first + batch.lastOffsetDelta();
            infos.add(ProducerBatches.info(batch, first, last));
            next = last + 1;
        }
        Optional<BatchMetadata> duplicate = AppendValidator.checkProducerState(topicPartition, producerState, batches,
                infos);
        if (duplicate.isPresent()) {
            return new LogAppendInfo(duplicate.get().firstOffset(), duplicate.get().lastOffset(), -1, logStartOffset,
                    true, CompletableFuture.completedFuture(null));
        }
        long logAppendTime = cfg.timestampType() == TimestampType.LOG_APPEND_TIME ? nowMs : -1;
        long offset = logEndOffset;
        for (RecordBatch batch : batches) {
            batch.setBaseOffset(offset);
            batch.setPartitionLeaderEpoch(leaderEpoch);
            if (logAppendTime >= 0) {
                batch.setMaxTimestamp(TimestampType.LOG_APPEND_TIME, logAppendTime);
            }
            offset = batch.lastOffset() + 1;
        }
        if (leaderEpoch >= 0 && epochCache.latestEpoch().orElse(-1) < leaderEpoch) {
            epochCache.assign(leaderEpoch, logEndOffset);
        }
        return append(records, batches, infos, logAppendTime, nowMs);
    }

    /**
     * Appends batches replicated from the leader: offsets and epochs are already assigned and must
     * start at the log end offset and increase.
     */
    public LogAppendInfo appendAsFollower(MemoryRecords records) {
        records.validateBatches();
        List<RecordBatch> batches = new ArrayList<>();
        records.batches().forEach(batches::add);
        if (batches.isEmpty()) {
            return new LogAppendInfo(logEndOffset, logEndOffset - 1, -1, logStartOffset, false,
                    CompletableFuture.completedFuture(null));
        }
        long expected = logEndOffset;
        List<BatchInfo> infos = new ArrayList<>(batches.size());
        for (RecordBatch batch : batches) {
            if (batch.baseOffset() < expected) {
                throw new InvalidRecordException("topicPartition=" + topicPartition + " batchOffset="
                        + batch.baseOffset() + " expectedAtLeast=" + expected + " reason=offsetsNotIncreasing");
            }
            if (batch.partitionLeaderEpoch() >= 0 && epochCache.latestEpoch().orElse(-1) < batch.partitionLeaderEpoch()) {
                epochCache.assign(batch.partitionLeaderEpoch(), batch.baseOffset());
            }
            infos.add(ProducerBatches.info(batch));
            expected = batch.lastOffset() + 1;
        }
        if (batches.get(0).baseOffset() != logEndOffset) {
            truncateFullyAndStartAt(batches.get(0).baseOffset());
        }
        return append(records, batches, infos, -1, time.milliseconds());
    }

    private LogAppendInfo append(MemoryRecords records, List<RecordBatch> batches, List<BatchInfo> infos,
                                 long logAppendTime, long nowMs) {
        RecordBatch lastBatch = batches.get(batches.size() - 1);
        LogSegment active = segments.lastEntry().getValue();
        long maxTimestamp = RecordBatch.NO_TIMESTAMP;
        for (RecordBatch batch : batches) {
            maxTimestamp = Math.max(maxTimestamp, batch.maxTimestamp());
        }
        if (active.shouldRoll(config, records.sizeInBytes(), maxTimestamp, lastBatch.lastOffset(), nowMs)) {
            active = roll();
        }
        long firstOffset = batches.get(0).baseOffset();
        active.append(records);
        long messages = 0;
        for (int i = 0; i < batches.size(); i++) {
            RecordBatch batch = batches.get(i);
            messages += batch.lastOffsetDelta() + 1;
            BatchInfo info = ProducerBatches.info(batch);
            if (info.hasProducerId()) {
                producerState.update(info).ifPresent(txn -> ProducerStateReplay.indexIfAborted(producerState, txn,
                        active(), batch.lastOffset()));
            }
        }
        logEndOffset = lastBatch.lastOffset() + 1;
        unflushedMessages += messages;
        CompletableFuture<Void> durable = maybeFlush(nowMs);
        return new LogAppendInfo(firstOffset, lastBatch.lastOffset(), logAppendTime, logStartOffset, false, durable);
    }

    private LogSegment active() {
        return segments.lastEntry().getValue();
    }

    private CompletableFuture<Void> maybeFlush(long nowMs) {
        LogConfig cfg = config;
        boolean due = unflushedMessages >= cfg.flushMessages() || nowMs - lastFlushMs >= cfg.flushMs();
        if (!due) {
            return CompletableFuture.completedFuture(null);
        }
        if (flusher != null) {
            LogSegment active = active();
            unflushedMessages = 0;
            lastFlushMs = nowMs;
            return flusher.requestFlush(active.log().channel(), active.log().file());
        }
        flush();
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Starts a new active segment at the log end offset. The old active segment is flushed (so the
     * recovery point reaches the new segment), its indexes trimmed, and producer state snapshotted
     * at the new base offset so that recovery replays at most the active segment.
     */
    public LogSegment roll() {
        LogSegment current = active();
        long newBase = logEndOffset;
        if (current.baseOffset() == newBase) {
            return current;
        }
        flush();
        current.onBecomeInactiveSegment();
        producerState.takeSnapshot(dir, newBase);
        LogSegment segment = LogSegment.open(dir, newBase, config, time.milliseconds());
        segment.resizeIndexesToMax();
        segments.put(newBase, segment);
        return segment;
    }

    /** Flushes unflushed appends once {@code flush.ms} has passed since the last flush; owner thread. */
    public boolean flushIfDue(long nowMs) {
        if (unflushedMessages == 0 || nowMs - lastFlushMs < config.flushMs()) {
            return false;
        }
        flush();
        return true;
    }

    /** Forces every segment holding offsets at or above the recovery point to disk. */
    public void flush() {
        long target = logEndOffset;
        Long from = segments.floorKey(recoveryPoint);
        for (LogSegment segment : (from == null ? segments : segments.tailMap(from, true)).values()) {
            segment.flush();
        }
        recoveryPoint = target;
        unflushedMessages = 0;
        lastFlushMs = time.milliseconds();
    }

    /**
     * Reads batches starting with the one holding {@code startOffset}, up to {@code maxBytes}
     * (at least one whole batch when {@code minOneBatch}), never past the bound {@code isolation}
     * sets.
     *
     * @throws OffsetOutOfRangeException if {@code startOffset} is below the log start offset or
     *     above the log end offset
     */
    public FetchDataInfo read(long startOffset, int maxBytes, FetchIsolation isolation, boolean minOneBatch) {
        long start = logStartOffset;
        long end = logEndOffset;
        if (startOffset < start || startOffset > end) {
            throw new OffsetOutOfRangeException("topicPartition=" + topicPartition + " fetchOffset=" + startOffset
                    + " logStartOffset=" + start + " logEndOffset=" + end);
        }
        long maxOffset = switch (isolation) {
            case LOG_END -> end;
            case HIGH_WATERMARK -> highWatermark;
            case TXN_COMMITTED -> lastStableOffset();
        };
        if (startOffset >= maxOffset) {
            return new FetchDataInfo(startOffset, startOffset, MemoryRecords.EMPTY, List.of());
        }
        Map.Entry<Long, LogSegment> entry = segments.floorEntry(startOffset);
        while (entry != null) {
            LogSegment segment = entry.getValue();
            long maxPosition = SegmentSearch.maxPositionIn(segments, segment, maxOffset);
            FetchSlice slice = segment.read(startOffset, maxBytes, maxPosition, minOneBatch);
            if (slice != null) {
                List<AbortedTxn> aborted = isolation == FetchIsolation.TXN_COMMITTED
                        ? SegmentSearch.abortedTxns(segments, startOffset, slice) : List.of();
                return new FetchDataInfo(startOffset, slice.firstBatchOffset(), slice.records(), aborted);
            }
            entry = segments.higherEntry(entry.getKey());
        }
        return new FetchDataInfo(startOffset, startOffset, MemoryRecords.EMPTY, List.of());
    }

    /** The earliest record whose timestamp is at least {@code targetTimestamp} (ListOffsets by time). */
    public Optional<TimestampAndOffset> fetchOffsetByTimestamp(long targetTimestamp) {
        return SegmentSearch.offsetByTimestamp(segments, targetTimestamp, logStartOffset);
    }

    /** The record with the largest timestamp (ListOffsets MAX_TIMESTAMP, -3). */
    public Optional<TimestampAndOffset> maxTimestampAndOffset() {
        return SegmentSearch.maxTimestampAndOffset(segments);
    }

    /**
     * Removes every batch at or above {@code targetOffset} (a follower diverging from its leader).
     *
     * @return whether anything was removed
     */
    public boolean truncateTo(long targetOffset) {
        if (targetOffset < 0) {
            throw new IllegalArgumentException("topicPartition=" + topicPartition + " targetOffset=" + targetOffset);
        }
        if (targetOffset >= logEndOffset) {
            return false;
        }
        if (targetOffset < logStartOffset) {
            truncateFullyAndStartAt(targetOffset);
            return true;
        }
        for (LogSegment segment : new ArrayList<>(segments.tailMap(targetOffset, false).values())) {
            if (segment.baseOffset() > targetOffset || segments.size() > 1 && segment.baseOffset() == targetOffset) {
                removeSegment(segment, true);
            }
        }
        if (segments.isEmpty()) {
            LogSegment fresh = LogSegment.open(dir, targetOffset, config, time.milliseconds());
            fresh.resizeIndexesToMax();
            segments.put(targetOffset, fresh);
        }
        LogSegment active = active();
        active.truncateTo(targetOffset);
        active.resizeIndexesToMax();
        logEndOffset = active.readNextOffset();
        if (logEndOffset < logStartOffset) {
            // The target fell inside a batch that straddles the log start offset (DeleteRecords can
            // leave it mid-batch); the whole batch is gone, so the start moves down with the end.
            logStartOffset = logEndOffset;
        }
        afterTruncation();
        return true;
    }

    /** Deletes the whole log and restarts it, empty, at {@code newOffset}. */
    public void truncateFullyAndStartAt(long newOffset) {
        for (LogSegment segment : new ArrayList<>(segments.values())) {
            removeSegment(segment, true);
        }
        LogSegment fresh = LogSegment.open(dir, newOffset, config, time.milliseconds());
        fresh.resizeIndexesToMax();
        segments.put(newOffset, fresh);
        logStartOffset = newOffset;
        logEndOffset = newOffset;
        epochCache.truncateFromStart(newOffset);
        afterTruncation();
    }

    private void afterTruncation() {
        epochCache.truncateFromEnd(logEndOffset);
        highWatermark = Math.min(highWatermark, logEndOffset);
        recoveryPoint = Math.min(recoveryPoint, logEndOffset);
        ProducerStateReplay.rebuild(dir, producerState, segments, logStartOffset, logEndOffset);
    }

    /**
     * Advances the log start offset (DeleteRecords; offset -1 means the high watermark) and deletes
     * the segments that now lie entirely below it.
     *
     * @return the new log start offset (the low watermark)
     * @throws OffsetOutOfRangeException if {@code offset} is beyond the high watermark
     */
    public long deleteRecordsBefore(long offset) {
        long target = offset == -1 ? highWatermark : offset;
        if (target > highWatermark || target < 0) {
            throw new OffsetOutOfRangeException("topicPartition=" + topicPartition + " deleteBeforeOffset=" + offset
                    + " highWatermark=" + highWatermark + " logStartOffset=" + logStartOffset);
        }
        if (target > logStartOffset) {
            logStartOffset = target;
            epochCache.truncateFromStart(target);
            deleteOldSegments();
        }
        return logStartOffset;
    }

    /**
     * Applies retention: deletes, oldest first, whole non-active segments that lie below the log
     * start offset or (with cleanup.policy containing delete) are older than retention.ms or beyond
     * retention.bytes. Only segments wholly below the high watermark are deleted.
     *
     * @return the number of segments deleted
     */
    public int deleteOldSegments() {
        LogConfig cfg = config;
        long nowMs = time.milliseconds();
        List<LogSegment> deletable = RetentionPolicy.deletableSegments(new ArrayList<>(segments.values()), cfg,
                nowMs, logStartOffset, highWatermark);
        for (LogSegment segment : deletable) {
            removeSegment(segment, false);
        }
        int deleted = deletable.size();
        if (deleted > 0) {
            long first = segments.firstKey();
            if (first > logStartOffset) {
                logStartOffset = first;
                epochCache.truncateFromStart(first);
            }
        }
        pendingDeletes.deleteDue(nowMs);
        return deleted;
    }

    /**
     * Drops a segment from the log. Its files are renamed {@code *.deleted} and removed after
     * {@code file.delete.delay.ms}, so that reads still sending its bytes can finish; immediately
     * when {@code now} (truncation: the bytes are invalid).
     */
    private void removeSegment(LogSegment segment, boolean now) {
        segments.remove(segment.baseOffset());
        if (now) {
            segment.deleteIfExists();
            return;
        }
        segment.changeFileSuffixes("", LogFiles.DELETED_SUFFIX);
        pendingDeletes.schedule(segment, time.milliseconds() + config.fileDeleteDelayMs());
    }

    /**
     * Replaces {@code oldSegments} (consecutive, non-active) with {@code newSegments}, which the
     * cleaner wrote with {@link LogFiles#CLEANED_SUFFIX} file names. Crash-safe in this order: each
     * new segment is flushed and renamed {@code .swap} (the commit point: recovery finishes a swap it
     * finds), the old segments are renamed {@code .deleted}, the new ones lose their suffix; only then
     * does the segment map change, new segments first, so readers never see a gap. Old files are
     * removed after {@code file.delete.delay.ms}. Recovery deletes {@code .cleaned} files (an
     * uncommitted cleaning) and completes {@code .swap} ones.
     *
     * @throws IllegalStateException if the old segments are no longer the log's (truncation or
     *     retention changed the log meanwhile); the caller deletes the new segments
     */
    public void replaceSegments(List<LogSegment> newSegments, List<LogSegment> oldSegments) {
        LogSegment active = active();
        for (LogSegment old : oldSegments) {
            if (segments.get(old.baseOffset()) != old || old == active) {
                throw new IllegalStateException("topicPartition=" + topicPartition + " segment=" + old.baseOffset()
                        + " reason=segmentNoLongerInLogOrActive");
            }
        }
        for (LogSegment segment : newSegments) {
            segment.onBecomeInactiveSegment();
            segment.flush();
            segment.changeFileSuffixes(LogFiles.CLEANED_SUFFIX, LogFiles.SWAP_SUFFIX);
        }
        for (LogSegment old : oldSegments) {
            old.changeFileSuffixes("", LogFiles.DELETED_SUFFIX);
        }
        for (LogSegment segment : newSegments) {
            segment.changeFileSuffixes(LogFiles.SWAP_SUFFIX, "");
            segments.put(segment.baseOffset(), segment);
        }
        for (LogSegment old : oldSegments) {
            segments.remove(old.baseOffset(), old);
            pendingDeletes.schedule(old, time.milliseconds() + config.fileDeleteDelayMs());
        }
    }

    /**
     * Flushes everything, snapshots producer state at the log end offset (so the next open needs no
     * replay) and closes the files. The caller writes the clean-shutdown marker afterwards.
     */
    @Override
    public void close() {
        flush();
        if (producerState.mapEndOffset() <= logEndOffset) {
            producerState.takeSnapshot(dir, logEndOffset);
        }
        pendingDeletes.deleteDue(Long.MAX_VALUE);
        for (LogSegment segment : segments.values()) {
            segment.close();
        }
    }

    @Override
    public String toString() {
        return "PartitionLog(topicPartition=" + topicPartition + ", logStartOffset=" + logStartOffset
                + ", logEndOffset=" + logEndOffset + ", highWatermark=" + highWatermark + ", segments="
                + segments.size() + ")";
    }
}
