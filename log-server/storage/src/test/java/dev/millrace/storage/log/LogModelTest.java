package dev.millrace.storage.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.common.TopicPartition;
import dev.millrace.common.time.ManualTime;
import dev.millrace.protocol.record.CompressionType;
import dev.millrace.protocol.record.MemoryRecords;
import dev.millrace.protocol.record.Record;
import dev.millrace.protocol.record.RecordBatchBuilder;
import dev.millrace.storage.cleaner.CleanResult;
import dev.millrace.storage.cleaner.Cleaner;
import dev.millrace.storage.cleaner.CleanerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model-based test of {@link PartitionLog}: random sequences of append, read, roll, truncate,
 * delete-records, retention, compaction, clock moves and restarts (clean and unclean) run against
 * the log and against a sorted map of offset to record. After every step {@link LogIntegrity} must
 * hold (contiguous segments, increasing offsets, index entries at batch starts, monotonic time
 * index) and the contents must agree with the model: exactly, for delete-policy runs; for
 * compacted runs, every record in the log equals the model's record at its offset, the newest
 * record of every key is still there, and a newest-for-its-key tombstone is gone only once
 * {@code delete.retention.ms} has passed since it was appended.
 *
 * <p>Seed: {@code -Dmillrace.seed=N}; every assertion message names the seed, run and step.
 */
class LogModelTest {
    private static final long SEED = Long.getLong("millrace.seed", 0x10C5L);
    private static final int RUNS = 12;
    private static final int STEPS = 160;
    private static final TopicPartition TP = new TopicPartition("model", 0);

    @TempDir
    Path root;

    @Test
    void shouldMatchTheModelAfterEveryStep() throws Exception {
        for (int run = 0; run < RUNS; run++) {
            runOnce(run, new Random(SEED * 31 + run));
        }
    }

    /** One appended record: key, value (null = tombstone) and when it was appended. */
    private record Entry(String key, String value, long appendedMs) {
    }

    private void runOnce(int run, Random random) throws Exception {
        Path dir = Files.createDirectory(root.resolve("run-" + run));
        ManualTime time = new ManualTime(1_700_000_000_000L);
        boolean compacted = run % 2 == 1;
        long deleteRetentionMs = random.nextInt(200_000);
        Map<String, String> overrides = new HashMap<>(Map.of(
                LogConfig.SEGMENT_BYTES, Integer.toString(300 + random.nextInt(700)),
                LogConfig.INDEX_INTERVAL_BYTES, Integer.toString(random.nextInt(200)),
                LogConfig.SEGMENT_INDEX_BYTES, "2048",
                LogConfig.RETENTION_BYTES, Integer.toString(2000 + random.nextInt(4000)),
                LogConfig.RETENTION_MS, "3600000",
                LogConfig.FILE_DELETE_DELAY_MS, "0"));
        if (compacted) {
            overrides.put(LogConfig.CLEANUP_POLICY, "compact,delete");
            overrides.put(LogConfig.MIN_CLEANABLE_DIRTY_RATIO, "0");
            overrides.put(LogConfig.DELETE_RETENTION_MS, Long.toString(deleteRetentionMs));
            overrides.put(LogConfig.RETENTION_BYTES, "-1");
        }
        LogConfig config = LogConfig.parse(overrides);
        Cleaner cleaner = new Cleaner(CleanerConfig.parse(Map.of(CleanerConfig.DEDUPE_BUFFER_SIZE, "65536")), time);
        OptionalLong cleanedUpTo = OptionalLong.empty();
        TreeMap<Long, Entry> model = new TreeMap<>();
        PartitionLog log = PartitionLog.open(dir, TP, config, 0, 0, true, time, null);
        for (int step = 0; step < STEPS; step++) {
            String where = "seed=" + SEED + " run=" + run + " step=" + step;
            int op = random.nextInt(100);
            if (op < 45) {
                append(log, model, random, time, step, compacted);
            } else if (op < 55) {
                checkRead(log, model, random, where);
            } else if (op < 60) {
                log.roll();
            } else if (op < 67) {
                // Cleaning only happens below the high watermark and truncation (a follower catching
                // up with a new leader) only above it, so compacted runs never truncate into cleaned data.
                long floor = Math.max(log.logStartOffset(), cleanedUpTo.orElse(0));
                long target = floor + (long) (random.nextDouble() * (log.logEndOffset() - floor + 1));
                log.truncateTo(target);
                // Batches are atomic: a target inside a batch removes the whole batch.
                assertThat(log.logEndOffset()).isLessThanOrEqualTo(Math.max(target, log.logStartOffset()));
                model.tailMap(log.logEndOffset(), true).clear();
                log.updateHighWatermark(log.logEndOffset());
            } else if (op < 73) {
                long target = log.logStartOffset() + (long) (random.nextDouble()
                        * (log.highWatermark() - log.logStartOffset() + 1));
                log.deleteRecordsBefore(target);
                model.headMap(log.logStartOffset(), false).clear();
            } else if (op < 80) {
                log.deleteOldSegments();
                model.headMap(log.logStartOffset(), false).clear();
            } else if (op < 85) {
                if (compacted && random.nextBoolean()) {
                    CleanResult result = cleaner.clean(log, cleanedUpTo, Runnable::run);
                    cleanedUpTo = OptionalLong.of(result.cleanedUpToOffset());
                } else {
                    time.advance(random.nextInt(compacted ? 100_000 : 1_000_000));
                }
            } else if (op < 92) {
                log.close();
                log = PartitionLog.open(dir, TP, config, log.recoveryPoint(), log.logStartOffset(), true, time, null);
                log.updateHighWatermark(log.logEndOffset());
            } else {
                long start = log.logStartOffset();
                log.flush();
                log = PartitionLog.open(dir, TP, config, 0, start, false, time, null);
                log.updateHighWatermark(log.logEndOffset());
            }
            if (cleanedUpTo.isPresent() && cleanedUpTo.getAsLong() > log.logEndOffset()) {
                cleanedUpTo = OptionalLong.of(log.logEndOffset());
            }
            assertThat(log.logEndOffset()).as(where + " logEndOffset")
                    .isEqualTo(model.isEmpty() ? log.logEndOffset() : model.lastKey() + 1);
            checkContents(log, model, compacted, deleteRetentionMs, time.milliseconds(), where);
            try {
                LogIntegrity.check(log);
            } catch (AssertionError e) {
                throw new AssertionError(where + " integrity: " + e.getMessage(), e);
            }
        }
        log.close();
    }

