package dev.millrace.storage.cleaner;

import static dev.millrace.storage.cleaner.CleanerTestSupport.append;
import static dev.millrace.storage.cleaner.CleanerTestSupport.bytes;
import static dev.millrace.storage.cleaner.CleanerTestSupport.compactConfig;
import static dev.millrace.storage.cleaner.CleanerTestSupport.describe;
import static dev.millrace.storage.cleaner.CleanerTestSupport.rollAndCommit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.header.Header;
import dev.millrace.common.header.RecordHeader;
import dev.millrace.common.record.TimestampType;
import dev.millrace.common.time.ManualTime;
import dev.millrace.protocol.record.CompressionType;
import dev.millrace.protocol.record.MemoryRecords;
import dev.millrace.protocol.record.RecordBatch;
import dev.millrace.protocol.record.RecordBatchBuilder;
import dev.millrace.storage.cleaner.CleanerTestSupport.Batch;
import dev.millrace.storage.cleaner.CleanerTestSupport.Rec;
import dev.millrace.storage.log.AppendOrigin;
import dev.millrace.storage.log.FileBatch;
import dev.millrace.storage.log.LogConfig;
import dev.millrace.storage.log.LogFiles;
import dev.millrace.storage.log.LogSegment;
import dev.millrace.storage.log.PartitionLog;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CleanerTest {
    private final ManualTime time = new ManualTime(CleanerTestSupport.START_MS);
    private final Cleaner cleaner = new Cleaner(new OffsetMap(64 * 1024), 0.9, 8192, time);
    private OptionalLong checkpoint = OptionalLong.empty();
    private PartitionLog log;

    @TempDir
    Path dir;

    @AfterEach
    void closeLog() {
        if (log != null) {
            log.close();
        }
    }

    private PartitionLog open(Object... overrides) {
        log = CleanerTestSupport.open(dir, "orders", compactConfig(overrides), time, true);
        return log;
    }

    private CleanResult clean() {
        CleanResult result = cleaner.clean(log, checkpoint, Runnable::run);
        if (result.completed()) {
            checkpoint = OptionalLong.of(result.cleanedUpToOffset());
        }
        return result;
    }

    private List<ByteBuffer> rawBatches() {
        List<ByteBuffer> out = new ArrayList<>();
        for (LogSegment segment : log.segments()) {
            for (FileBatch batch : segment.log().batches()) {
                out.add(segment.log().load(batch).buffer());
            }
        }
        return out;
    }

    @Test
    void shouldKeepOnlyTheLatestValueOfEachKeyWithOffsetsPreserved() {
        open();
        append(log, time, "a", "a1", "b", "b1");
        append(log, time, "a", "a2", "c", "c1");
        log.roll();
        append(log, time, "b", "b2");
        rollAndCommit(log);

        CleanResult result = clean();

        assertThat(result.completed()).isTrue();
        assertThat(result.firstDirtyOffset()).isZero();
        assertThat(result.cleanedUpToOffset()).isEqualTo(5);
        assertThat(result.recordsRemoved()).isEqualTo(2);
        assertThat(describe(log)).containsExactly("2:a=a2", "3:c=c1", "4:b=b2");
        assertThat(log.logEndOffset()).isEqualTo(5);
        CleanerTestSupport.checkIntegrity(log, "afterClean");
    }

    @Test
    void shouldCopyFullyRetainedBatchesByteForByte() {
        open();
        CleanerTestSupport.appendCompressed(log, time, CompressionType.GZIP, "a", "a1", "b", "b1");
        append(log, time, "c", "c1");
        append(log, time, "c", "c2");
        rollAndCommit(log);
        ByteBuffer firstBefore = rawBatches().get(0);

        clean();

        List<ByteBuffer> after = rawBatches();
        assertThat(after).hasSize(2);
        assertThat(after.get(0)).isEqualTo(firstBefore);
    }

    @Test
    void shouldRebuildPartlyRetainedBatchWithTheOriginalBatchFields() {
        open();
        Header[] headers = {new RecordHeader("trace", bytes("t-1"))};
        MemoryRecords batch = new RecordBatchBuilder().compression(CompressionType.LZ4)
                .producerState(7L, (short) 3, 10)
                .append(time.milliseconds(), bytes("a"), bytes("a1"), headers)
                .append(time.milliseconds() + 5, bytes("b"), bytes("b1"), null)
                .append(time.milliseconds() + 9, bytes("c"), bytes("c1"), headers)
                .build();
        log.appendAsLeader(batch, 4, AppendOrigin.CLIENT);
        append(log, time, "c", "c2");
        rollAndCommit(log);

        clean();

        RecordBatch rebuilt = MemoryRecords.readableRecords(rawBatches().get(0)).batches().iterator().next();
        assertThat(rebuilt.compressionType()).isEqualTo(CompressionType.LZ4);
        assertThat(rebuilt.baseOffset()).isZero();
        assertThat(rebuilt.lastOffset()).as("last offset delta kept").isEqualTo(2);
        assertThat(rebuilt.producerId()).isEqualTo(7L);
        assertThat(rebuilt.producerEpoch()).isEqualTo((short) 3);
        assertThat(rebuilt.baseSequence()).isEqualTo(10);
        assertThat(rebuilt.lastSequence()).as("producer's last sequence survives").isEqualTo(12);
        assertThat(rebuilt.partitionLeaderEpoch()).isEqualTo(4);
        assertThat(rebuilt.hasDeleteHorizon()).isFalse();
        assertThat(rebuilt.isValid()).isTrue();
        Batch read = CleanerTestSupport.toBatch(rebuilt);
        assertThat(read.records()).extracting(Rec::describe).containsExactly("0:a=a1", "1:b=b1");
        assertThat(read.records().get(0).headers()).containsExactly("trace=t-1");
        assertThat(read.records().get(1).timestamp()).isEqualTo(CleanerTestSupport.START_MS + 5);
    }

    @Test
    void shouldKeepLogAppendTimeWhenRebuilding() {
        open(LogConfig.MESSAGE_TIMESTAMP_TYPE, "LogAppendTime");
        append(log, time, "a", "a1", "b", "b1");
        long appendTime = time.milliseconds();
        time.advance(1_000);
        append(log, time, "a", "a2");
        rollAndCommit(log);

        clean();

        RecordBatch rebuilt = MemoryRecords.readableRecords(rawBatches().get(0)).batches().iterator().next();
        assertThat(rebuilt.timestampType()).isEqualTo(TimestampType.LOG_APPEND_TIME);
        assertThat(rebuilt.maxTimestamp()).isEqualTo(appendTime);
        assertThat(CleanerTestSupport.toBatch(rebuilt).records()).extracting(Rec::timestamp)
                .containsExactly(appendTime);
        assertThat(describe(log)).containsExactly("1:b=b1", "2:a=a2");
    }

    @Test
    void shouldKeepTombstonesUntilDeleteRetentionHasPassedSinceTheirFirstCleaning() {
        open(LogConfig.DELETE_RETENTION_MS, 10_000);
        append(log, time, "a", "a1", "b", "b1");
        append(log, time, "a", null);
        rollAndCommit(log);
        time.advance(50_000); // the tombstone's age before its first cleaning does not count

        clean();
        long firstCleaning = time.milliseconds();
        assertThat(describe(log)).containsExactly("1:b=b1", "2:a=null");
        Batch tombstoneBatch = CleanerTestSupport.batches(log).get(1);
        assertThat(tombstoneBatch.deleteHorizonMs()).hasValue(firstCleaning + 10_000);
        assertThat(clean().pendingDeleteHorizonMs()).isEqualTo(firstCleaning + 10_000);

        time.advance(9_999);
        clean();
        assertThat(describe(log)).as("one millisecond before the horizon").containsExactly("1:b=b1", "2:a=null");

        time.advance(1);
        CleanResult expired = clean();
        assertThat(describe(log)).as("at the horizon").containsExactly("1:b=b1");
        assertThat(expired.pendingDeleteHorizonMs()).isEqualTo(-1);
        assertThat(log.logEndOffset()).isEqualTo(3);
    }

    @Test
    void shouldRemoveOlderValuesOfADeletedKeyInTheFirstCleaning() {
        open(LogConfig.DELETE_RETENTION_MS, 10_000);
        append(log, time, "a", "a1");
        log.roll();
        append(log, time, "a", "a2");
        append(log, time, "a", null);
        rollAndCommit(log);

        clean();

        assertThat(describe(log)).containsExactly("2:a=null");
    }

    @Test
    void shouldNotCleanSegmentsYoungerThanMinCompactionLag() {
        open(LogConfig.MIN_COMPACTION_LAG_MS, 60_000);
        append(log, time, "a", "a1", "b", "b1");
        log.roll();
        time.advance(100_000);
        append(log, time, "a", "a2");
        rollAndCommit(log);

        CleanResult result = clean();

        assertThat(result.firstUncleanableOffset()).as("second segment is too young").isEqualTo(2);
        assertThat(describe(log)).containsExactly("0:a=a1", "1:b=b1", "2:a=a2");

        time.advance(60_001);
        clean();
        assertThat(describe(log)).containsExactly("1:b=b1", "2:a=a2");
    }

    @Test
    void shouldNotCleanBeyondTheHighWatermark() {
        open();
        append(log, time, "a", "a1");
        log.roll();
        log.updateHighWatermark(1);
        append(log, time, "a", "a2");
        log.roll();

        CleanResult result = clean();

        assertThat(result.firstUncleanableOffset()).isEqualTo(1);
        assertThat(result.cleanedUpToOffset()).isEqualTo(1);
        assertThat(describe(log)).containsExactly("0:a=a1", "1:a=a2");
    }

    @Test
    void shouldKeepRecordsWithoutKey() {
        open();
        append(log, time, null, "x1", "a", "a1");
        append(log, time, null, "x2", "a", "a2");
        rollAndCommit(log);

        clean();

        assertThat(describe(log)).containsExactly("0:null=x1", "2:null=x2", "3:a=a2");
    }

    @Test
    void shouldCleanInSeveralPassesWhenTheOffsetMapIsSmall() {
        Cleaner small = new Cleaner(new OffsetMap(4 * OffsetMap.BYTES_PER_ENTRY), 0.5, 512, time);
        open();
        for (int i = 0; i < 3; i++) {
            append(log, time, "a", "a" + i, "b", "b" + i, "c", "c" + i, "d", "d" + i);
        }
        rollAndCommit(log);

        CleanResult first = small.clean(log, OptionalLong.empty(), Runnable::run);
        assertThat(first.cleanedUpToOffset()).as("two keys fit").isEqualTo(2);
        assertThat(describe(log)).hasSize(12);
        long next = first.cleanedUpToOffset();
        int passes = 1;
        while (next < 12) {
            next = small.clean(log, OptionalLong.of(next), Runnable::run).cleanedUpToOffset();
            passes++;
        }
        assertThat(passes).isGreaterThan(2);
        assertThat(describe(log)).containsExactly("8:a=a2", "9:b=b2", "10:c=c2", "11:d=d2");
    }

    @Test
    void shouldMergeSmallSegmentsIntoGroupsWithinSegmentBytes() {
        open(LogConfig.SEGMENT_BYTES, 400);
        for (int i = 0; i < 40; i++) {
            append(log, time, "k" + (i % 4), "value-" + i);
        }
        rollAndCommit(log);
        int before = log.segments().size();

        CleanResult first = clean();
        CleanResult second = clean();

        assertThat(before).isGreaterThan(5);
        assertThat(first.segmentsReplaced()).as("full segments are rewritten one by one").isEqualTo(before - 1);
        assertThat(second.segmentsReplaced()).isEqualTo(before - 1);
        assertThat(second.segmentsWritten()).as("the emptied segments merge").isLessThan(before - 1);
        assertThat(log.segments().size()).isLessThan(before);
        for (LogSegment segment : log.segments()) {
            assertThat(segment.sizeInBytes()).isLessThanOrEqualTo(400);
        }
        assertThat(describe(log)).containsExactly("36:k0=value-36", "37:k1=value-37", "38:k2=value-38",
                "39:k3=value-39");
        CleanerTestSupport.checkIntegrity(log, "afterGrouping");
    }

    @Test
    void shouldLeaveNoCleanedOrSwapFilesAfterAPass() throws Exception {
        open();
        append(log, time, "a", "a1");
        append(log, time, "a", "a2");
        rollAndCommit(log);

        clean();

        assertThat(CleanerTestSupport.filesEndingWith(dir, LogFiles.CLEANED_SUFFIX)).isEmpty();
        assertThat(CleanerTestSupport.filesEndingWith(dir, LogFiles.SWAP_SUFFIX)).isEmpty();
    }

    @Test
    void shouldReturnTheCompactedDataThroughReadsAfterReopening() {
        open();
        append(log, time, "a", "a1", "b", "b1");
        append(log, time, "a", "a2");
        rollAndCommit(log);
        clean();
        log.close();

        log = PartitionLog.open(dir, log.topicPartition(), log.config(), 0, 0, false, time, null);

        assertThat(describe(log)).containsExactly("1:b=b1", "2:a=a2");
        assertThat(log.read(0, 100_000, dev.millrace.storage.log.FetchIsolation.LOG_END, true).firstBatchOffset())
                .as("a rebuilt batch keeps its base offset").isZero();
    }

    @Test
    void shouldRejectALogWhosePolicyDoesNotIncludeCompact() {
        log = CleanerTestSupport.open(dir, "orders", Map.of(LogConfig.CLEANUP_POLICY, "delete"), time, true);

        assertThatThrownBy(() -> cleaner.clean(log, OptionalLong.empty(), Runnable::run))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reason=cleanupPolicyDoesNotIncludeCompact");
    }

    @Test
    void shouldEndIncompleteAndDeleteCleanedFilesWhenTheLogChangedBeforeTheSwap() throws Exception {
        open(LogConfig.SEGMENT_BYTES, 200);
        append(log, time, "a", "a1");
        log.roll();
        append(log, time, "a", "a2");
        rollAndCommit(log);
        OwnerCalls owner = new OwnerCalls(Runnable::run);
        CleaningPlan plan = cleaner.plan(log, OptionalLong.empty(), owner);
        LogSegment cleaned = cleaner.rewrite(plan, plan.groups().get(0), owner);
        log.truncateTo(1); // a follower truncation drops the second segment

        boolean swapped = cleaner.swap(plan, log, cleaned, plan.groups().get(0), owner);

        assertThat(swapped).isFalse();
        assertThat(CleanerTestSupport.filesEndingWith(dir, LogFiles.CLEANED_SUFFIX)).isEmpty();
        assertThat(describe(log)).containsExactly("0:a=a1");
    }

    @Test
    void shouldAbortRatherThanFailWhenRetentionRemovesSegmentsUnderThePass() {
        open(LogConfig.CLEANUP_POLICY, "compact,delete");
        append(log, time, "a", "a1");
        log.roll();
        append(log, time, "a", "a2");
        rollAndCommit(log);
        int[] calls = {0};
        java.util.function.Consumer<Runnable> owner = task -> {
            task.run();
            if (calls[0]++ == 0) {
                log.deleteRecordsBefore(log.logEndOffset()); // the owner deletes both old segments right away
            }
        };

        assertThatThrownBy(() -> cleaner.clean(log, OptionalLong.empty(), owner))
                .isInstanceOf(CleaningAbortedException.class)
                .hasMessageContaining("reason=segmentsRemovedWhileBeingCleaned");
        assertThat(log.segments()).hasSize(1);
    }
}
