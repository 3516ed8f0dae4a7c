package dev.millrace.storage.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.millrace.common.time.ManualTime;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability judged by kill -9: a child JVM appends with an fsync per append and acknowledges each
 * durable append on stdout; the test kills it with SIGKILL after a random number of
 * acknowledgements, reopens the log as after a crash, and checks that every acknowledged append is
 * there with its value and that the log is valid. Several rounds continue the same log.
 */
@Tag("integration")
class ProcessCrashTest {
    private static final long SEED = Long.getLong("millrace.seed", 0xC4A5L);
    private static final int ROUNDS = 6;

    @TempDir
    Path dir;

    @Test
    void shouldKeepEveryAcknowledgedAppendWhenTheProcessIsKilled() throws Exception {
        Random random = new Random(SEED);
        Map<Long, String> acknowledged = new TreeMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            int target = 20 + random.nextInt(400);
            runChildUntil(target, acknowledged, "seed=" + SEED + " round=" + round);
            try (PartitionLog log = PartitionLog.open(dir, AppendLoopMain.TP, AppendLoopMain.config(), 0, 0, false,
                    new ManualTime(0), null)) {
                LogIntegrity.check(log);
                MemoryRecordsView view = MemoryRecordsView.of(log);
                for (Map.Entry<Long, String> ack : acknowledged.entrySet()) {
                    assertThat(view.valueAt(ack.getKey())).as("seed=%d round=%d offset=%d", SEED, round, ack.getKey())
                            .isEqualTo(ack.getValue());
                }
            }
        }
        assertThat(acknowledged).hasSizeGreaterThan(ROUNDS * 20);
    }

    private void runChildUntil(int acks, Map<Long, String> acknowledged, String where) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                AppendLoopMain.class.getName(), dir.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("READ-ERROR " + e);
            }
        }, "crash-test-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            int seen = 0;
            while (seen < acks) {
                String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    fail(where + " child stopped acknowledging after " + seen + " appends, alive=" + child.isAlive());
                }
                if (line.startsWith("ACK ")) {
                    String[] parts = line.split(" ");
                    acknowledged.put(Long.parseLong(parts[1]), parts[2]);
                    seen++;
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as(where + " child exited").isTrue();
            reader.join(TimeUnit.SECONDS.toMillis(30));
        }
        String line;
        while ((line = lines.poll()) != null) {
            if (line.startsWith("ACK ")) {
                String[] parts = line.split(" ");
                acknowledged.put(Long.parseLong(parts[1]), parts[2]);
            }
        }
    }

    /** Record values by offset, read through the log's own read path. */
    private record MemoryRecordsView(Map<Long, String> values) {
        static MemoryRecordsView of(PartitionLog log) {
            Map<Long, String> values = new TreeMap<>();
            long next = log.logStartOffset();
            while (next < log.logEndOffset()) {
                FetchDataInfo info = log.read(next, 1 << 20, FetchIsolation.LOG_END, true);
                var records = ((FileRecords) info.records()).readAll();
                for (var record : records.records()) {
                    values.put(record.offset(), TestBatches.string(record.value()));
                    next = Math.max(next, record.offset() + 1);
                }
            }
            return new MemoryRecordsView(values);
        }

        String valueAt(long offset) {
            return values.get(offset);
        }
    }
}
