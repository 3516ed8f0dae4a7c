package dev.millrace.storage.cleaner;

import dev.millrace.storage.log.LogSegment;
import java.util.ArrayList;
import java.util.List;

/**
 * One cleaning pass in progress: what was captured from the log, the dirty range, the offset the
 * pass cleans up to, the groups of segments to rewrite, and the statistics so far.
 *
 * <p>Threading: confined to the thread running the pass.
 */
final class CleaningPlan {
    private final CleaningInputs inputs;
    private final CleanableLog range;
    private final long nowMs;
    private final long cleanedUpToOffset;
    private final List<List<LogSegment>> groups;
    private final SegmentRewriter rewriter;
    private int segmentsReplaced;
    private int segmentsWritten;
    private long bytesRead;
    private long bytesWritten;

    CleaningPlan(CleaningInputs inputs, CleanableLog range, long nowMs, long cleanedUpToOffset,
                 List<List<Integer>> groupIndexes, SegmentRewriter rewriter) {
        this.inputs = inputs;
        this.range = range;
        this.nowMs = nowMs;
        this.cleanedUpToOffset = cleanedUpToOffset;
        this.rewriter = rewriter;
        List<List<LogSegment>> resolved = new ArrayList<>(groupIndexes.size());
        for (List<Integer> group : groupIndexes) {
            List<LogSegment> segments = new ArrayList<>(group.size());
            for (int index : group) {
                segments.add(inputs.segments().get(index));
            }
            resolved.add(List.copyOf(segments));
        }
        this.groups = List.copyOf(resolved);
    }

    CleaningInputs inputs() {
        return inputs;
    }

    CleanableLog range() {
        return range;
    }

    long nowMs() {
        return nowMs;
    }

    long cleanedUpToOffset() {
        return cleanedUpToOffset;
    }

    /** The groups of old segments, in offset order; each becomes one cleaned segment. */
    List<List<LogSegment>> groups() {
        return groups;
    }

    SegmentRewriter rewriter() {
        return rewriter;
    }

    void addBytes(long read, long written) {
        bytesRead += read;
        bytesWritten += written;
    }

    void swapped(int oldSegments) {
        segmentsReplaced += oldSegments;
        segmentsWritten++;
    }

    CleanResult result(boolean completed) {
        return new CleanResult(inputs.snapshot().topicPartition(), range.firstDirtyOffset(),
                range.firstUncleanableOffset(), cleanedUpToOffset, completed, segmentsReplaced, segmentsWritten,
                bytesRead, bytesWritten, rewriter.recordsRead(), rewriter.recordsRemoved(),
                rewriter.emptyBatchesRetained(), rewriter.pendingDeleteHorizonMs());
    }
}
