package dev.millrace.storage.cleaner;

import static dev.millrace.storage.cleaner.CleanerTestSupport.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.common.header.Header;
import dev.millrace.common.header.RecordHeader;
import dev.millrace.common.time.ManualTime;
import dev.millrace.protocol.record.CompressionType;
import dev.millrace.protocol.record.RecordBatchBuilder;
import dev.millrace.storage.cleaner.CleanerTestSupport.Rec;
import dev.millrace.storage.log.AppendOrigin;
import dev.millrace.storage.log.LogAppendInfo;
import dev.millrace.storage.log.LogConfig;
import dev.millrace.storage.log.PartitionLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model-based test of compaction: random workloads (keys from a small key space, tombstones,
 * records without key, headers, every compression codec, several segments, small offset maps that
 * need several passes, high watermarks below the log end) are appended to a compacted log and
 * cleaned at random points, against a model of everything appended. After every pass and after a
 * restart:
 * <ul>
 *   <li>the log is structurally valid and every record read back equals the appended record at
 *   that offset (offsets, keys, values, timestamps and headers preserved);</li>
 *   <li>for every key, the newest record in the log is the newest appended one, except for a
 *   tombstone that may be gone once {@code delete.retention.ms} has passed since it was written;</li>
 *   <li>below the checkpoint, no key appears twice; records without key are all kept.</li>
 * </ul>
 *
 * <p>Seed: {@code -Dmillrace.seed=N}; every assertion message names the seed, run and step.
 */
class CleanerModelTest {
    private static final long SEED = Long.getLong("millrace.seed", 0xC1EA7L);
    private static final int RUNS = 10;
    private static final int STEPS = 150;
    private static final CompressionType[] CODECS = CompressionType.values();

    @TempDir
    Path root;

    @Test
    void shouldKeepTheLatestValueOfEveryKeyAcrossRandomWorkloads() throws Exception {
        for (int run = 0; run < RUNS; run++) {
            new Run(run, new Random(SEED * 31 + run)).execute();
        }
    }

    /** One random workload. */
    private final class Run {
        private final int run;
        private final Random random;
        private final ManualTime time = new ManualTime(CleanerTestSupport.START_MS);
        private final TreeMap<Long, Rec> appended = new TreeMap<>();
        private final long deleteRetentionMs;
        private final int keySpace;
        private final Cleaner cleaner;
        private OptionalLong checkpoint = OptionalLong.empty();
        private int sequence;

        Run(int run, Random random) {
            this.run = run;
            this.random = random;
            this.deleteRetentionMs = run % 2 == 0 ? 1_000_000_000L : 2_000 + random.nextInt(5_000);
            this.keySpace = 4 + random.nextInt(30);
            int slots = 12 + random.nextInt(60);
            this.cleaner = new Cleaner(new OffsetMap(slots * OffsetMap.BYTES_PER_ENTRY), 0.5 + random.nextDouble() / 2,
                    64 + random.nextInt(3000), time);
        }

        void execute() throws Exception {
            Path dir = Files.createDirectory(root.resolve("run-" + run));
            Map<String, String> config = CleanerTestSupport.compactConfig(
                    LogConfig.SEGMENT_BYTES, 400 + random.nextInt(1200),
                    LogConfig.INDEX_INTERVAL_BYTES, random.nextInt(300),
                    LogConfig.SEGMENT_INDEX_BYTES, 240 + random.nextInt(600),
                    LogConfig.DELETE_RETENTION_MS, deleteRetentionMs);
            PartitionLog log = CleanerTestSupport.open(dir, "model", config, time, true);
            for (int step = 0; step < STEPS; step++) {
                String where = "seed=" + SEED + " run=" + run + " step=" + step;
                int op = random.nextInt(100);
                if (op < 65) {
                    appendRandomBatch(log);
                } else if (op < 75) {
                    log.roll();
                } else if (op < 95) {
                    long hw = random.nextInt(4) == 0 ? log.logEndOffset() - random.nextInt(5) : log.logEndOffset();
                    log.updateHighWatermark(hw);
                    clean(log, where);
                } else {
                    time.advance(random.nextInt(3_000));
                }
            }
            String where = "seed=" + SEED + " run=" + run + " final";
            log.roll();
            log.updateHighWatermark(log.logEndOffset());
            for (int pass = 0; pass < 300 && !fullyCleaned(log); pass++) {
                clean(log, where + " pass=" + pass);
            }
            assertThat(fullyCleaned(log)).as("%s cleaning converges", where).isTrue();
            assertThat(CleanerTestSupport.records(log).size()).as("%s compaction removed records", where)
                    .isLessThan(appended.size());
            log.close();
            PartitionLog reopened = PartitionLog.open(dir, log.topicPartition(), log.config(), 0, 0, false, time, null);
            try {
                verify(reopened, where + " afterUncleanRestart");
            } finally {
                reopened.close();
            }
        }

