package dev.millrace.storage.cleaner;

import dev.millrace.common.TopicPartition;
import dev.millrace.storage.cleaner.LogSnapshot.SegmentInfo;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How dirty one compacted log is, and whether it should be cleaned now: the selection rules of
 * Kafka's cleaner manager, as pure functions of a {@link LogSnapshot}, a checkpointed offset and the
 * current time (no I/O, no clock: deterministic in tests).
 *
 * <p>Rules, in Kafka's terms:
 * <ul>
 *   <li>The <b>first dirty offset</b> is the checkpointed offset, or the log start offset when
 *   there is none, it is below the log start offset, or it is beyond the log end offset (the log
 *   was truncated under it: everything is treated as dirty).</li>
 *   <li>The <b>first uncleanable offset</b> is the smallest of: the active segment's base offset,
 *   the high watermark, the last stable offset, and, when {@code min.compaction.lag.ms > 0}, the
 *   base offset of the first segment at or after the one holding the first dirty offset whose
 *   largest timestamp is newer than {@code now - min.compaction.lag.ms}; never below the first
 *   dirty offset. The cleanable (dirty) range is {@code [firstDirtyOffset, firstUncleanableOffset)}.</li>
 *   <li><b>Bytes</b>: over the non-active segments below the first uncleanable offset, a segment
 *   lying wholly below the first dirty offset counts as clean, one holding any offset of the dirty
 *   range counts as dirty (a segment the first dirty offset cuts is dirty as a whole; Kafka counts
 *   it on both sides). The <b>dirty ratio</b> is {@code dirty / (clean + dirty)}.</li>
 *   <li><b>Max compaction delay</b>: with {@code cleanUntil = now - max.compaction.lag.ms} and
 *   {@code earliest} the smallest positive first-batch timestamp of the non-active segments from
 *   the one holding the first dirty offset, the delay is {@code cleanUntil - earliest} when
 *   positive, else 0.</li>
 *   <li>A log is <b>eligible</b> when it has dirty bytes and its ratio is at least
 *   {@code min.cleanable.dirty.ratio} or its max compaction delay is positive. The dirtiest
 *   eligible log (highest ratio) is cleaned first.</li>
 * </ul>
 *
 * @param topicPartition the partition
 * @param firstDirtyOffset start of the dirty range
 * @param firstUncleanableOffset end (exclusive) of the dirty range
 * @param cleanBytes bytes of segments wholly below the dirty range
 * @param dirtyBytes bytes of non-active segments holding part of the dirty range
 * @param maxCompactionDelayMs how long past {@code max.compaction.lag.ms} the oldest dirty record is, or 0
 * @param minCleanableRatio the topic's {@code min.cleanable.dirty.ratio}
 */
public record CleanableLog(TopicPartition topicPartition, long firstDirtyOffset, long firstUncleanableOffset,
                           long cleanBytes, long dirtyBytes, long maxCompactionDelayMs, double minCleanableRatio) {

    /** {@code dirtyBytes / (cleanBytes + dirtyBytes)}, or 0 when both are 0. */
    public double dirtyRatio() {
        long total = cleanBytes + dirtyBytes;
        return total == 0 ? 0.0 : (double) dirtyBytes / total;
    }

    /** Whether the max compaction lag forces cleaning regardless of the ratio. */
    public boolean needsCompactionNow() {
        return maxCompactionDelayMs > 0 && dirtyBytes > 0;
    }

    /** Whether the log should be cleaned (see the class notes). */
    public boolean isEligible() {
        return dirtyBytes > 0 && (dirtyRatio() >= minCleanableRatio || maxCompactionDelayMs > 0);
    }

    /**
     * The first dirty offset for a checkpointed offset: the checkpoint when it lies within
     * {@code [logStartOffset, logEndOffset]}, otherwise the log start offset.
     */
    public static long firstDirtyOffset(OptionalLong checkpointed, long logStartOffset, long logEndOffset) {
        if (checkpointed.isEmpty()) {
            return logStartOffset;
        }
        long offset = checkpointed.getAsLong();
        return offset < logStartOffset || offset > logEndOffset ? logStartOffset : offset;
    }

    /** Applies the rules of the class notes to {@code log} at {@code nowMs}. */
    public static CleanableLog evaluate(LogSnapshot log, OptionalLong checkpointed, long nowMs) {
        long firstDirty = firstDirtyOffset(checkpointed, log.logStartOffset(), log.logEndOffset());
        int nonActive = log.segments().size() - 1;
        long firstUncleanable = Math.min(Math.min(log.highWatermark(), log.lastStableOffset()),
                log.activeSegmentBaseOffset());
        long minLagMs = log.config().minCompactionLagMs();
        long maxLagMs = log.config().maxCompactionLagMs();
        long earliestFirstTimestamp = Long.MAX_VALUE;
        boolean lagFound = false;
        for (int i = 0; i < nonActive; i++) {
            SegmentInfo segment = log.segments().get(i);
            if (log.nextBaseOffset(i) <= firstDirty) {
                continue;
            }
            if (segment.firstBatchTimestampMs() > 0) {
                earliestFirstTimestamp = Math.min(earliestFirstTimestamp, segment.firstBatchTimestampMs());
            }
            if (minLagMs > 0 && !lagFound && segment.largestTimestampMs() > nowMs - minLagMs) {
                firstUncleanable = Math.min(firstUncleanable, segment.baseOffset());
                lagFound = true;
            }
        }
        firstUncleanable = Math.max(firstDirty, firstUncleanable);
        long clean = 0;
        long dirty = 0;
        for (int i = 0; i < nonActive; i++) {
            SegmentInfo segment = log.segments().get(i);
            long next = log.nextBaseOffset(i);
            if (next <= firstDirty) {
                clean += segment.sizeInBytes();
            } else if (segment.baseOffset() < firstUncleanable && firstDirty < firstUncleanable) {
                dirty += segment.sizeInBytes();
            }
        }
        long cleanUntil = nowMs - maxLagMs;
        long delay = earliestFirstTimestamp < cleanUntil ? cleanUntil - earliestFirstTimestamp : 0;
        return new CleanableLog(log.topicPartition(), firstDirty, firstUncleanable, clean, dirty, delay,
                log.config().minCleanableDirtyRatio());
    }

    /** The eligible log with the highest dirty ratio (the first of equals), or empty if none is eligible. */
    public static Optional<CleanableLog> dirtiest(Collection<CleanableLog> logs) {
        CleanableLog best = null;
        for (CleanableLog log : logs) {
            if (log.isEligible() && (best == null || log.dirtyRatio() > best.dirtyRatio())) {
                best = log;
            }
        }
        return Optional.ofNullable(best);
    }
}
