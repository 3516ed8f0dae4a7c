package dev.millrace.streams.state.internals.rocksdb;

import dev.millrace.common.TopicPartition;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Child process of {@link RocksDbCrashTest}: resumes a transactional store at its committed offset and commits
 * transactions forever (with 64 KiB memtables, so that RocksDB flushes on its own every few dozen of them), each
 * made of puts and deletes that depend only on the seed and the transaction's
 * number (so the parent can rebuild the expected state for any offset), sometimes preceded by an aborted
 * transaction of keys that must never appear. Prints {@code COMMITTED n} after each commit returns.
 */
final class CrashWriterMain {
    static final TopicPartition CHANGELOG = new TopicPartition("crash-store-changelog", 0);
    static final int KEYS = 300;

    private CrashWriterMain() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (RocksDbKeyValueEngine engine = RocksDbKeyValueEngine.open(dir, "crash", null, configs())) {
            Long committed = engine.committedOffset(CHANGELOG);
            for (long n = committed == null ? 1 : committed + 1; ; n++) {
                Random random = random(seed, n);
                if (random.nextInt(5) == 0) {
                    for (int i = 0; i < 5; i++) {
                        engine.put(("aborted-" + n + "-" + i).getBytes(StandardCharsets.UTF_8), new byte[] {1});
                    }
                    engine.delete(key(random.nextInt(KEYS)));
                    engine.abort();
                }
                apply(random, n, (key, value) -> engine.put(key, value));
                engine.commit(Map.of(CHANGELOG, n));
                out.println("COMMITTED " + n);
            }
        }
    }

    /** The child's store configuration: transactional, with {@link SmallMemtables} so that flushes happen often. */
    static Map<String, Object> configs() {
        return Map.of(RocksDbEngineConfig.TRANSACTIONAL_CONFIG, true,
                RocksDbEngineConfig.CONFIG_SETTER_CONFIG, SmallMemtables.class);
    }

    /** The expected store after transactions {@code 1..offset}. */
    static TreeMap<byte[], byte[]> expected(long seed, long offset) {
        TreeMap<byte[], byte[]> model = TestBytes.sortedMap();
        for (long n = 1; n <= offset; n++) {
            Random random = random(seed, n);
            if (random.nextInt(5) == 0) {
                random.nextInt(KEYS);
            }
            apply(random, n, (key, value) -> {
                if (value == null) {
                    model.remove(key);
                } else {
                    model.put(key, value);
                }
            });
        }
        return model;
    }

    private static void apply(Random random, long n, java.util.function.BiConsumer<byte[], byte[]> write) {
        int writes = 1 + random.nextInt(40);
        for (int i = 0; i < writes; i++) {
            byte[] key = key(random.nextInt(KEYS));
            if (random.nextInt(6) == 0) {
                write.accept(key, null);
            } else {
                write.accept(key, ("t" + n + "-w" + i + "-" + "x".repeat(random.nextInt(200)))
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static Random random(long seed, long n) {
        return new Random(seed * 1_000_003L + n);
    }

    private static byte[] key(int k) {
        return String.format("key-%05d", k).getBytes(StandardCharsets.UTF_8);
    }
}
