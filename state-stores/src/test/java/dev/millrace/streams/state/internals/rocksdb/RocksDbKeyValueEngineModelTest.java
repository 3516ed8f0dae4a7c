package dev.millrace.streams.state.internals.rocksdb;

import static dev.millrace.streams.state.internals.rocksdb.TestBytes.SEED;
import static dev.millrace.streams.state.internals.rocksdb.TestBytes.drain;
import static dev.millrace.streams.state.internals.rocksdb.TestBytes.hex;
import static dev.millrace.streams.state.internals.rocksdb.TestBytes.randomKey;
import static dev.millrace.streams.state.internals.rocksdb.TestBytes.randomValue;
import static dev.millrace.streams.state.internals.rocksdb.TestBytes.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.common.TopicPartition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random operation sequences against a sorted-map model: point reads, ranges, reverse ranges, prefix scans,
 * commits, aborts and reopens, in both modes. Keys use bytes that stress unsigned order and prefixes.
 */
class RocksDbKeyValueEngineModelTest {
    private static final int OPERATIONS = 1500;
    private static final TopicPartition CHANGELOG = new TopicPartition("app-store-changelog", 0);

    @TempDir
    Path dir;

    @Test
    void shouldMatchSortedMapModelWhenNotTransactional() {
        runModel(false, SEED);
    }

    @Test
    void shouldMatchSortedMapModelIncludingOverlayReadsWhenTransactional() {
        runModel(true, SEED + 1);
    }

    private void runModel(boolean transactional, long seed) {
        Random random = new Random(seed);
        Map<String, Object> configs = Map.of(RocksDbEngineConfig.TRANSACTIONAL_CONFIG, transactional);
        TreeMap<byte[], byte[]> model = TestBytes.sortedMap();
        TreeMap<byte[], byte[]> committed = TestBytes.sortedMap();
        long offset = 0;
        RocksDbKeyValueEngine engine = RocksDbKeyValueEngine.open(dir, "kv", null, configs);
        try {
            for (int op = 0; op < OPERATIONS; op++) {
                String where = "seed=" + seed + " op=" + op + " transactional=" + transactional;
                int choice = random.nextInt(100);
                if (choice < 35) {
                    byte[] key = randomKey(random, 3);
                    byte[] value = random.nextInt(6) == 0 ? null : randomValue(random);
                    engine.put(key, value);
                    apply(model, key, value);
                } else if (choice < 42) {
                    byte[] key = randomKey(random, 3);
                    engine.delete(key);
                    model.remove(key);
                } else if (choice < 47) {
                    List<RocksDbEntry> batch = new ArrayList<>();
                    for (int i = random.nextInt(5); i > 0; i--) {
                        RocksDbEntry entry = new RocksDbEntry(randomKey(random, 3),
                                random.nextInt(4) == 0 ? null : randomValue(random));
                        batch.add(entry);
                        apply(model, entry.key(), entry.value());
                    }
                    engine.putAll(batch);
                } else if (choice < 60) {
                    byte[] key = randomKey(random, 3);
                    assertThat(hex(engine.get(key))).as(where + " get key=" + hex(key)).isEqualTo(hex(model.get(key)));
                } else if (choice < 85) {
                    checkIteration(engine, model, random, where);
                } else if (choice < 93) {
                    offset++;
                    engine.commit(Map.of(CHANGELOG, offset));
                    committed = copy(model);
                } else if (choice < 97 && transactional) {
                    engine.abort();
                    model = copy(committed);
                } else {
                    engine.close();
                    engine = RocksDbKeyValueEngine.open(dir, "kv", null, configs);
                    if (transactional) {
                        model = copy(committed);
                    }
                    assertThat(engine.committedOffset(CHANGELOG)).as(where + " offset after reopen")
                            .isEqualTo(offset == 0 ? null : offset);
                }
            }
            assertThat(drain(engine.all())).as("seed=" + seed + " final").isEqualTo(render(model.entrySet()));
        } finally {
            engine.close();
        }
    }

    private static void checkIteration(RocksDbKeyValueEngine engine, TreeMap<byte[], byte[]> model, Random random,
                                       String where) {
        byte[] a = randomKey(random, 3);
        byte[] b = randomKey(random, 3);
        byte[] from = random.nextInt(5) == 0 ? null : a;
        byte[] to = random.nextInt(5) == 0 ? null : b;
        switch (random.nextInt(5)) {
            case 0 -> assertThat(drain(engine.range(from, to))).as(where + " range " + hex(from) + ".." + hex(to))
                    .isEqualTo(render(slice(model, from, to).entrySet()));
            case 1 -> assertThat(drain(engine.reverseRange(from, to)))
                    .as(where + " reverseRange " + hex(from) + ".." + hex(to))
                    .isEqualTo(render(slice(model, from, to).descendingMap().entrySet()));
            case 2 -> assertThat(drain(engine.all())).as(where + " all").isEqualTo(render(model.entrySet()));
            case 3 -> assertThat(drain(engine.reverseAll())).as(where + " reverseAll")
                    .isEqualTo(render(model.descendingMap().entrySet()));
            default -> {
                byte[] prefix = randomKey(random, 2);
                List<Map.Entry<byte[], byte[]>> expected = new ArrayList<>();
                for (Map.Entry<byte[], byte[]> entry : model.entrySet()) {
                    if (UnsignedBytes.startsWith(entry.getKey(), prefix)) {
                        expected.add(entry);
                    }
                }
                assertThat(drain(engine.prefixScan(prefix))).as(where + " prefixScan " + hex(prefix))
                        .isEqualTo(render(expected));
            }
        }
    }

    private static NavigableMap<byte[], byte[]> slice(TreeMap<byte[], byte[]> model, byte[] from, byte[] to) {
        if (from != null && to != null && UnsignedBytes.compare(from, to) > 0) {
            return TestBytes.sortedMap();
        }
        NavigableMap<byte[], byte[]> view = model;
        if (from != null) {
            view = view.tailMap(from, true);
        }
        if (to != null) {
            view = view.headMap(to, true);
        }
        return view;
    }

    private static void apply(TreeMap<byte[], byte[]> model, byte[] key, byte[] value) {
        if (value == null) {
            model.remove(key);
        } else {
            model.put(key, value);
        }
    }

    private static TreeMap<byte[], byte[]> copy(TreeMap<byte[], byte[]> model) {
        TreeMap<byte[], byte[]> copy = TestBytes.sortedMap();
        copy.putAll(model);
        return copy;
    }
}