        private boolean fullyCleaned(PartitionLog log) {
            return checkpoint.isPresent() && checkpoint.getAsLong() >= log.segments().get(log.segments().size() - 1)
                    .baseOffset();
        }

        private void clean(PartitionLog log, String where) {
            long endBefore = log.logEndOffset();
            CleanResult result = cleaner.clean(log, checkpoint, Runnable::run);
            assertThat(result.completed()).as("%s pass completes", where).isTrue();
            assertThat(result.cleanedUpToOffset()).as("%s progress", where)
                    .isGreaterThanOrEqualTo(result.firstDirtyOffset())
                    .isLessThanOrEqualTo(Math.max(result.firstDirtyOffset(), result.firstUncleanableOffset()));
            if (result.firstUncleanableOffset() > result.firstDirtyOffset()) {
                assertThat(result.cleanedUpToOffset()).as("%s makes progress", where)
                        .isGreaterThan(result.firstDirtyOffset());
            }
            checkpoint = OptionalLong.of(result.cleanedUpToOffset());
            assertThat(log.logEndOffset()).as("%s log end offset unchanged", where).isEqualTo(endBefore);
            verify(log, where);
        }

        private void appendRandomBatch(PartitionLog log) {
            CompressionType codec = CODECS[random.nextInt(CODECS.length)];
            RecordBatchBuilder builder = new RecordBatchBuilder().compression(codec);
            int count = 1 + random.nextInt(6);
            List<Rec> recs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String key = random.nextInt(20) == 0 ? null : "k" + random.nextInt(keySpace);
                String value = random.nextInt(8) == 0 ? null : "v" + (sequence++);
                Header[] headers = random.nextInt(5) == 0
                        ? new Header[] {new RecordHeader("h", bytes("x" + random.nextInt(9)))} : null;
                long timestamp = time.milliseconds();
                builder.append(timestamp, bytes(key), bytes(value), headers);
                recs.add(new Rec(-1, key, value, timestamp, headers == null ? List.of() : List.of("h="
                        + new String(headers[0].value(), java.nio.charset.StandardCharsets.UTF_8)), -1, false, false,
                        -1));
            }
            LogAppendInfo info = log.appendAsLeader(builder.build(), 0, AppendOrigin.CLIENT);
            for (int i = 0; i < recs.size(); i++) {
                Rec r = recs.get(i);
                long offset = info.firstOffset() + i;
                appended.put(offset, new Rec(offset, r.key(), r.value(), r.timestamp(), r.headers(), -1, false,
                        false, -1));
            }
            time.advance(random.nextInt(50));
        }

        private void verify(PartitionLog log, String where) {
            CleanerTestSupport.checkIntegrity(log, where);
            List<Rec> records = CleanerTestSupport.records(log);
            long previous = -1;
            for (Rec rec : records) {
                assertThat(rec.offset()).as("%s offsets increase", where).isGreaterThan(previous);
                previous = rec.offset();
                Rec original = appended.get(rec.offset());
                assertThat(original).as("%s record at %d was appended", where, rec.offset()).isNotNull();
                assertThat(List.of(rec.key() == null ? "<null>" : rec.key(), String.valueOf(rec.value()),
                        rec.timestamp(), rec.headers()))
                        .as("%s record at %d unchanged", where, rec.offset())
                        .isEqualTo(List.of(original.key() == null ? "<null>" : original.key(),
                                String.valueOf(original.value()), original.timestamp(), original.headers()));
            }
            Map<String, Rec> inLog = CleanerTestSupport.latestByKey(records);
            Map<String, Rec> model = CleanerTestSupport.latestByKey(new ArrayList<>(appended.values()));
            for (Map.Entry<String, Rec> entry : model.entrySet()) {
                Rec expected = entry.getValue();
                Rec actual = inLog.get(entry.getKey());
                if (actual == null && expected.tombstone()) {
                    assertThat(time.milliseconds()).as("%s tombstone %s removed only after delete.retention.ms",
                            where, expected.describe())
                            .isGreaterThanOrEqualTo(expected.timestamp() + deleteRetentionMs);
                    continue;
                }
                assertThat(actual).as("%s latest of key %s", where, entry.getKey()).isNotNull();
                assertThat(actual.offset()).as("%s latest of key %s", where, entry.getKey())
                        .isEqualTo(expected.offset());
            }
            long cleanedUpTo = checkpoint.orElse(0);
            Set<String> seen = new HashSet<>();
            int nullKeys = 0;
            for (Rec rec : records) {
                if (rec.key() == null) {
                    nullKeys++;
                } else if (rec.offset() < cleanedUpTo) {
                    assertThat(seen.add(rec.key())).as("%s key %s once below checkpoint %d", where, rec.key(),
                            cleanedUpTo).isTrue();
                }
            }
            long appendedNullKeys = appended.values().stream().filter(r -> r.key() == null).count();
            assertThat((long) nullKeys).as("%s records without key are kept", where).isEqualTo(appendedNullKeys);
        }
    }
}
