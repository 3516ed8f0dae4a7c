package dev.millrace.storage.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.common.TopicPartition;
import dev.millrace.common.time.ManualTime;
import dev.millrace.protocol.record.CompressionType;
import dev.millrace.protocol.record.MemoryRecords;
import dev.millrace.protocol.record.RecordBatchBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model-based test of {@link PartitionLog}: random sequences of append, read, roll, truncate,
 * delete-records, retention, clock moves and restarts (clean and unclean) run against the log and
 * against a sorted map of offset to value. After every step the log's records from its start
 * offset must equal the model's, and {@link LogIntegrity} must hold (contiguous segments,
 * increasing offsets, index entries at batch starts, monotonic time index).
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

    private void runOnce(int run, Random random) throws Exception {
        Path dir = Files.createDirectory(root.resolve("run-" + run));
        ManualTime time = new ManualTime(1_700_000_000_000L);
        Map<String, String> overrides = Map.of(
                LogConfig.SEGMENT_BYTES, Integer.toString(300 + random.nextInt(700)),
                LogConfig.INDEX_INTERVAL_BYTES, Integer.toString(random.nextInt(200)),
                LogConfig.SEGMENT_INDEX_BYTES, "2048",
                LogConfig.RETENTION_BYTES, Integer.toString(2000 + random.nextInt(4000)),
                LogConfig.RETENTION_MS, "3600000",
                LogConfig.FILE_DELETE_DELAY_MS, "0");
        LogConfig config = LogConfig.parse(overrides);
        TreeMap<Long, String> model = new TreeMap<>();
        PartitionLog log = PartitionLog.open(dir, TP, config, 0, 0, true, time, null);
        for (int step = 0; step < STEPS; step++) {
            String where = "seed=" + SEED + " run=" + run + " step=" + step;
            int op = random.nextInt(100);
            if (op < 45) {
                append(log, model, random, time, step);
            } else if (op < 55) {
                checkRead(log, model, random, where);
            } else if (op < 60) {
                log.roll();
            } else if (op < 67) {
                long target = log.logStartOffset() + (long) (random.nextDouble()
                        * (log.logEndOffset() - log.logStartOffset() + 1));
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
                time.advance(random.nextInt(1_000_000));
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
            assertThat(log.logEndOffset()).as(where + " logEndOffset")
                    .isEqualTo(model.isEmpty() ? log.logEndOffset() : model.lastKey() + 1);
            assertThat(TestBatches.values(log, log.logStartOffset())).as(where + " contents")
                    .isEqualTo(render(model.tailMap(log.logStartOffset(), true)));
            try {
                LogIntegrity.check(log);
            } catch (AssertionError e) {
                throw new AssertionError(where + " integrity: " + e.getMessage(), e);
            }
        }
        log.close();
    }

    private static void append(PartitionLog log, TreeMap<Long, String> model, Random random, ManualTime time,
                               int step) {
        CompressionType compression = CompressionType.values()[random.nextInt(CompressionType.values().length)];
        RecordBatchBuilder builder = new RecordBatchBuilder().compression(compression);
        int count = 1 + random.nextInt(5);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String value = "s" + step + "-" + i + "-" + "x".repeat(random.nextInt(40));
            values.add(value);
            builder.append(time.milliseconds(), TestBatches.bytes("key" + random.nextInt(8)), TestBatches.bytes(value));
        }
        MemoryRecords records = builder.build();
        LogAppendInfo info = log.appendAsLeader(records, random.nextInt(3), AppendOrigin.CLIENT);
        for (int i = 0; i < count; i++) {
            model.put(info.firstOffset() + i, values.get(i));
        }
        log.updateHighWatermark(log.logEndOffset());
    }

    private static void checkRead(PartitionLog log, TreeMap<Long, String> model, Random random, String where) {
        if (log.logEndOffset() == log.logStartOffset()) {
            return;
        }
        long offset = log.logStartOffset() + (long) (random.nextDouble() * (log.logEndOffset() - log.logStartOffset()));
        FetchDataInfo info = log.read(offset, 1 + random.nextInt(500), FetchIsolation.HIGH_WATERMARK, true);
        MemoryRecords records = ((FileRecords) info.records()).readAll();
        List<String> got = TestBatches.offsetsAndValues(records, offset);
        assertThat(got).as(where + " read from " + offset).isNotEmpty();
        List<String> expected = render(model.subMap(offset, true, offset + got.size() - 1, true));
        assertThat(got).as(where + " read from " + offset).isEqualTo(expected);
    }

    private static List<String> render(Map<Long, String> entries) {
        List<String> out = new ArrayList<>();
        entries.forEach((offset, value) -> out.add(offset + ":" + value));
        return out;
    }
}
