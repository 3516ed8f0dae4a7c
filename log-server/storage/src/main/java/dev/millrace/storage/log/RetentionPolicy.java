package dev.millrace.storage.log;

import java.util.ArrayList;
import java.util.List;

/**
 * Which segments retention deletes, as a pure function of the log's shape: oldest first, a
 * contiguous prefix of non-active segments, each lying entirely below the log start offset, or (with
 * cleanup.policy containing delete) older than {@code retention.ms} or beyond {@code retention.bytes},
 * and only segments wholly below the high watermark. Stateless.
 */
final class RetentionPolicy {
    private RetentionPolicy() {
    }

    /**
     * @param ordered the log's segments, oldest first (the last one is the active segment)
     * @return the segments to delete, oldest first
     */
    static List<LogSegment> deletableSegments(List<LogSegment> ordered, LogConfig cfg, long nowMs, long logStartOffset,
                                              long highWatermark) {
        long size = 0;
        for (LogSegment segment : ordered) {
            size += segment.sizeInBytes();
        }
        long excessBytes = cfg.retentionBytes() < 0 ? 0 : size - cfg.retentionBytes();
        List<LogSegment> deletable = new ArrayList<>();
        for (int i = 0; i < ordered.size() - 1; i++) {
            LogSegment segment = ordered.get(i);
            long nextBase = ordered.get(i + 1).baseOffset();
            boolean belowStart = nextBase <= logStartOffset;
            boolean expired = cfg.retentionApplies() && cfg.retentionMs() >= 0
                    && nowMs - segment.largestTimestamp() > cfg.retentionMs();
            boolean tooBig = cfg.retentionApplies() && cfg.retentionBytes() >= 0
                    && excessBytes - segment.sizeInBytes() >= 0;
            if (!(belowStart || expired || tooBig) || nextBase > highWatermark) {
                break;
            }
            excessBytes -= segment.sizeInBytes();
            deletable.add(segment);
        }
        return deletable;
    }
}
