package dev.millrace.storage.cleaner;

import static dev.millrace.storage.cleaner.CleanerTestSupport.append;
import static dev.millrace.storage.cleaner.CleanerTestSupport.compactConfig;
import static dev.millrace.storage.cleaner.CleanerTestSupport.describe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.common.time.ManualTime;
import dev.millrace.protocol.record.RecordBatch;
import dev.millrace.storage.cleaner.CleanerTestSupport.Rec;
import dev.millrace.storage.log.LogConfig;
import dev.millrace.storage.log.LogFiles;
import dev.millrace.storage.log.LogSegment;
import dev.millrace.storage.log.PartitionLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of the segment swap: the cleaner writes a group's cleaned segment, then the process
 * "dies" at each step of {@link PartitionLog#replaceSegments} (the files are left as that step
 * leaves them, the log objects are closed without any further renaming) and the log is reopened
 * with {@code cleanShutdown=false}. The reopened log must be valid, hold no leftover
 * {@code .cleaned}/{@code .swap}/{@code .deleted} files, and hold either exactly the uncleaned or
 * exactly the cleaned data, never a mix that loses a key's latest value.
 *
 * <p>Seed of the random variant: {@code -Dmillrace.seed=N}; assertion messages name it.
 */
class CleanerCrashTest {
    private static final long SEED = Long.getLong("millrace.seed", 0x5A9L);
    private static final int RANDOM_RUNS = 12;

    /** How far the swap got before the crash. */
    enum Step {
        /** The cleaned segment is written ({@code .cleaned}); the swap has not started. */
        CLEANED_WRITTEN,
        /** The cleaned segment was renamed {@code .swap} (the commit point); old segments untouched. */
        SWAP_RENAMED,
        /** {@code .swap} present, the first half of the old segments renamed {@code .deleted}. */
        SWAP_AND_SOME_DELETED,
        /** {@code .swap} present, every old segment renamed {@code .deleted}. */
        SWAP_AND_ALL_DELETED,
        /** The swap finished (suffix dropped) but the {@code .deleted} files were not removed yet. */
        SWAPPED_DELETED_PENDING
    }

    private final ManualTime time = new ManualTime(CleanerTestSupport.START_MS);

    @TempDir
    Path root;

    @Test
    void shouldRecoverUncleanedDataWhenCrashingBeforeTheSwap() throws Exception {
        crashAndCheck(Step.CLEANED_WRITTEN);
    }

    @Test
    void shouldCompleteTheSwapWhenCrashingRightAfterTheSwapRename() throws Exception {
        crashAndCheck(Step.SWAP_RENAMED);
    }

    @Test
    void shouldCompleteTheSwapWhenCrashingWhileOldSegmentsAreRenamed() throws Exception {
        crashAndCheck(Step.SWAP_AND_SOME_DELETED);
    }

    @Test
    void shouldCompleteTheSwapWhenCrashingAfterAllOldSegmentsWereRenamed() throws Exception {
        crashAndCheck(Step.SWAP_AND_ALL_DELETED);
    }

    @Test
    void shouldDropDeletedFilesWhenCrashingAfterTheSwapFinished() throws Exception {
        crashAndCheck(Step.SWAPPED_DELETED_PENDING);
    }

    /** Every segment of the group holds a key nobody overwrites, so the cleaned segment spans them all. */
    private void crashAndCheck(Step step) throws Exception {
        Path dir = Files.createDirectory(root.resolve(step.name()));
        PartitionLog log = CleanerTestSupport.open(dir, "crash", compactConfig(), time, true);
        for (int segment = 0; segment < 4; segment++) {
            append(log, time, "shared", "s" + segment, "unique" + segment, "u" + segment);
            append(log, time, "shared", "t" + segment, "other", segment == 2 ? null : "o" + segment);
            log.roll();
        }
        log.updateHighWatermark(log.logEndOffset());
        List<String> uncleaned = describe(log);
        Cleaner cleaner = new Cleaner(new OffsetMap(64 * 1024), 0.9, 4096, time);
        OwnerCalls owner = new OwnerCalls(Runnable::run);
        CleaningPlan plan = cleaner.plan(log, OptionalLong.empty(), owner);
        assertThat(plan.groups()).hasSize(1);
        List<LogSegment> group = plan.groups().get(0);
        assertThat(group).hasSize(4);
        LogSegment cleaned = cleaner.rewrite(plan, group, owner);
        List<String> cleanedData = dataOf(cleaned);

        crashAt(step, log, cleaned, group);
        PartitionLog reopened = PartitionLog.open(dir, log.topicPartition(), log.config(), 0, 0, false, time, null);
        try {
            String where = "step=" + step;
            CleanerTestSupport.checkIntegrity(reopened, where);
            assertNoLeftovers(dir, where);
            List<String> expected = step == Step.CLEANED_WRITTEN ? uncleaned : cleanedData;
            assertThat(describe(reopened)).as(where).isEqualTo(expected);
            assertThat(cleanedData).as(where).containsExactly("1:unique0=u0", "5:unique1=u1", "9:unique2=u2",
                    "13:unique3=u3", "14:shared=t3", "15:other=o3");
        } finally {
            reopened.close();
        }
    }

