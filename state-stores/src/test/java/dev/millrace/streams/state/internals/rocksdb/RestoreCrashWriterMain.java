package dev.millrace.streams.state.internals.rocksdb;

import dev.millrace.common.TopicPartition;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Child process of {@link RocksDbRestoreCrashTest}: opens a non-transactional store with small restore chunks (so
 * that restored records are ingested as a table file every hundred records or so) and 64 KiB memtables, then
 * restores an endless changelog from the store's committed offset in batches of {@value #BATCH} records, committing
 * the offset after about one batch in four and printing {@code COMMITTED n} once that commit returns. Record
 * {@code i} of the changelog depends only on the seed and {@code i}, so the parent can rebuild any prefix.
 */
final class RestoreCrashWriterMain {
    static final TopicPartition CHANGELOG = new TopicPartition("restore-crash-changelog", 0);
    static final int BATCH = 100;
    private static final int KEYS = 500;

    private RestoreCrashWriterMain() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Random commits = new Random(seed ^ System.nanoTime());
        try (RocksDbKeyValueEngine engine = RocksDbKeyValueEngine.open(dir, "restore-crash", null, configs())) {
            Long committed = engine.committedOffset(CHANGELOG);
            engine.beginBulkLoad();
            for (long next = committed == null ? 0 : committed; ; next += BATCH) {
                List<RocksDbEntry> batch = new ArrayList<>(BATCH);
                for (long i = next; i < next + BATCH; i++) {
                    batch.add(record(seed, i));
                }
                engine.restore(batch);
                if (commits.nextInt(4) == 0) {
                    engine.commit(Map.of(CHANGELOG, next + BATCH));
                    out.println("COMMITTED " + (next + BATCH));
                }
            }
        }
    }

    /** The child's store configuration: non-transactional, 4 KiB restore chunks, 64 KiB memtables. */
    static Map<String, Object> configs() {
        return Map.of(RocksDbEngineConfig.TRANSACTIONAL_CONFIG, false,
                RocksDbEngineConfig.RESTORE_CHUNK_BYTES_CONFIG, 4096L,
                RocksDbEngineConfig.CONFIG_SETTER_CONFIG, SmallMemtables.class);
    }

    /** Changelog record {@code index}: one of a few hundred keys, about one in six a tombstone. */
    static RocksDbEntry record(long seed, long index) {
        Random random = new Random(seed * 1_000_003L + index);
        byte[] key = String.format("key-%04d", random.nextInt(KEYS)).getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(6) == 0) {
            return new RocksDbEntry(key, null);
        }
        byte[] value = new byte[1 + random.nextInt(50)];
        random.nextBytes(value);
        return new RocksDbEntry(key, value);
    }

    /** Applies records {@code [from, to)} to {@code model}. */
    static void apply(TreeMap<byte[], byte[]> model, long seed, long from, long to) {
        for (long i = from; i < to; i++) {
            RocksDbEntry entry = record(seed, i);
            if (entry.value() == null) {
                model.remove(entry.key());
            } else {
                model.put(entry.key(), entry.value());
            }
        }
    }
}
