package dev.millrace.storage.log;

import dev.millrace.storage.index.AbortedTxn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * Searches across a log's segments for the read path: the file position a bounded read stops at,
 * aborted transactions overlapping a read, records by timestamp. Reads only immutable facts of the
 * segments, so it may run on fetch threads. Stateless.
 */
final class SegmentSearch {
    private SegmentSearch() {
    }

    /** File position in {@code segment} that a read bounded by {@code maxOffset} must not reach. */
    static long maxPositionIn(NavigableMap<Long, LogSegment> segments, LogSegment segment, long maxOffset) {
        Map.Entry<Long, LogSegment> next = segments.higherEntry(segment.baseOffset());
        if (next != null && next.getKey() <= maxOffset) {
            return segment.sizeInBytes();
        }
        FileBatch bound = segment.translateOffset(maxOffset, 0);
        return bound == null ? segment.sizeInBytes() : bound.position();
    }

    /** Aborted transactions overlapping a read_committed read from {@code startOffset}. */
    static List<AbortedTxn> abortedTxns(NavigableMap<Long, LogSegment> segments, long startOffset, FetchSlice slice) {
        long upperBound = startOffset + Math.max(1, slice.records().sizeInBytes());
        List<AbortedTxn> result = new ArrayList<>();
        for (LogSegment segment : segments.tailMap(segments.floorKey(startOffset), true).values()) {
            var search = segment.txnIndex().collectAbortedTxns(startOffset, upperBound);
            result.addAll(search.abortedTransactions());
            if (search.isComplete()) {
                break;
            }
        }
        return result;
    }

    /** The earliest record with timestamp at least {@code targetTimestamp}, at or after {@code logStartOffset}. */
    static Optional<TimestampAndOffset> offsetByTimestamp(NavigableMap<Long, LogSegment> segments,
                                                          long targetTimestamp, long logStartOffset) {
        for (LogSegment segment : segments.values()) {
            if (segment.maxTimestampSoFar() < targetTimestamp) {
                continue;
            }
            long[] found = segment.findOffsetByTimestamp(targetTimestamp, logStartOffset);
            if (found != null) {
                return Optional.of(new TimestampAndOffset(found[0], found[1]));
            }
        }
        return Optional.empty();
    }

    /** The record with the largest timestamp, the first of equals. */
    static Optional<TimestampAndOffset> maxTimestampAndOffset(NavigableMap<Long, LogSegment> segments) {
        TimestampAndOffset best = null;
        for (LogSegment segment : segments.values()) {
            if (best != null && segment.maxTimestampSoFar() <= best.timestamp()) {
                continue;
            }
            long[] found = segment.log().largestTimestampAfter(0);
            if (found != null && (best == null || found[0] > best.timestamp())) {
                best = new TimestampAndOffset(found[0], found[1]);
            }
        }
        return Optional.ofNullable(best);
    }
}
