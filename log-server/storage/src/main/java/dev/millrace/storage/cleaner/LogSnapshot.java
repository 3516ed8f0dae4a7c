package dev.millrace.storage.cleaner;

import dev.millrace.common.TopicPartition;
import dev.millrace.storage.log.FileBatch;
import dev.millrace.storage.log.LogConfig;
import dev.millrace.storage.log.LogSegment;
import dev.millrace.storage.log.PartitionLog;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * The facts about one partition log that deciding whether and what to clean needs, copied at one
 * instant on the log's owner thread so that {@link CleanableLog#evaluate} can run anywhere (and in
 * tests, on hand-made snapshots). Immutable.
 *
 * <p>Invariants: at least one segment; segments ordered by strictly increasing base offset; the
 * last one is the active segment.
 *
 * @param topicPartition the partition
 * @param config the topic config in force
 * @param logStartOffset the log start offset
 * @param logEndOffset the log end offset
 * @param highWatermark the high watermark
 * @param lastStableOffset the last stable offset (at most the high watermark)
 * @param segments every segment, oldest first, the active one last
 */
public record LogSnapshot(TopicPartition topicPartition, LogConfig config, long logStartOffset, long logEndOffset,
                          long highWatermark, long lastStableOffset, List<SegmentInfo> segments) {

    /**
     * One segment.
     *
     * @param baseOffset first offset the segment may hold
     * @param sizeInBytes size of its log file
     * @param largestTimestampMs its largest record timestamp, or its file's modification time when
     *     no record has one ({@link LogSegment#largestTimestamp()})
     * @param firstBatchTimestampMs max timestamp of its first batch, or -1 when unknown or not
     *     needed (only read for non-active segments of topics with a finite max.compaction.lag.ms)
     * @param offsetIndexEntries number of entries in its offset index
     */
    public record SegmentInfo(long baseOffset, int sizeInBytes, long largestTimestampMs, long firstBatchTimestampMs,
                              int offsetIndexEntries) {
    }

    /**
     * Copies the lists and checks the invariants.
     *
     * @throws IllegalArgumentException if there is no segment or base offsets do not increase
     */
    public LogSnapshot {
        Objects.requireNonNull(topicPartition, "topicPartition");
        Objects.requireNonNull(config, "config");
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("topicPartition=" + topicPartition + " reason=noSegments");
        }
        for (int i = 1; i < segments.size(); i++) {
            if (segments.get(i).baseOffset() <= segments.get(i - 1).baseOffset()) {
                throw new IllegalArgumentException("topicPartition=" + topicPartition + " segment="
                        + segments.get(i).baseOffset() + " previous=" + segments.get(i - 1).baseOffset()
                        + " reason=baseOffsetsNotIncreasing");
            }
        }
    }

    /**
     * Takes the snapshot. Must run on the log's owner thread: offsets, the segment list and the
     * active segment change under appends, rolls, retention and truncation.
     */
    public static LogSnapshot capture(PartitionLog log) {
        return capture(log, log.segments());
    }

    /** Takes the snapshot over {@code segments}, which the caller read from {@code log} on the owner thread. */
    static LogSnapshot capture(PartitionLog log, List<LogSegment> segments) {
        LogConfig config = log.config();
        boolean needFirstTimestamps = config.maxCompactionLagMs() != Long.MAX_VALUE;
        List<SegmentInfo> infos = new ArrayList<>(segments.size());
        for (int i = 0; i < segments.size(); i++) {
            LogSegment segment = segments.get(i);
            boolean active = i == segments.size() - 1;
            long firstBatchTimestamp = needFirstTimestamps && !active ? firstBatchTimestamp(segment) : -1;
            infos.add(new SegmentInfo(segment.baseOffset(), segment.sizeInBytes(), segment.largestTimestamp(),
                    firstBatchTimestamp, segment.offsetIndex().entries()));
        }
        return new LogSnapshot(log.topicPartition(), config, log.logStartOffset(), log.logEndOffset(),
                log.highWatermark(), log.lastStableOffset(), infos);
    }

    private static long firstBatchTimestamp(LogSegment segment) {
        Iterator<FileBatch> batches = segment.log().batchesFrom(0).iterator();
        return batches.hasNext() ? batches.next().maxTimestamp() : -1;
    }

    /** Base offset of the active (last) segment. */
    public long activeSegmentBaseOffset() {
        return segments.get(segments.size() - 1).baseOffset();
    }

    /** The base offset of the segment after segment {@code index}, or the log end offset for the active one. */
    public long nextBaseOffset(int index) {
        return index + 1 < segments.size() ? segments.get(index + 1).baseOffset() : Math.max(logEndOffset,
                segments.get(index).baseOffset());
    }
}
