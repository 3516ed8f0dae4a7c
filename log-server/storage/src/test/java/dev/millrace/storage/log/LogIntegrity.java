package dev.millrace.storage.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.storage.index.OffsetPosition;
import dev.millrace.storage.index.TimestampOffset;
import java.util.List;

/**
 * Invariants of a partition log, checked by tests after every step: segments ordered and
 * contiguous, batches with increasing offsets inside their segment's range, every offset-index entry
 * pointing at the start of a batch whose last offset it names, time-index entries increasing, and
 * the log end offset equal to the active segment's next offset.
 */
final class LogIntegrity {
    private LogIntegrity() {
    }

    static void check(PartitionLog log) {
        List<LogSegment> segments = log.segments();
        assertThat(segments).isNotEmpty();
        long previousLast = -1;
        for (int i = 0; i < segments.size(); i++) {
            LogSegment segment = segments.get(i);
            long limit = i + 1 < segments.size() ? segments.get(i + 1).baseOffset() : Long.MAX_VALUE;
            for (FileBatch batch : segment.log().batches()) {
                assertThat(batch.baseOffset()).as("segment=%d batch at %d", segment.baseOffset(), batch.position())
                        .isGreaterThan(previousLast).isGreaterThanOrEqualTo(segment.baseOffset());
                assertThat(batch.lastOffset()).isLessThan(limit);
                previousLast = batch.lastOffset();
            }
            long previousIndexed = -1;
            for (int e = 0; e < segment.offsetIndex().entries(); e++) {
                OffsetPosition entry = segment.offsetIndex().entry(e);
                assertThat(entry.offset()).isGreaterThan(previousIndexed);
                previousIndexed = entry.offset();
                FileBatch at = segment.log().searchForOffset(entry.offset(), entry.position());
                assertThat(at).as("index entry %s of segment %d", entry, segment.baseOffset()).isNotNull();
                assertThat(at.position()).as("index entry %s points at a batch start", entry)
                        .isEqualTo(entry.position());
                assertThat(at.lastOffset()).isEqualTo(entry.offset());
            }
            long previousTimestamp = -1;
            for (int e = 0; e < segment.timeIndex().entries(); e++) {
                TimestampOffset entry = segment.timeIndex().entry(e);
                assertThat(entry.timestamp()).isGreaterThan(previousTimestamp);
                previousTimestamp = entry.timestamp();
            }
        }
        LogSegment active = segments.get(segments.size() - 1);
        assertThat(log.logEndOffset()).isEqualTo(active.readNextOffset());
        assertThat(log.logStartOffset()).isLessThanOrEqualTo(log.highWatermark());
        assertThat(log.highWatermark()).isLessThanOrEqualTo(log.logEndOffset());
    }
}
