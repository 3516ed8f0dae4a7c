package dev.millrace.streams.state.internals.rocksdb;

import static dev.millrace.streams.state.internals.rocksdb.TestBytes.SEED;
import static dev.millrace.streams.state.internals.rocksdb.TestBytes.drain;
import static dev.millrace.streams.state.internals.rocksdb.TestBytes.hex;
import static dev.millrace.streams.state.internals.rocksdb.TestBytes.randomKey;
import static dev.millrace.streams.state.internals.rocksdb.TestBytes.randomValue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.common.TopicPartition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random puts, deletes, gets, fetches (single key, key ranges, open ranges, backward) and all-scans of window
 * and session layouts across segment boundaries and expiry, with commits, aborts and reopens, against a model
 * of segments as sorted maps.
 */
class SegmentedRocksDbEngineModelTest {
    private static final int OPERATIONS = 1500;
    private static final long RETENTION = 250;
    private static final long INTERVAL = 100;
    private static final TopicPartition CHANGELOG = new TopicPartition("app-window-changelog", 0);

    @TempDir
    Path dir;

    @Test
    void shouldMatchModelForWindowKeys() {
        run(WindowKeySchema.INSTANCE, false, SEED);
    }

    @Test
    void shouldMatchModelForWindowKeysWhenTransactional() {
        run(WindowKeySchema.INSTANCE, true, SEED + 1);
    }

    @Test
    void shouldMatchModelForSessionKeys() {
        run(SessionKeySchema.INSTANCE, false, SEED + 2);
    }

    @Test
    void shouldMatchModelForSessionKeysWhenTransactional() {
        run(SessionKeySchema.INSTANCE, true, SEED + 3);
    }

    private void run(SegmentKeySchema schema, boolean transactional, long seed) {
        Random random = new Random(seed);
        Map<String, Object> configs = Map.of(RocksDbEngineConfig.TRANSACTIONAL_CONFIG, transactional);
        Model model = new Model(schema);
        Model committed = model.copy();
        long offset = 0;
        long clock = 0;
        SegmentedRocksDbEngine engine = open(schema, configs);
        try {
            for (int op = 0; op < OPERATIONS; op++) {
                String where = "seed=" + seed + " op=" + op + " transactional=" + transactional;
                int choice = random.nextInt(100);
                clock += random.nextInt(12);
                if (choice < 40) {
                    byte[] storeKey = storeKey(schema, random, clock);
                    byte[] value = random.nextInt(8) == 0 ? null : randomValue(random);
                    assertThat(engine.put(storeKey, value)).as(where + " put " + hex(storeKey))
                            .isEqualTo(model.put(storeKey, value));
                } else if (choice < 50) {
                    byte[] storeKey = storeKey(schema, random, clock);
                    assertThat(hex(engine.get(storeKey))).as(where + " get " + hex(storeKey))
                            .isEqualTo(hex(model.get(storeKey)));
                } else if (choice < 80) {
                    fetch(engine, model, random, clock, where);
                } else if (choice < 85) {
                    boolean forward = random.nextBoolean();
                    assertThat(drain(engine.all(forward))).as(where + " all forward=" + forward)
                            .isEqualTo(model.all(forward));
                } else if (choice < 92) {
                    engine.commit(Map.of(CHANGELOG, ++offset));
                    committed = model.copy();
                } else if (choice < 96 && transactional) {
                    engine.abort();
                    model = committed.copy();
                } else {
                    engine.close();
                    engine = open(schema, configs);
                    model = transactional ? committed.copy() : model.withStreamTime(committed.streamTime);
                    assertThat(engine.observedStreamTime()).as(where + " stream time").isEqualTo(model.streamTime);
                }
                assertThat(engine.liveSegmentIds()).as(where + " segments").containsAll(model.segments.keySet());
            }
        } finally {
            engine.close();
        }
    }

    private void fetch(SegmentedRocksDbEngine engine, Model model, Random random, long clock, String where) {
        byte[] keyFrom = randomKey(random, 2);
        byte[] keyTo = random.nextInt(3) == 0 ? keyFrom : randomKey(random, 2);
        if (random.nextInt(6) == 0) {
            keyFrom = null;
        }
        if (random.nextInt(6) == 0) {
            keyTo = null;
        }
        long timeFrom = clock - random.nextInt(400);
        long timeTo = timeFrom + random.nextInt(400) - 20;
        boolean forward = random.nextBoolean();
        assertThat(drain(engine.fetch(keyFrom, keyTo, timeFrom, timeTo, forward)))
                .as(where + " fetch " + hex(keyFrom) + ".." + hex(keyTo) + " time " + timeFrom + ".." + timeTo
                        + " forward=" + forward)
                .isEqualTo(model.fetch(keyFrom, keyTo, timeFrom, timeTo, forward));
    }

