package dev.millrace.streams.state.internals.rocksdb;

import static dev.millrace.streams.state.internals.rocksdb.TestBytes.SEED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.millrace.streams.state.internals.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash consistency of the ingesting restore path, judged by kill -9: a child JVM ({@link RestoreCrashWriterMain})
 * restores an endless changelog into a non-transactional store, ingesting a table file every hundred records or
 * so and committing the offset now and then; the test SIGKILLs it after a random number of commits and reopens the
 * store. Each round starts from a store whose content is exactly the changelog prefix up to its offset, so after
 * the kill the content must be exactly some longer prefix (ingestion is atomic and in changelog order; restored
 * data may be ahead of the offset, never behind, and never a mix), the offset must not have gone back, and no
 * restore file may be left behind. The test then commits the prefix it found and closes, which starts the next
 * round from an exact state again.
 */
@Tag("integration")
class RocksDbRestoreCrashTest {
    private static final int ROUNDS = 8;
    private static final long SEARCH_LIMIT = 200_000;

    @TempDir
    Path dir;
    @TempDir
    Path jvmTmp;

    @Test
    void shouldLeaveAChangelogPrefixAtOrAfterTheOffsetWhenKilledDuringRestore() throws Exception {
        Random random = new Random(SEED);
        long durable = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String where = "seed=" + SEED + " round=" + round + " durableBefore=" + durable;
            long acknowledged = runChildUntil(durable + 1 + random.nextInt(30), where);
            try (RocksDbKeyValueEngine engine = RocksDbKeyValueEngine.open(dir, "restore-crash", null,
                    RestoreCrashWriterMain.configs())) {
                Long committed = engine.committedOffset(RestoreCrashWriterMain.CHANGELOG);
                long offset = committed == null ? 0 : committed;
                String at = where + " acknowledged=" + acknowledged + " offset=" + offset;
                assertThat(offset).as(at + " durable offsets survive").isGreaterThanOrEqualTo(durable);
                long prefix = matchingPrefix(TestBytes.drain(engine.all()), offset, at);
                try (Stream<Path> files = Files.list(dir)) {
                    assertThat(files.map(path -> path.getFileName().toString())).as(at + " restore files")
                            .noneMatch(name -> name.startsWith(RestoreChunk.FILE_PREFIX));
                }
                engine.commit(Map.of(RestoreCrashWriterMain.CHANGELOG, prefix));
                durable = prefix;
            }
        }
        assertThat(durable).as("seed=" + SEED + " restores made progress").isGreaterThan(ROUNDS);
    }

    /**
     * The length of the changelog prefix, at least {@code offset}, whose state the content is; fails if none.
     * Restored data reaches the store at batch ends only, so only whole batches are tried.
     */
    private static long matchingPrefix(List<String> content, long offset, String at) {
        TreeMap<byte[], byte[]> model = TestBytes.sortedMap();
        RestoreCrashWriterMain.apply(model, SEED, 0, offset);
        for (long length = offset; length <= offset + SEARCH_LIMIT; length += RestoreCrashWriterMain.BATCH) {
            if (content.equals(TestBytes.render(model.entrySet()))) {
                return length;
            }
            RestoreCrashWriterMain.apply(model, SEED, length, length + RestoreCrashWriterMain.BATCH);
        }
        return fail(at + " content is no changelog prefix at or after the offset, entries=" + content.size());
    }

    private long runChildUntil(long target, String where) throws Exception {
        Process child = ChildJvm.of(jvmTmp, List.of("-Xmx128m"), RestoreCrashWriterMain.class, dir.toString(),
                        Long.toString(SEED))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long last = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (last < target) {
                String line = in.readLine();
                if (line == null || System.nanoTime() > deadline) {
                    fail(where + " child stopped after " + last + ", alive=" + child.isAlive());
                }
                if (line.startsWith("COMMITTED ")) {
                    last = Long.parseLong(line.substring("COMMITTED ".length()));
                }
            }
        } catch (IOException e) {
            fail(where + " reading the child failed", e);
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as(where + " child exited").isTrue();
        }
        return last;
    }
}