    private static void append(PartitionLog log, TreeMap<Long, Entry> model, Random random, ManualTime time,
                               int step, boolean compacted) {
        CompressionType compression = CompressionType.values()[random.nextInt(CompressionType.values().length)];
        RecordBatchBuilder builder = new RecordBatchBuilder().compression(compression);
        int count = 1 + random.nextInt(5);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = "key" + random.nextInt(8);
            String value = compacted && random.nextInt(6) == 0 ? null
                    : "s" + step + "-" + i + "-" + "x".repeat(random.nextInt(40));
            entries.add(new Entry(key, value, time.milliseconds()));
            builder.append(time.milliseconds(), TestBatches.bytes(key), TestBatches.bytes(value));
        }
        MemoryRecords records = builder.build();
        LogAppendInfo info = log.appendAsLeader(records, random.nextInt(3), AppendOrigin.CLIENT);
        for (int i = 0; i < count; i++) {
            model.put(info.firstOffset() + i, entries.get(i));
        }
        log.updateHighWatermark(log.logEndOffset());
    }

    /** Every record of the log from its start offset, by offset. */
    private static TreeMap<Long, Entry> contents(PartitionLog log) {
        TreeMap<Long, Entry> found = new TreeMap<>();
        long next = log.logStartOffset();
        while (next < log.logEndOffset()) {
            FetchDataInfo info = log.read(next, 1 << 20, FetchIsolation.LOG_END, true);
            MemoryRecords records = ((FileRecords) info.records()).readAll();
            long before = next;
            for (Record record : records.records()) {
                if (record.offset() >= next) {
                    found.put(record.offset(), new Entry(TestBatches.string(record.key()),
                            TestBatches.string(record.value()), 0));
                    next = record.offset() + 1;
                }
            }
            if (next == before) {
                // Compaction can leave a batch whose records at or after `next` are all gone.
                long end = next;
                for (var batch : records.batches()) {
                    end = Math.max(end, batch.lastOffset() + 1);
                }
                if (end == next) {
                    break;
                }
                next = end;
            }
        }
        return found;
    }

    private static void checkContents(PartitionLog log, TreeMap<Long, Entry> model, boolean compacted,
                                      long deleteRetentionMs, long nowMs, String where) {
        TreeMap<Long, Entry> inLog = contents(log);
        Map<Long, Entry> expected = model.tailMap(log.logStartOffset(), true);
        if (!compacted) {
            assertThat(render(inLog)).as(where + " contents").isEqualTo(render(expected));
            return;
        }
        inLog.forEach((offset, entry) -> {
            Entry modelled = model.get(offset);
            assertThat(modelled).as(where + " offset " + offset + " exists in the model").isNotNull();
            assertThat(entry.key() + "=" + entry.value()).as(where + " record at offset " + offset)
                    .isEqualTo(modelled.key() + "=" + modelled.value());
        });
        Map<String, Long> newest = new HashMap<>();
        expected.forEach((offset, entry) -> newest.put(entry.key(), offset));
        newest.forEach((key, offset) -> {
            Entry entry = model.get(offset);
            boolean mayBeGone = entry.value() == null && nowMs - entry.appendedMs() >= deleteRetentionMs;
            if (!mayBeGone) {
                assertThat(inLog).as(where + " newest record of " + key + " at offset " + offset
                        + (entry.value() == null ? " (tombstone younger than delete.retention.ms)" : ""))
                        .containsKey(offset);
            }
        });
    }

    private static void checkRead(PartitionLog log, TreeMap<Long, Entry> model, Random random, String where) {
        if (log.logEndOffset() == log.logStartOffset()) {
            return;
        }
        long offset = log.logStartOffset() + (long) (random.nextDouble() * (log.logEndOffset() - log.logStartOffset()));
        FetchDataInfo info = log.read(offset, 1 + random.nextInt(500), FetchIsolation.HIGH_WATERMARK, true);
        MemoryRecords records = ((FileRecords) info.records()).readAll();
        for (Record record : records.records()) {
            if (record.offset() >= offset) {
                Entry modelled = model.get(record.offset());
                assertThat(modelled).as(where + " read from " + offset + " offset " + record.offset()).isNotNull();
                assertThat(TestBatches.string(record.value())).as(where + " read from " + offset + " offset "
                        + record.offset()).isEqualTo(modelled.value());
            }
        }
    }

    private static List<String> render(Map<Long, Entry> entries) {
        List<String> out = new ArrayList<>();
        entries.forEach((offset, entry) -> out.add(offset + ":" + entry.key() + "=" + entry.value()));
        return out;
    }
}