    private static byte[] storeKey(SegmentKeySchema schema, Random random, long clock) {
        byte[] key = randomKey(random, 2);
        long time = Math.max(0, clock - random.nextInt(300));
        if (schema == WindowKeySchema.INSTANCE) {
            return WindowKeySchema.toStoreKey(key, time, random.nextInt(2));
        }
        return SessionKeySchema.toStoreKey(key, Math.max(0, time - random.nextInt(150)), time);
    }

    private SegmentedRocksDbEngine open(SegmentKeySchema schema, Map<String, Object> configs) {
        return SegmentedRocksDbEngine.open(dir, "segmented", schema, RETENTION, INTERVAL, null, configs);
    }

    /** Segments as sorted maps with Kafka's liveness rule. */
    private static final class Model {
        final SegmentKeySchema schema;
        final TreeMap<Long, TreeMap<byte[], byte[]>> segments = new TreeMap<>();
        long streamTime = -1;

        Model(SegmentKeySchema schema) {
            this.schema = schema;
        }

        boolean put(byte[] storeKey, byte[] value) {
            long timestamp = schema.segmentTimestamp(storeKey);
            streamTime = Math.max(streamTime, timestamp);
            long minLive = (streamTime - RETENTION) / INTERVAL;
            boolean live = timestamp / INTERVAL >= minLive;
            if (live) {
                TreeMap<byte[], byte[]> segment = segments.computeIfAbsent(timestamp / INTERVAL,
                        id -> TestBytes.sortedMap());
                if (value == null) {
                    segment.remove(storeKey);
                } else {
                    segment.put(storeKey, value);
                }
            }
            segments.headMap(minLive, false).clear();
            return live;
        }

        byte[] get(byte[] storeKey) {
            long timestamp = schema.segmentTimestamp(storeKey);
            if (timestamp < streamTime - RETENTION + 1) {
                return null;
            }
            TreeMap<byte[], byte[]> segment = segments.get(timestamp / INTERVAL);
            return segment == null ? null : segment.get(storeKey);
        }

        List<String> fetch(byte[] keyFrom, byte[] keyTo, long timeFrom, long timeTo, boolean forward) {
            long from = Math.max(Math.max(timeFrom, 0), streamTime - RETENTION + 1);
            List<String> out = new ArrayList<>();
            for (TreeMap<byte[], byte[]> segment : forward ? segments.values() : segments.descendingMap().values()) {
                for (Map.Entry<byte[], byte[]> entry : forward ? segment.entrySet()
                        : segment.descendingMap().entrySet()) {
                    byte[] key = schema.extractKey(entry.getKey());
                    if ((keyFrom == null || UnsignedBytes.compare(key, keyFrom) >= 0)
                            && (keyTo == null || UnsignedBytes.compare(key, keyTo) <= 0)
                            && schema.matchesTime(entry.getKey(), from, timeTo)) {
                        out.add(hex(entry.getKey()) + "=" + hex(entry.getValue()));
                    }
                }
            }
            return out;
        }

        List<String> all(boolean forward) {
            List<String> out = new ArrayList<>();
            for (TreeMap<byte[], byte[]> segment : forward ? segments.values() : segments.descendingMap().values()) {
                out.addAll(TestBytes.render(forward ? segment.entrySet() : segment.descendingMap().entrySet()));
            }
            return out;
        }

        Model copy() {
            Model copy = new Model(schema);
            copy.streamTime = streamTime;
            for (Map.Entry<Long, TreeMap<byte[], byte[]>> segment : segments.entrySet()) {
                TreeMap<byte[], byte[]> entries = TestBytes.sortedMap();
                entries.putAll(segment.getValue());
                copy.segments.put(segment.getKey(), entries);
            }
            return copy;
        }

        Model withStreamTime(long time) {
            Model copy = copy();
            copy.streamTime = time;
            return copy;
        }
    }
}
