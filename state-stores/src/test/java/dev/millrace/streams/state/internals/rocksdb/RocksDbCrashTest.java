package dev.millrace.streams.state.internals.rocksdb;

import static dev.millrace.streams.state.internals.rocksdb.TestBytes.SEED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash consistency judged by kill -9: a child JVM ({@link CrashWriterMain}) commits transactions to a
 * transactional store in a loop; the test SIGKILLs it after a random number of acknowledged commits (so the
 * kill lands anywhere in the loop, including inside a transaction or a commit), reopens the store and checks
 * that its content is exactly the state after the transactions up to its own committed offset (no partial
 * commit, no uncommitted or aborted write) and that no acknowledged commit was lost. Rounds continue the same
 * store.
 */
@Tag("integration")
class RocksDbCrashTest {
    private static final int ROUNDS = 8;

    @TempDir
    Path dir;

    @Test
    void shouldRecoverExactlyTheCommittedStateAfterSigkill() throws Exception {
        Random random = new Random(SEED);
        long acknowledged = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String where = "seed=" + SEED + " round=" + round;
            acknowledged = runChildUntil(acknowledged + 1 + random.nextInt(60), acknowledged, where);
            try (RocksDbKeyValueEngine engine = RocksDbKeyValueEngine.open(dir, "crash", null,
                    Map.of(RocksDbEngineConfig.TRANSACTIONAL_CONFIG, true))) {
                Long offset = engine.committedOffset(CrashWriterMain.CHANGELOG);
                assertThat(offset).as(where + " committed offset").isNotNull();
                assertThat(offset).as(where + " acknowledged commits are durable").isGreaterThanOrEqualTo(acknowledged);
                assertThat(TestBytes.drain(engine.all())).as(where + " offset=" + offset)
                        .isEqualTo(TestBytes.render(CrashWriterMain.expected(SEED, offset).entrySet()));
                acknowledged = offset;
            }
        }
        assertThat(acknowledged).as("seed=" + SEED).isGreaterThan(ROUNDS);
    }

    private long runChildUntil(long target, long acknowledged, String where) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                CrashWriterMain.class.getName(), dir.toString(), Long.toString(SEED))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
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
        long last = acknowledged;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (last < target) {
                String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    fail(where + " child stopped committing after " + last + ", alive=" + child.isAlive());
                }
                if (line.startsWith("COMMITTED ")) {
                    last = Long.parseLong(line.substring("COMMITTED ".length()));
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as(where + " child exited").isTrue();
            reader.join(TimeUnit.SECONDS.toMillis(30));
        }
        for (String line = lines.poll(); line != null; line = lines.poll()) {
            if (line.startsWith("COMMITTED ")) {
                last = Math.max(last, Long.parseLong(line.substring("COMMITTED ".length())));
            }
        }
        return last;
    }
}
