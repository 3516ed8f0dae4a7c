package dev.millrace.storage.cleaner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.common.TopicPartition;
import dev.millrace.storage.cleaner.LogSnapshot.SegmentInfo;
import dev.millrace.storage.log.LogConfig;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Selection rules on hand-made snapshots: no files, no clock. */
class CleanableLogTest {
    private static final long NOW = 1_000_000L;
    private static final TopicPartition TP = new TopicPartition("orders", 0);

    private static LogConfig config(Object... keyValues) {
        return LogConfig.parse(CleanerTestSupport.compactConfig(keyValues));
    }

    private static SegmentInfo segment(long base, int size, long largestTimestamp, long firstTimestamp) {
        return new SegmentInfo(base, size, largestTimestamp, firstTimestamp, 0);
    }

    /** Four segments of 100 bytes at 0, 10, 20, 30 (active), log end 35, everything committed. */
    private static LogSnapshot fourSegments(LogConfig config, long highWatermark, long lastStable) {
        return new LogSnapshot(TP, config, 0, 35, highWatermark, lastStable, List.of(
                segment(0, 100, 1000, 900), segment(10, 100, 2000, 1900), segment(20, 100, 3000, 2900),
                segment(30, 100, 4000, 3900)));
    }

    @Test
    void shouldTakeTheFirstDirtyOffsetFromTheCheckpointClampedToTheLog() {
        assertThat(CleanableLog.firstDirtyOffset(OptionalLong.empty(), 5, 50)).isEqualTo(5);
        assertThat(CleanableLog.firstDirtyOffset(OptionalLong.of(3), 5, 50)).isEqualTo(5);
        assertThat(CleanableLog.firstDirtyOffset(OptionalLong.of(20), 5, 50)).isEqualTo(20);
        assertThat(CleanableLog.firstDirtyOffset(OptionalLong.of(50), 5, 50)).isEqualTo(50);
        assertThat(CleanableLog.firstDirtyOffset(OptionalLong.of(51), 5, 50)).as("truncated under it").isEqualTo(5);
    }

    @Test
    void shouldStopTheDirtyRangeAtTheActiveSegment() {
        CleanableLog log = CleanableLog.evaluate(fourSegments(config(), 35, 35), OptionalLong.of(10), NOW);

        assertThat(log.firstDirtyOffset()).isEqualTo(10);
        assertThat(log.firstUncleanableOffset()).isEqualTo(30);
        assertThat(log.cleanBytes()).isEqualTo(100);
        assertThat(log.dirtyBytes()).isEqualTo(200);
        assertThat(log.dirtyRatio()).isEqualTo(200.0 / 300);
    }

    @Test
    void shouldStopTheDirtyRangeAtTheHighWatermarkAndTheLastStableOffset() {
        assertThat(CleanableLog.evaluate(fourSegments(config(), 25, 25), OptionalLong.empty(), NOW)
                .firstUncleanableOffset()).isEqualTo(25);
        CleanableLog openTxn = CleanableLog.evaluate(fourSegments(config(), 35, 12), OptionalLong.empty(), NOW);
        assertThat(openTxn.firstUncleanableOffset()).isEqualTo(12);
        assertThat(openTxn.dirtyBytes()).as("segments 0 and 10 hold dirty offsets").isEqualTo(200);
    }

    @Test
    void shouldNeverPutTheUncleanableOffsetBelowTheFirstDirtyOne() {
        CleanableLog log = CleanableLog.evaluate(fourSegments(config(), 5, 5), OptionalLong.of(20), NOW);

        assertThat(log.firstUncleanableOffset()).isEqualTo(20);
        assertThat(log.dirtyBytes()).isZero();
        assertThat(log.isEligible()).isFalse();
    }

    @Test
    void shouldProtectSegmentsNewerThanTheMinCompactionLag() {
        LogConfig lagged = config(LogConfig.MIN_COMPACTION_LAG_MS, NOW - 2500);

        CleanableLog log = CleanableLog.evaluate(fourSegments(lagged, 35, 35), OptionalLong.empty(), NOW);

        assertThat(log.firstUncleanableOffset()).as("segment 20's newest record is within the lag").isEqualTo(20);
        assertThat(log.dirtyBytes()).isEqualTo(200);
    }

    @Test
    void shouldBeEligibleFromTheMinCleanableDirtyRatioOn() {
        LogConfig half = config(LogConfig.MIN_CLEANABLE_DIRTY_RATIO, "0.5");
        CleanableLog atHalf = CleanableLog.evaluate(fourSegments(half, 35, 35), OptionalLong.of(10), NOW);
        CleanableLog belowHalf = CleanableLog.evaluate(fourSegments(half, 35, 35), OptionalLong.of(20), NOW);

        assertThat(atHalf.dirtyRatio()).isGreaterThan(0.5);
        assertThat(atHalf.isEligible()).isTrue();
        assertThat(belowHalf.dirtyRatio()).isEqualTo(1.0 / 3);
        assertThat(belowHalf.isEligible()).isFalse();
        LogSnapshot even = new LogSnapshot(TP, half, 0, 25, 25, 25, List.of(segment(0, 100, 1, 1),
                segment(10, 100, 2, 2), segment(20, 0, 3, 3)));
        assertThat(CleanableLog.evaluate(even, OptionalLong.of(10), NOW).isEligible()).as("ratio exactly 0.5").isTrue();
    }

    @Test
    void shouldForceCleaningOnceADirtyRecordIsOlderThanTheMaxCompactionLag() {
        LogConfig strict = config(LogConfig.MIN_CLEANABLE_DIRTY_RATIO, "0.99", LogConfig.MAX_COMPACTION_LAG_MS,
                NOW - 3300);

        CleanableLog log = CleanableLog.evaluate(fourSegments(strict, 35, 35), OptionalLong.of(20), NOW);

        assertThat(log.dirtyRatio()).isLessThan(0.99);
        assertThat(log.maxCompactionDelayMs()).as("segment 20's first batch (2900) is 400 ms past the lag")
                .isEqualTo(400);
        assertThat(log.needsCompactionNow()).isTrue();
        assertThat(log.isEligible()).isTrue();
        CleanableLog notYet = CleanableLog.evaluate(fourSegments(strict, 35, 35), OptionalLong.of(20), NOW - 401);
        assertThat(notYet.isEligible()).isFalse();
    }

    @Test
    void shouldPickTheDirtiestEligibleLog() {
        CleanableLog dirty = new CleanableLog(new TopicPartition("a", 0), 0, 10, 100, 300, 0, 0.5);
        CleanableLog dirtier = new CleanableLog(new TopicPartition("b", 0), 0, 10, 0, 300, 0, 0.5);
        CleanableLog belowRatio = new CleanableLog(new TopicPartition("c", 0), 0, 10, 900, 100, 0, 0.5);
        CleanableLog forced = new CleanableLog(new TopicPartition("d", 0), 0, 10, 900, 100, 5, 0.5);

        assertThat(CleanableLog.dirtiest(List.of(dirty, belowRatio, dirtier))).contains(dirtier);
        assertThat(CleanableLog.dirtiest(List.of(belowRatio))).isEmpty();
        assertThat(CleanableLog.dirtiest(List.of(belowRatio, forced))).contains(forced);
    }

    @Test
    void shouldNotBeEligibleWithoutDirtyBytesEvenWithARatioOfZero() {
        CleanableLog log = new CleanableLog(TP, 10, 10, 500, 0, 0, 0.0);

        assertThat(log.isEligible()).isFalse();
        assertThat(Map.of("ratio", log.dirtyRatio())).containsEntry("ratio", 0.0);
    }
}
