package dev.millrace.storage.cleaner;

import dev.millrace.protocol.record.Record;
import dev.millrace.protocol.record.RecordBatch;
import dev.millrace.storage.log.LogSegment;

/**
 * Fills the {@link OffsetMap} from the dirty range {@code [firstDirtyOffset, firstUncleanableOffset)}
 * of a log, oldest segment first, as Kafka's cleaner does:
 * <ul>
 *   <li>every keyed record of a data batch in the range goes into the map (a later offset of the
 *   same key replaces an earlier one); records without key are not mapped;</li>
 *   <li>batches of aborted transactions ({@link TransactionTracker}) and control batches are not
 *   mapped, so aborted data never hides committed data;</li>
 *   <li>the map is "full" when it holds {@code slots * load factor} keys; mapping stops before the
 *   record that would exceed that, possibly in the middle of a batch. {@link OffsetMap#latestOffset()}
 *   is then the last offset mapped: every keyed record of {@code [firstDirtyOffset, latestOffset]}
 *   is in the map, and the pass cleans up to {@code latestOffset + 1}. When nothing fills the map,
 *   {@code latestOffset = firstUncleanableOffset - 1}.</li>
 * </ul>
 * At least one record always fits (the capacity is at least 1), so every pass makes progress.
 *
 * <p>Threading: confined to one cleaner thread; reads only non-active segments.
 */
final class OffsetMapBuilder {
    private OffsetMapBuilder() {
    }

    /**
     * Builds the map for {@code range} of {@code inputs}.
     *
     * @return the offset the pass can clean up to ({@code map.latestOffset() + 1})
     */
    static long build(OffsetMap map, double loadFactor, CleaningInputs inputs, CleanableLog range,
                      SegmentBatchReader reader, OwnerCalls owner) {
        long start = range.firstDirtyOffset();
        long end = range.firstUncleanableOffset();
        map.clear();
        map.updateLatestOffset(start - 1);
        if (start >= end) {
            return start;
        }
        int capacity = (int) Math.max(1, Math.min(map.slots(), (long) (map.slots() * loadFactor)));
        SegmentMapper mapper = new SegmentMapper(map, capacity, start, end,
                new TransactionTracker(inputs.abortedTxns(), start), owner);
        LogSnapshot snapshot = inputs.snapshot();
        int nonActive = inputs.segments().size() - 1;
        for (int i = 0; i < nonActive; i++) {
            LogSegment segment = inputs.segments().get(i);
            long next = snapshot.nextBaseOffset(i);
            if (next <= start) {
                continue;
            }
            if (segment.baseOffset() >= end) {
                break;
            }
            reader.read(segment.log(), mapper);
            if (mapper.full) {
                break;
            }
            map.updateLatestOffset(Math.min(next, end) - 1);
        }
        return map.latestOffset() + 1;
    }

    /** Maps the batches of one segment after another; remembers whether the map filled up. */
    private static final class SegmentMapper implements SegmentBatchReader.Visitor {
        private final OffsetMap map;
        private final int capacity;
        private final long start;
        private final long end;
        private final TransactionTracker tracker;
        private final OwnerCalls owner;
        private boolean full;

        SegmentMapper(OffsetMap map, int capacity, long start, long end, TransactionTracker tracker,
                      OwnerCalls owner) {
            this.map = map;
            this.capacity = capacity;
            this.start = start;
            this.end = end;
            this.tracker = tracker;
            this.owner = owner;
        }

        @Override
        public boolean visit(RecordBatch batch, int position) {
            owner.checkNotAborted("buildOffsetMap");
            if (batch.lastOffset() < start) {
                return true;
            }
            if (batch.baseOffset() >= end) {
                return false;
            }
            if (batch.isControlBatch()) {
                tracker.onControlBatch(batch);
            } else if (!tracker.onDataBatch(batch)) {
                for (Record record : batch) {
                    if (record.offset() >= end) {
                        break;
                    }
                    if (record.hasKey() && record.offset() >= start) {
                        if (map.size() >= capacity) {
                            full = true;
                            return false;
                        }
                        map.put(record.key(), record.offset());
                    }
                }
            }
            map.updateLatestOffset(Math.min(batch.lastOffset(), end - 1));
            return true;
        }
    }
}
