package dev.millrace.storage.log;

import static dev.millrace.storage.log.TestBatches.batch;
import static dev.millrace.storage.log.TestBatches.idempotent;
import static dev.millrace.storage.log.TestBatches.offsetsAndValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.TopicPartition;
import dev.millrace.common.errors.CorruptRecordException;
import dev.millrace.common.errors.InvalidTimestampException;
import dev.millrace.common.errors.OffsetOutOfRangeException;
import dev.millrace.common.errors.OutOfOrderSequenceException;
import dev.millrace.common.errors.RecordTooLargeException;
import dev.millrace.common.record.TimestampType;
import dev.millrace.common.time.ManualTime;
import dev.millrace.protocol.record.CompressionType;
import dev.millrace.protocol.record.MemoryRecords;
import dev.millrace.protocol.record.RecordBatch;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionLogTest {
    private static final TopicPartition TP = new TopicPartition("orders", 3);
    private final ManualTime time = new ManualTime(1_700_000_000_000L);

    @TempDir
    Path dir;

    private PartitionLog open(Map<String, String> overrides, boolean clean) {
        return PartitionLog.open(dir, TP, LogConfig.parse(overrides), 0, 0, clean, time, null);
    }

    private static MemoryRecords readAll(PartitionLog log, long from) {
        FetchDataInfo info = log.read(from, Integer.MAX_VALUE, FetchIsolation.LOG_END, true);
        if (info.records() instanceof FileRecords file) {
            return file.readAll();
        }
        return (MemoryRecords) info.records();
    }

    @Test
    void shouldAssignContiguousOffsetsAcrossSegmentRolls() {
        try (PartitionLog log = open(Map.of(LogConfig.SEGMENT_BYTES, "300"), true)) {
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                LogAppendInfo info = log.appendAsLeader(batch(time.milliseconds(), "a" + i, "b" + i), 0,
                        AppendOrigin.CLIENT);
                assertThat(info.firstOffset()).isEqualTo(2L * i);
                assertThat(info.lastOffset()).isEqualTo(2L * i + 1);
                expected.add((2 * i) + ":a" + i);
                expected.add((2 * i + 1) + ":b" + i);
            }
            assertThat(log.logEndOffset()).isEqualTo(40);
            assertThat(log.segments()).hasSizeGreaterThan(3);
            assertThat(TestBatches.values(log, 0)).isEqualTo(expected);
            LogIntegrity.check(log);
        }
    }

    @Test
    void shouldReopenAfterCleanShutdownWithoutRecovery() {
        try (PartitionLog log = open(Map.of(LogConfig.SEGMENT_BYTES, "300"), true)) {
            for (int i = 0; i < 10; i++) {
                log.appendAsLeader(batch(time.milliseconds(), "v" + i), 0, AppendOrigin.CLIENT);
            }
        }
        try (PartitionLog log = open(Map.of(LogConfig.SEGMENT_BYTES, "300"), true)) {
            assertThat(log.logEndOffset()).isEqualTo(10);
            assertThat(log.recoveryNotes()).isEmpty();
            assertThat(offsetsAndValues(readAll(log, 7), 7)).startsWith("7:v7");
            log.appendAsLeader(batch(time.milliseconds(), "after"), 0, AppendOrigin.CLIENT);
            assertThat(log.logEndOffset()).isEqualTo(11);
        }
    }

    @Test
    void shouldRejectOutOfRangeReads() {
        try (PartitionLog log = open(Map.of(), true)) {
            log.appendAsLeader(batch(time.milliseconds(), "x"), 0, AppendOrigin.CLIENT);
            assertThatThrownBy(() -> log.read(5, 100, FetchIsolation.LOG_END, true))
                    .isInstanceOf(OffsetOutOfRangeException.class).hasMessageContaining("fetchOffset=5")
                    .hasMessageContaining("logEndOffset=1");
            assertThat(log.read(1, 100, FetchIsolation.LOG_END, true).records().sizeInBytes()).isZero();
        }
    }

    @Test
    void shouldRejectCorruptBatchAndAppendNothing() {
        try (PartitionLog log = open(Map.of(), true)) {
            MemoryRecords records = batch(time.milliseconds(), "payload");
            ByteBuffer copy = ByteBuffer.allocate(records.sizeInBytes()).put(records.buffer()).flip();
            copy.put(copy.limit() - 1, (byte) (copy.get(copy.limit() - 1) ^ 0x55));
            assertThatThrownBy(() -> log.appendAsLeader(MemoryRecords.readableRecords(copy), 0, AppendOrigin.CLIENT))
                    .isInstanceOf(CorruptRecordException.class);
            assertThat(log.logEndOffset()).isZero();
            assertThat(log.sizeInBytes()).isZero();
        }
    }

    @Test
    void shouldRejectBatchLargerThanMaxMessageBytes() {
        try (PartitionLog log = open(Map.of(LogConfig.MAX_MESSAGE_BYTES, "100"), true)) {
            assertThatThrownBy(() -> log.appendAsLeader(batch(time.milliseconds(), "x".repeat(200)), 0,
                    AppendOrigin.CLIENT))
                    .isInstanceOf(RecordTooLargeException.class).hasMessageContaining("maxMessageBytes=100");
        }
    }

    @Test
    void shouldStampLogAppendTime() {
        try (PartitionLog log = open(Map.of(LogConfig.MESSAGE_TIMESTAMP_TYPE, "LogAppendTime"), true)) {
            LogAppendInfo info = log.appendAsLeader(batch(42L, "a", "b"), 7, AppendOrigin.CLIENT);
            assertThat(info.logAppendTimeMs()).isEqualTo(time.milliseconds());
            RecordBatch stored = readAll(log, 0).batches().iterator().next();
            stored.ensureValid();
            assertThat(stored.timestampType()).isEqualTo(TimestampType.LOG_APPEND_TIME);
            assertThat(stored.maxTimestamp()).isEqualTo(time.milliseconds());
            assertThat(stored.partitionLeaderEpoch()).isEqualTo(7);
        }
    }

    @Test
    void shouldRejectTimestampsTooFarInTheFuture() {
        try (PartitionLog log = open(Map.of(LogConfig.MESSAGE_TIMESTAMP_AFTER_MAX_MS, "1000"), true)) {
            assertThatThrownBy(() -> log.appendAsLeader(batch(time.milliseconds() + 5000, "late"), 0,
                    AppendOrigin.CLIENT))
                    .isInstanceOf(InvalidTimestampException.class);
        }
    }

    @Test
    void shouldAnswerIdempotentRetryWithOriginalOffsetsAndRejectGaps() {
        try (PartitionLog log = open(Map.of(), true)) {
            log.appendAsLeader(batch(time.milliseconds(), "other"), 0, AppendOrigin.CLIENT);
            LogAppendInfo first = log.appendAsLeader(idempotent(7, (short) 0, 0, time.milliseconds(), "a", "b"), 0,
                    AppendOrigin.CLIENT);
            LogAppendInfo retry = log.appendAsLeader(idempotent(7, (short) 0, 0, time.milliseconds(), "a", "b"), 0,
                    AppendOrigin.CLIENT);
            assertThat(retry.duplicate()).isTrue();
            assertThat(retry.firstOffset()).isEqualTo(first.firstOffset());
            assertThat(retry.lastOffset()).isEqualTo(first.lastOffset());
            assertThat(log.logEndOffset()).isEqualTo(3);
            assertThatThrownBy(() -> log.appendAsLeader(idempotent(7, (short) 0, 5, time.milliseconds(), "gap"), 0,
                    AppendOrigin.CLIENT))
                    .isInstanceOf(OutOfOrderSequenceException.class);
        }
    }

    @Test
    void shouldKeepProducerStateAcrossRestart() {
        try (PartitionLog log = open(Map.of(LogConfig.SEGMENT_BYTES, "200"), true)) {
            for (int seq = 0; seq < 6; seq++) {
                log.appendAsLeader(idempotent(9, (short) 1, seq, time.milliseconds(), "v" + seq), 0,
                        AppendOrigin.CLIENT);
            }
        }
        try (PartitionLog log = open(Map.of(LogConfig.SEGMENT_BYTES, "200"), false)) {
            LogAppendInfo retry = log.appendAsLeader(idempotent(9, (short) 1, 5, time.milliseconds(), "v5"), 0,
                    AppendOrigin.CLIENT);
            assertThat(retry.duplicate()).isTrue();
            assertThat(retry.firstOffset()).isEqualTo(5);
        }
    }

    @Test
    void shouldFindOffsetsByTimestamp() {
        try (PartitionLog log = open(Map.of(LogConfig.SEGMENT_BYTES, "250"), true)) {
            for (int i = 0; i < 10; i++) {
                log.appendAsLeader(batch(1000L * i, "t" + i), 0, AppendOrigin.CLIENT);
            }
            assertThat(log.fetchOffsetByTimestamp(3500)).hasValue(new TimestampAndOffset(4000, 4));
            assertThat(log.fetchOffsetByTimestamp(0)).hasValue(new TimestampAndOffset(0, 0));
            assertThat(log.fetchOffsetByTimestamp(10_000)).isEmpty();
            assertThat(log.maxTimestampAndOffset()).hasValue(new TimestampAndOffset(9000, 9));
        }
    }

    @Test
    void shouldDeleteSegmentsByRetentionSizeButNeverTheActiveOne() {
        try (PartitionLog log = open(Map.of(LogConfig.SEGMENT_BYTES, "200", LogConfig.RETENTION_BYTES, "250",
                LogConfig.FILE_DELETE_DELAY_MS, "0"), true)) {
            for (int i = 0; i < 12; i++) {
                log.appendAsLeader(batch(time.milliseconds(), "value-" + i), 0, AppendOrigin.CLIENT);
            }
            log.updateHighWatermark(log.logEndOffset());
            int before = log.segments().size();
            int deleted = log.deleteOldSegments();
            assertThat(deleted).isPositive();
            assertThat(log.segments()).hasSize(before - deleted).isNotEmpty();
            assertThat(log.sizeInBytes()).isLessThanOrEqualTo(250 + 200);
            assertThat(log.logStartOffset()).isEqualTo(log.segments().get(0).baseOffset());
            assertThatThrownBy(() -> log.read(0, 100, FetchIsolation.LOG_END, true))
                    .isInstanceOf(OffsetOutOfRangeException.class);
        }
    }

    @Test
    void shouldDeleteSegmentsByRetentionTime() {
        try (PartitionLog log = open(Map.of(LogConfig.SEGMENT_BYTES, "200", LogConfig.RETENTION_MS, "60000",
                LogConfig.FILE_DELETE_DELAY_MS, "0"), true)) {
            for (int i = 0; i < 6; i++) {
                log.appendAsLeader(batch(time.milliseconds(), "old-" + i), 0, AppendOrigin.CLIENT);
            }
            time.advance(120_000);
            log.appendAsLeader(batch(time.milliseconds(), "new"), 0, AppendOrigin.CLIENT);
            log.updateHighWatermark(log.logEndOffset());
            assertThat(log.deleteOldSegments()).isPositive();
            assertThat(log.logStartOffset()).isEqualTo(log.segments().get(0).baseOffset());
            assertThat(log.segments().get(log.segments().size() - 1).maxTimestampSoFar())
                    .isEqualTo(time.milliseconds());
        }
    }

    @Test
    void shouldKeepEverythingWhenPolicyIsCompactOnly() {
        try (PartitionLog log = open(Map.of(LogConfig.SEGMENT_BYTES, "200", LogConfig.RETENTION_BYTES, "10",
                LogConfig.CLEANUP_POLICY, "compact"), true)) {
            for (int i = 0; i < 6; i++) {
                log.appendAsLeader(batch(time.milliseconds(), "v" + i), 0, AppendOrigin.CLIENT);
            }
            log.updateHighWatermark(log.logEndOffset());
            assertThat(log.deleteOldSegments()).isZero();
            assertThat(log.logStartOffset()).isZero();
        }
    }

    @Test
    void shouldAdvanceLogStartOffsetWithDeleteRecords() {
        try (PartitionLog log = open(Map.of(LogConfig.SEGMENT_BYTES, "200", LogConfig.FILE_DELETE_DELAY_MS, "0"),
                true)) {
            for (int i = 0; i < 10; i++) {
                log.appendAsLeader(batch(time.milliseconds(), "v" + i), 0, AppendOrigin.CLIENT);
            }
            log.updateHighWatermark(log.logEndOffset());
            assertThat(log.deleteRecordsBefore(6)).isEqualTo(6);
            assertThat(log.logStartOffset()).isEqualTo(6);
            assertThat(log.segments().get(0).baseOffset()).isLessThanOrEqualTo(6);
            assertThatThrownBy(() -> log.read(5, 100, FetchIsolation.LOG_END, true))
                    .isInstanceOf(OffsetOutOfRangeException.class);
            assertThat(offsetsAndValues(readAll(log, 6), 6)).startsWith("6:v6");
            assertThatThrownBy(() -> log.deleteRecordsBefore(11)).isInstanceOf(OffsetOutOfRangeException.class);
            assertThat(log.deleteRecordsBefore(-1)).isEqualTo(10);
        }
    }

    @Test
    void shouldTruncateToAnOffsetAndContinueFromThere() {
        try (PartitionLog log = open(Map.of(LogConfig.SEGMENT_BYTES, "200"), true)) {
            for (int i = 0; i < 10; i++) {
                log.appendAsLeader(batch(time.milliseconds(), "v" + i), i / 3, AppendOrigin.CLIENT);
            }
            assertThat(log.truncateTo(4)).isTrue();
            assertThat(log.logEndOffset()).isEqualTo(4);
            assertThat(log.leaderEpochCache().latestEpoch()).hasValue(1);
            LogAppendInfo info = log.appendAsLeader(batch(time.milliseconds(), "w4"), 5, AppendOrigin.CLIENT);
            assertThat(info.firstOffset()).isEqualTo(4);
            assertThat(TestBatches.values(log, 3)).containsExactly("3:v3", "4:w4");
        }
    }

    @Test
    void shouldReadAllCompressionTypesBack() {
        try (PartitionLog log = open(Map.of(), true)) {
            for (CompressionType type : CompressionType.values()) {
                log.appendAsLeader(TestBatches.batch(type, time.milliseconds(), type.name, type.name + "2"), 0,
                        AppendOrigin.CLIENT);
            }
            List<String> values = TestBatches.values(log, 0);
            assertThat(values).hasSize(2 * CompressionType.values().length);
            assertThat(values.get(2)).isEqualTo("2:gzip");
        }
    }

    @Test
    void shouldHonourHighWatermarkForReadUncommitted() {
        try (PartitionLog log = open(Map.of(), true)) {
            log.appendAsLeader(batch(time.milliseconds(), "a"), 0, AppendOrigin.CLIENT);
            log.appendAsLeader(batch(time.milliseconds(), "b"), 0, AppendOrigin.CLIENT);
            log.updateHighWatermark(1);
            FetchDataInfo info = log.read(0, 10_000, FetchIsolation.HIGH_WATERMARK, true);
            assertThat(offsetsAndValues(((FileRecords) info.records()).readAll(), 0)).containsExactly("0:a");
            assertThat(log.read(1, 10_000, FetchIsolation.HIGH_WATERMARK, true).records().sizeInBytes()).isZero();
        }
    }

    @Test
    void shouldDeleteLeftoverCleanedAndDeletedFilesOnOpen() throws Exception {
        try (PartitionLog log = open(Map.of(), true)) {
            log.appendAsLeader(batch(time.milliseconds(), "a"), 0, AppendOrigin.CLIENT);
        }
        Path stray = dir.resolve("00000000000000000500.log.cleaned");
        Path deleted = dir.resolve("00000000000000000000.index.deleted");
        Files.writeString(stray, "garbage");
        Files.writeString(deleted, "garbage");
        try (PartitionLog log = open(Map.of(), true)) {
            assertThat(stray).doesNotExist();
            assertThat(deleted).doesNotExist();
            assertThat(log.logEndOffset()).isEqualTo(1);
        }
    }

    @Test
    void shouldRollBySegmentMsMeasuredBetweenRecordTimestampsNotWallClock() {
        try (PartitionLog log = open(Map.of(LogConfig.SEGMENT_MS, "60000"), true)) {
            // Old timestamps alone do not roll: only the distance to the segment's first batch counts.
            log.appendAsLeader(batch(1_000L, "a"), 0, AppendOrigin.CLIENT);
            log.appendAsLeader(batch(2_000L, "b"), 0, AppendOrigin.CLIENT);
            assertThat(log.segments()).hasSize(1);
            log.appendAsLeader(batch(61_000L, "c"), 0, AppendOrigin.CLIENT);
            assertThat(log.segments()).hasSize(2);
            assertThat(log.segments().get(1).baseOffset()).isEqualTo(2);
        }
    }
}