    /**
     * Random workloads with several groups: some groups are swapped for real, then the process dies
     * at a random step of the next group's swap. The latest value of every key must survive and
     * every record left must be one that was appended, at its offset.
     */
    @Test
    void shouldNeverLoseALatestValueWhenCrashingAtARandomSwapStep() throws Exception {
        for (int run = 0; run < RANDOM_RUNS; run++) {
            Random random = new Random(SEED * 31 + run);
            String where = "seed=" + SEED + " run=" + run;
            Path dir = Files.createDirectory(root.resolve("random-" + run));
            PartitionLog log = CleanerTestSupport.open(dir, "crash", compactConfig(LogConfig.SEGMENT_BYTES,
                    300 + random.nextInt(600)), time, true);
            int keys = 3 + random.nextInt(12);
            for (int i = 0; i < 40 + random.nextInt(60); i++) {
                String key = "k" + random.nextInt(keys);
                append(log, time, key, random.nextInt(6) == 0 ? null : "v" + i);
                if (random.nextInt(5) == 0) {
                    log.roll();
                }
            }
            log.roll();
            log.updateHighWatermark(log.logEndOffset());
            List<Rec> before = CleanerTestSupport.records(log);
            Cleaner cleaner = new Cleaner(new OffsetMap(64 * 1024), 0.9, 4096, time);
            OwnerCalls owner = new OwnerCalls(Runnable::run);
            CleaningPlan plan = cleaner.plan(log, OptionalLong.empty(), owner);
            int groups = plan.groups().size();
            int swappedFirst = random.nextInt(groups);
            for (int g = 0; g < swappedFirst; g++) {
                LogSegment done = cleaner.rewrite(plan, plan.groups().get(g), owner);
                assertThat(cleaner.swap(plan, log, done, plan.groups().get(g), owner)).as(where).isTrue();
            }
            List<LogSegment> group = plan.groups().get(swappedFirst);
            LogSegment cleaned = cleaner.rewrite(plan, group, owner);
            Step step = Step.values()[random.nextInt(Step.values().length)];
            crashAt(step, log, cleaned, group);
            PartitionLog reopened = PartitionLog.open(dir, log.topicPartition(), log.config(), 0, 0, false, time,
                    null);
            try {
                String at = where + " groups=" + groups + " swappedFirst=" + swappedFirst + " step=" + step;
                CleanerTestSupport.checkIntegrity(reopened, at);
                assertNoLeftovers(dir, at);
                List<Rec> after = CleanerTestSupport.records(reopened);
                assertThat(latestDescribed(after)).as(at).isEqualTo(latestDescribed(before));
                Set<String> appended = new HashSet<>(before.stream().map(Rec::describe).toList());
                assertThat(after).as(at).allMatch(rec -> appended.contains(rec.describe()));
            } finally {
                reopened.close();
            }
        }
    }

    /** Leaves the files as {@link PartitionLog#replaceSegments} leaves them at {@code step}, then closes. */
    private static void crashAt(Step step, PartitionLog log, LogSegment cleaned, List<LogSegment> group) {
        if (step != Step.CLEANED_WRITTEN) {
            cleaned.onBecomeInactiveSegment();
            cleaned.flush();
            cleaned.changeFileSuffixes(LogFiles.CLEANED_SUFFIX, LogFiles.SWAP_SUFFIX);
            int toDelete = switch (step) {
                case SWAP_AND_SOME_DELETED -> (group.size() + 1) / 2;
                case SWAP_AND_ALL_DELETED, SWAPPED_DELETED_PENDING -> group.size();
                default -> 0;
            };
            for (LogSegment old : group.subList(0, toDelete)) {
                old.changeFileSuffixes("", LogFiles.DELETED_SUFFIX);
            }
            if (step == Step.SWAPPED_DELETED_PENDING) {
                cleaned.changeFileSuffixes(LogFiles.SWAP_SUFFIX, "");
            }
        } else {
            cleaned.flush();
        }
        cleaned.close();
        log.close();
    }

    private static List<String> latestDescribed(List<Rec> records) {
        return CleanerTestSupport.latestByKey(records).values().stream().map(Rec::describe).sorted().toList();
    }

    private static List<String> dataOf(LogSegment segment) {
        List<String> out = new ArrayList<>();
        for (RecordBatch batch : segment.log().readAll().batches()) {
            for (Rec rec : CleanerTestSupport.toBatch(batch).records()) {
                out.add(rec.describe());
            }
        }
        return out;
    }

    private static void assertNoLeftovers(Path dir, String where) throws Exception {
        for (String suffix : List.of(LogFiles.CLEANED_SUFFIX, LogFiles.SWAP_SUFFIX, LogFiles.DELETED_SUFFIX)) {
            assertThat(CleanerTestSupport.filesEndingWith(dir, suffix)).as("%s %s files", where, suffix).isEmpty();
        }
    }
}
