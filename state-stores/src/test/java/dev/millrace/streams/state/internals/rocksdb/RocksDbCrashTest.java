package dev.millrace.streams.state.internals.rocksdb;

import static dev.millrace.streams.state.internals.rocksdb.TestBytes.SEED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.millrace.streams.state.internals.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
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
 * kill lands anywhere in the loop, including inside a transaction, a commit or a flush), reopens the store and
 * checks that its content is exactly the state after the transactions up to its own committed offset (no partial
 * commit, no uncommitted or aborted write, no data flushed without its offsets or the other way round).
 *
 * <p>The write-ahead log is off, so commits since the last flush are lost by the kill: the recovered offset lies
 * between the one durable before the round (the parent's reopen ends with a clean close) and the last commit the
 * child made. The child's 64 KiB memtables ({@link SmallMemtables}) make RocksDB flush on its own every few dozen
 * transactions, so the recovered state is usually one of those flushes, and the test checks that the durable
 * offset does advance over the rounds. Breaking atomic flush (so that the data column family flushes without the
 * offsets one) makes it fail: the data is then ahead of the offset. Rounds continue the same store.
 */
@Tag("integration")
class RocksDbCrashTest {
    private static final int ROUNDS = 8;

    @TempDir
    Path dir;
    @TempDir
    Path jvmTmp;

    @Test
    void shouldRecoverExactlyTheCommittedStateAfterSigkill() throws Exception {
        Random random = new Random(SEED);
        long durable = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String where = "seed=" + SEED + " round=" + round + " durableBefore=" + durable;
            long acknowledged = runChildUntil(durable + 1 + random.nextInt(150), durable, where);
            try (RocksDbKeyValueEngine engine = RocksDbKeyValueEngine.open(dir, "crash", null,
                    CrashWriterMain.configs())) {
                Long committed = engine.committedOffset(CrashWriterMain.CHANGELOG);
                long offset = committed == null ? 0 : committed;
                String at = where + " acknowledged=" + acknowledged + " offset=" + offset;
                assertThat(offset).as(at + " durable commits survive").isGreaterThanOrEqualTo(durable);
                assertThat(offset).as(at + " no commit beyond the child's last").isLessThanOrEqualTo(acknowledged + 1);
                assertThat(TestBytes.drain(engine.all())).as(at + " content equals the commit at the offset")
                        .isEqualTo(TestBytes.render(CrashWriterMain.expected(SEED, offset).entrySet()));
                durable = offset;
            }
        }
        assertThat(durable).as("seed=" + SEED + " flushes made commits durable").isGreaterThan(ROUNDS);
    }

    private long runChildUntil(long target, long acknowledged, String where) throws Exception {
        Process child = ChildJvm.of(jvmTmp, List.of("-Xmx128m"), CrashWriterMain.class, dir.toString(),
                        Long.toString(SEED))
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
