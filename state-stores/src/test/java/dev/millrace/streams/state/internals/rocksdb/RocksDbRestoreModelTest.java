package dev.millrace.streams.state.internals.rocksdb;

import static dev.millrace.streams.state.internals.rocksdb.TestBytes.SEED;
import static dev.millrace.streams.state.internals.rocksdb.TestBytes.drain;
import static dev.millrace.streams.state.internals.rocksdb.TestBytes.hex;
import static dev.millrace.streams.state.internals.rocksdb.TestBytes.randomKey;
import static dev.millrace.streams.state.internals.rocksdb.TestBytes.randomValue;
import static dev.millrace.streams.state.internals.rocksdb.TestBytes.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.common.TopicPartition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restore path against a sorted-map model: random restored batches with duplicate keys (within a batch and
 * across batches and table files) and tombstones, interleaved with reads, commits, regular writes before and after
 * bulk load, and reopens, in both modes. A small {@value RocksDbEngineConfig#RESTORE_CHUNK_BYTES_CONFIG} makes
 * a restore span many ingested table files.
 */
class RocksDbRestoreModelTest {
    private static final int ROUNDS = 40;
    private static final TopicPartition CHANGELOG = new TopicPartition("app-store-changelog", 0);

    @TempDir
    Path dir;

    @Test
    void shouldRestoreBatchesWithDuplicatesAndTombstonesLikeASortedMap() {
        run(false, SEED + 10);
    }

    @Test
    void shouldRestoreIntoTheOverlayLikeASortedMapWhenTransactional() {
        run(true, SEED + 11);
    }

    @Test
    void shouldLeaveNoRestoreFilesBehind() throws IOException {
        run(false, SEED + 12);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .as("seed=" + (SEED + 12)).noneMatch(name -> name.startsWith(RestoreChunk.FILE_PREFIX));
        }
    }

    private void run(boolean transactional, long seed) {
        Random random = new Random(seed);
        Map<String, Object> configs = Map.of(RocksDbEngineConfig.TRANSACTIONAL_CONFIG, transactional,
                RocksDbEngineConfig.RESTORE_CHUNK_BYTES_CONFIG, 1 + random.nextInt(3000));
        TreeMap<byte[], byte[]> model = TestBytes.sortedMap();
        long offset = 0;
        RocksDbKeyValueEngine engine = RocksDbKeyValueEngine.open(dir, "restore", null, configs);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String where = "seed=" + seed + " round=" + round + " transactional=" + transactional;
                for (int write = random.nextInt(20); write > 0; write--) {
                    byte[] key = randomKey(random, 3);
                    byte[] value = random.nextInt(5) == 0 ? null : randomValue(random);
                    engine.put(key, value);
                    apply(model, key, value);
                }
                engine.beginBulkLoad();
                for (int batch = random.nextInt(12); batch > 0; batch--) {
                    List<RocksDbEntry> entries = randomBatch(random);
                    engine.restore(entries);
                    entries.forEach(entry -> apply(model, entry.key(), entry.value()));
                    offset += entries.size();
                    int action = random.nextInt(10);
                    if (action == 0) {
                        byte[] key = randomKey(random, 3);
                        assertThat(hex(engine.get(key))).as(where + " get during restore " + hex(key))
                                .isEqualTo(hex(model.get(key)));
                    } else if (action == 1) {
                        engine.commit(Map.of(CHANGELOG, offset));
                    } else if (action == 2) {
                        assertThat(drain(engine.all())).as(where + " all during restore")
                                .isEqualTo(render(model.entrySet()));
                    }
                }
                engine.commit(Map.of(CHANGELOG, offset));
                if (random.nextBoolean()) {
                    engine.endBulkLoad();
                }
                assertThat(drain(engine.all())).as(where + " after restore").isEqualTo(render(model.entrySet()));
                assertThat(drain(engine.reverseAll())).as(where + " reverse after restore")
                        .isEqualTo(render(model.descendingMap().entrySet()));
                if (random.nextInt(4) == 0) {
                    engine.close();
                    engine = RocksDbKeyValueEngine.open(dir, "restore", null, configs);
                    assertThat(engine.committedOffset(CHANGELOG)).as(where + " offset after reopen").isEqualTo(offset);
                    assertThat(drain(engine.all())).as(where + " after reopen").isEqualTo(render(model.entrySet()));
                }
            }
        } finally {
            engine.close();
        }
    }

    /** A batch whose keys repeat often (a few hundred possible keys), about one in five a tombstone. */
    private static List<RocksDbEntry> randomBatch(Random random) {
        List<RocksDbEntry> entries = new ArrayList<>();
        for (int i = random.nextInt(120); i > 0; i--) {
            entries.add(new RocksDbEntry(randomKey(random, 3), random.nextInt(5) == 0 ? null : randomValue(random)));
        }
        return entries;
    }

    private static void apply(TreeMap<byte[], byte[]> model, byte[] key, byte[] value) {
        if (value == null) {
            model.remove(key);
        } else {
            model.put(key, value);
        }
    }
}
