package dev.millrace.streams.state.internals;

import static dev.millrace.streams.state.internals.StoreCrashHarness.CHANGELOG;
import static dev.millrace.streams.state.internals.StoreCrashHarness.SEED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.state.internals.StoreCrashHarness.ChangelogFile;
import dev.millrace.streams.state.internals.StoreCrashHarness.Context;
import dev.millrace.streams.state.internals.StoreCrashHarness.Handle;
import dev.millrace.streams.state.internals.StoreCrashHarness.Scenario;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash consistency of stores built through {@code Stores} builders, judged by kill -9 through the changelogging
 * and checkpoint path: a child JVM ({@link StoreCrashWriterMain}) writes seeded batches to a RocksDB store in
 * exactly-once mode, appends each committed batch's changelog records to a file that plays the changelog topic,
 * commits the store at the changelog end offset (sometimes only at a later batch), and aborts some batches by a
 * dirty close. The test SIGKILLs it after a seeded number of reported batches, reopens the store and checks that its
 * content is exactly the changelog prefix up to the store's own committed offset (so no aborted or uncommitted
 * write survives, and no data is durable without the offsets committed with it); then it restores the changelog
 * tail through the store's restore callback and checks the content against the whole changelog. The write-ahead
 * log is off, so a commit is durable only once a flush follows it (a full memtable, a clean close); the offset
 * recovered after a kill is therefore at least the one durable before the round (every round ends with a clean
 * close), and may be below the child's last acknowledged commit. Rounds continue the same store and changelog.
 */
@Tag("integration")
class StoreCrashTest {
    private static final int ROUNDS = 8;
    private static final long ROUND_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

    @TempDir
    Path dir;
    @TempDir
    Path jvmTmp;

    @Test
    void shouldRecoverKeyValueStoreToItsOwnChangelogOffsetAfterSigkill() throws Exception {
        crashRounds(Scenario.KEY_VALUE);
    }

    @Test
    void shouldRecoverCachedKeyValueStoreToItsOwnChangelogOffsetAfterSigkill() throws Exception {
        crashRounds(Scenario.CACHED_KEY_VALUE);
    }

    @Test
    void shouldRecoverWindowStoreToItsOwnChangelogOffsetAfterSigkill() throws Exception {
        crashRounds(Scenario.WINDOW);
    }

    @Test
    void shouldLeaveNoTraceOfAbortedKeyValueWrites() {
        abortInProcess(Scenario.KEY_VALUE);
    }

    @Test
    void shouldLeaveNoTraceOfAbortedCachedKeyValueWrites() {
        abortInProcess(Scenario.CACHED_KEY_VALUE);
    }

    @Test
    void shouldLeaveNoTraceOfAbortedWindowWritesThatWouldExpireSegments() {
        abortInProcess(Scenario.WINDOW);
    }

