package dev.millrace.storage.cleaner;

import dev.millrace.storage.cleaner.LogSnapshot.SegmentInfo;
import dev.millrace.storage.index.TimeIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the segments a pass rewrites into groups, each of which becomes ONE cleaned segment whose
 * base offset is the group's first base offset. Consecutive segments join a group while:
 * <ul>
 *   <li>the group's total log size stays within {@code segment.bytes};</li>
 *   <li>its offset span (from the first base offset to the last offset the next segment may hold,
 *   i.e. the base offset of the segment after it minus one) stays within {@code Integer.MAX_VALUE},
 *   because index entries store offsets relative to the base in 32 bits (an empty segment adds no
 *   span);</li>
 *   <li>the cleaned segment's indexes cannot overflow: the rebuilt offset index has at most the sum
 *   of the old entries plus one per segment (index points restart at each segment boundary), and
 *   the time index at most one entry more than that, which must fit the
 *   {@code segment.index.bytes / 12 - 1} usable time-index slots. This is stricter than Kafka's
 *   byte-size check and implies it.</li>
 * </ul>
 * A single segment always forms a group.
 *
 * <p>Stateless; pure function of the snapshot.
 */
final class SegmentGroups {
    private SegmentGroups() {
    }

    /**
     * Groups the non-active segments of {@code log} whose base offset is below {@code endOffset}.
     *
     * @return groups of segment indexes into {@code log.segments()}, in order
     */
    static List<List<Integer>> group(LogSnapshot log, long endOffset) {
        int count = 0;
        int nonActive = log.segments().size() - 1;
        while (count < nonActive && log.segments().get(count).baseOffset() < endOffset) {
            count++;
        }
        long maxBytes = log.config().segmentBytes();
        long maxEntries = log.config().segmentIndexBytes() / TimeIndex.ENTRY_SIZE - 1;
        List<List<Integer>> groups = new ArrayList<>();
        int i = 0;
        while (i < count) {
            List<Integer> group = new ArrayList<>();
            SegmentInfo first = log.segments().get(i);
            long bytes = first.sizeInBytes();
            long entries = first.offsetIndexEntries() + 1L;
            group.add(i++);
            while (i < count) {
                SegmentInfo next = log.segments().get(i);
                boolean fitsBytes = bytes + next.sizeInBytes() <= maxBytes;
                boolean fitsIndex = entries + next.offsetIndexEntries() + 1 <= maxEntries;
                boolean fitsSpan = next.sizeInBytes() == 0
                        || log.nextBaseOffset(i) - 1 - first.baseOffset() <= Integer.MAX_VALUE;
                if (!(fitsBytes && fitsIndex && fitsSpan)) {
                    break;
                }
                bytes += next.sizeInBytes();
                entries += next.offsetIndexEntries() + 1L;
                group.add(i++);
            }
            groups.add(List.copyOf(group));
        }
        return groups;
    }
}