    private void crashRounds(Scenario scenario) throws Exception {
        Random random = new Random(SEED ^ scenario.ordinal());
        long durable = 0;
        int commits = 0;
        int aborts = 0;
        int appends = 0;
        int tails = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String where = "seed=" + SEED + " scenario=" + scenario + " round=" + round;
            ChildRun run = runChild(scenario, random.nextLong(), 1 + random.nextInt(50), round, where);
            commits += run.commits;
            aborts += run.aborts;
            appends += run.appends;
            Verified verified = verifyAfterCrash(scenario, durable, run.lastCommitted, random, where);
            durable = verified.durableOffset;
            tails += verified.tail > 0 ? 1 : 0;
        }
        String totals = "seed=" + SEED + " scenario=" + scenario + " commits=" + commits + " aborts=" + aborts
                + " appendsWithoutStoreCommit=" + appends + " roundsWithTailToRestore=" + tails;
        assertThat(commits).as(totals).isGreaterThan(ROUNDS);
        assertThat(aborts).as(totals).isPositive();
        assertThat(appends).as(totals).isPositive();
    }

    /** What one check after a crash found: the restored tail's length, the offset durable after the check. */
    private record Verified(int tail, long durableOffset) {
    }

    /** Checks the reopened store against the changelog, restores the tail and maybe commits it, closes cleanly. */
    private Verified verifyAfterCrash(Scenario scenario, long durable, long acknowledged, Random random,
                                      String where) {
        List<KeyValue<byte[], byte[]>> changelog = ChangelogFile.read(dir.resolve(StoreCrashHarness.LOG_FILE));
        Context context = new Context(dir);
        Handle store = scenario.open(context);
        try {
            long offset = store.committedOffset();
            String at = where + " committedOffset=" + offset + " changelogEnd=" + changelog.size()
                    + " durableBefore=" + durable + " acknowledged=" + acknowledged;
            assertThat(offset).as(at + " durable commits survive").isGreaterThanOrEqualTo(durable);
            assertThat(offset).as(at + " offset within the changelog").isLessThanOrEqualTo(changelog.size());
            assertThat(StoreCrashHarness.diff(store.content(), scenario.model(changelog, (int) offset)))
                    .as(at + " content equals the changelog prefix").isEmpty();
            StoreCrashHarness.restore(context, store.root(), changelog.subList((int) offset, changelog.size()),
                    random);
            assertThat(StoreCrashHarness.diff(store.content(), scenario.model(changelog, changelog.size())))
                    .as(at + " content after restoring the tail").isEmpty();
            assertThat(context.pending).as(at + " nothing logged while restoring").isEmpty();
            long durableAfter = offset;
            if (random.nextBoolean()) {
                store.root().commit(Map.of(CHANGELOG, (long) changelog.size()));
                durableAfter = changelog.size();
            }
            return new Verified(changelog.size() - (int) offset, durableAfter);
        } finally {
            store.root().close();
        }
    }

    /** Commits some batches, writes more (never committed), closes dirty and reopens: only commits remain. */
    private void abortInProcess(Scenario scenario) {
        Random random = new Random(SEED ^ (scenario.ordinal() + 100));
        String where = "seed=" + SEED + " scenario=" + scenario;
        Context context = new Context(dir);
        Handle store = scenario.open(context);
        List<String> committed;
        try {
            for (int batch = 0; batch < 5; batch++) {
                write(scenario, store, random, batch * 1_000L);
            }
            store.flushCache();
            store.root().commit(Map.of(CHANGELOG, 1L));
            committed = store.content();
            assertThat(committed).as(where + " committed content").isNotEmpty();
            write(scenario, store, random, 5_000L);
            if (scenario == Scenario.WINDOW) {
                store.window().put(Bytes.wrap(new byte[] {9}), new byte[] {9}, 10 * StoreCrashHarness.RETENTION_MS);
                assertThat(store.content()).as(where + " reads see the uncommitted future write")
                        .isNotEqualTo(committed);
            } else {
                store.keyValue().put(Bytes.wrap(new byte[] {9}), new byte[] {9});
                assertThat(store.keyValue().get(Bytes.wrap(new byte[] {9}))).as(where + " read own write").isNotNull();
            }
            store.clearCache();
        } finally {
            store.root().close();
        }
        Handle reopened = scenario.open(context);
        try {
            assertThat(reopened.committedOffset()).as(where + " committed offset").isEqualTo(1L);
            assertThat(StoreCrashHarness.diff(reopened.content(), committed)).as(where + " content after abort")
                    .isEmpty();
        } finally {
            reopened.root().close();
        }
    }

    private static void write(Scenario scenario, Handle store, Random random, long time) {
        for (int i = 0; i < 30; i++) {
            Bytes key = Bytes.wrap(new byte[] {(byte) random.nextInt(20)});
            byte[] value = random.nextInt(5) == 0 ? null : new byte[] {(byte) random.nextInt(), 1};
            if (scenario == Scenario.WINDOW) {
                store.window().put(key, value, time + random.nextInt(1_000));
            } else {
                store.keyValue().put(key, value);
            }
        }
    }

    /** What a child reported before it was killed. */
    private record ChildRun(long lastCommitted, int commits, int aborts, int appends) {
    }

    private ChildRun runChild(Scenario scenario, long seed, int target, int round, String where) throws Exception {
        Path stderr = dir.resolve("child-" + round + ".err");
        Process child = ChildJvm.of(jvmTmp, List.of("-Xmx128m"), StoreCrashWriterMain.class, dir.toString(),
                        scenario.name(), Long.toString(seed))
                .redirectError(stderr.toFile()).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = startReader(child, lines);
        Tally tally = new Tally();
        try {
            long deadline = System.nanoTime() + ROUND_TIMEOUT_NANOS;
            while (tally.events() < target) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null) {
                    tally.accept(line, where, stderr);
                } else if (!child.isAlive() && !reader.isAlive() && lines.isEmpty()) {
                    fail(where + " child exited code=" + child.exitValue() + " after commits=" + tally.commits
                            + " stderr=" + tail(stderr));
                } else if (System.nanoTime() > deadline) {
                    fail(where + " child stalled after commits=" + tally.commits + " stderr=" + tail(stderr));
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as(where + " child exited").isTrue();
            reader.join(TimeUnit.SECONDS.toMillis(30));
        }
        tally.killed = true;
        for (String line = lines.poll(); line != null; line = lines.poll()) {
            tally.accept(line, where, stderr);
        }
        return new ChildRun(tally.lastCommitted, tally.commits, tally.aborts, tally.appends);
    }

    private static Thread startReader(Process child, BlockingQueue<String> lines) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("READ-ERROR " + e);
            }
        }, "store-crash-reader");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    private static String tail(Path file) {
        try {
            String text = Files.readString(file);
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "unreadable: " + e;
        }
    }

    /** Counts the child's progress lines and fails on its error lines. */
    private static final class Tally {
        long lastCommitted;
        int commits;
        int aborts;
        int appends;
        /** After the kill, the reader's failure on the destroyed stream is expected. */
        boolean killed;

        int events() {
            return commits + aborts + appends;
        }

        void accept(String line, String where, Path stderr) {
            if (line.startsWith("COMMITTED ")) {
                lastCommitted = Long.parseLong(line.substring("COMMITTED ".length()));
                commits++;
            } else if (line.startsWith("ABORTED ")) {
                aborts++;
            } else if (line.startsWith("APPENDED ")) {
                appends++;
            } else if (line.startsWith("ERROR ") || (line.startsWith("READ-ERROR ") && !killed)) {
                fail(where + " child reported: " + line + " stderr=" + tail(stderr));
            }
        }
    }
}
