package dev.millrace.benchmarks;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.state.KeyValueIterator;
import dev.millrace.streams.state.KeyValueStore;
import dev.millrace.streams.state.Stores;
import dev.millrace.streams.state.WindowStore;
import dev.millrace.streams.state.WindowStoreIterator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Put, get and range on key-value stores, and put and fetch on window stores, with our bytes stores and Kafka
 * Streams' own bytes stores in the same run, RocksDB and in-memory ({@code store} parameter).
 *
 * <p>Both sides are built from their {@code Stores} factory ({@code persistentKeyValueStore},
 * {@code inMemoryKeyValueStore}, {@code persistentWindowStore}, {@code inMemoryWindowStore}) with default options
 * and without caching or changelogging layers, initialised with a minimal context ({@link StoreContexts}), and
 * preloaded with the same data: 100,000 distinct random 16-byte keys with 100-byte values (key-value), or 10,000
 * keys times 10 one-minute windows (window; retention one hour, no duplicates). RocksDB stores are closed and
 * reopened after the preload (ours after a flush; Kafka's flushes on close), so reads start from table files with
 * empty memtables on both sides.
 *
 * <ul>
 *   <li>{@code put}: overwrite a random preloaded key with a 100-byte value.</li>
 *   <li>{@code get}: read a random preloaded key (always a hit).</li>
 *   <li>{@code range}: iterate a range that holds exactly 100 keys, reading every key and value.</li>
 *   <li>{@code windowPut}: overwrite a random (key, window) of the preload.</li>
 *   <li>{@code windowFetch}: {@code fetch(key, timeFrom, timeTo)} of a random key over its 10 windows.</li>
 * </ul>
 *
 * <p>Random choices come from fixed-seed index tables, identical on both sides. Each benchmark and parameter runs
 * in its own fork with its own fresh store in a temporary state directory, deleted at the end of the trial.
 * Results and the command line are in {@code benchmarks/RESULTS.md}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StoreBenchmark {
    static final int KEY_COUNT = 100_000;
    static final int KEY_BYTES = 16;
    static final int VALUE_BYTES = 100;
    static final int RANGE_KEYS = 100;
    static final int WINDOW_KEYS = 10_000;
    static final int WINDOWS_PER_KEY = 10;
    static final long WINDOW_MS = Duration.ofMinutes(1).toMillis();
    static final Duration RETENTION = Duration.ofHours(1);
    /** Start of the first window, aligned to the hour so that the preload falls into one segment. */
    static final long FIRST_WINDOW_MS = 1_700_000_000_000L / 3_600_000L * 3_600_000L;
    private static final int VALUE_POOL = 1024;
    private static final int PICKS = 1 << 16;

    /** The data both sides of one benchmark use; one instance per trial, confined to the benchmark thread. */
    abstract static class Inputs {
        byte[][] keys;
        byte[][] values;
        int[] picks;
        int cursor;

        /** Creates the shared data: {@code keyCount} keys and picks below {@code pickBound}. */
        void prepare(int keyCount, int pickBound) {
            Random random = new Random(StoreData.SEED);
            keys = StoreData.sortedKeys(keyCount, KEY_BYTES, random);
            values = StoreData.randomValues(VALUE_POOL, VALUE_BYTES, random);
            picks = StoreData.randomIndexes(PICKS, pickBound, random);
        }

        /** @return the next pick of the cyclic random table */
        final int next() {
            return picks[cursor++ & (PICKS - 1)];
        }

        /** @return a value of the pool, chosen by {@code i} */
        final byte[] value(int i) {
            return values[i & (VALUE_POOL - 1)];
        }
    }

    /** Our key-value store, preloaded with {@value #KEY_COUNT} keys. */
    @State(Scope.Thread)
    public static class MillraceKeyValue extends Inputs {
        /** {@code rocksdb} or {@code inmemory}. */
        @Param({"rocksdb", "inmemory"})
        public String store;
        KeyValueStore<Bytes, byte[]> kv;
        Bytes[] wrapped;
        private Path dir;

        private KeyValueStore<Bytes, byte[]> open() {
            KeyValueStore<Bytes, byte[]> opened = ("rocksdb".equals(store) ? Stores.persistentKeyValueStore("kv")
                    : Stores.inMemoryKeyValueStore("kv")).get();
            opened.init(StoreContexts.millrace(dir.toFile(), new HashMap<>()), opened);
            return opened;
        }

        @Setup(Level.Trial)
        public void setUp() {
            prepare(KEY_COUNT, KEY_COUNT);
            dir = StoreData.createStateDir("storebench-ours-", null);
            kv = open();
            wrapped = new Bytes[keys.length];
            for (int i = 0; i < keys.length; i++) {
                wrapped[i] = Bytes.wrap(keys[i]);
                kv.put(wrapped[i], value(i));
            }
            if (kv.persistent()) {
                kv.flush();
                kv.close();
                kv = open();
            }
            expect(rangeSize(this), RANGE_KEYS, store);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            kv.close();
            StoreData.deleteRecursively(dir);
        }
    }

    /** Kafka Streams' key-value store, preloaded with the same data as {@link MillraceKeyValue}. */
    @State(Scope.Thread)
    public static class KafkaKeyValue extends Inputs {
        /** {@code rocksdb} or {@code inmemory}. */
        @Param({"rocksdb", "inmemory"})
        public String store;
        org.apache.kafka.streams.state.KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]> kv;
        org.apache.kafka.common.utils.Bytes[] wrapped;
        private Path dir;

        private org.apache.kafka.streams.state.KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]> open() {
            var opened = ("rocksdb".equals(store) ? org.apache.kafka.streams.state.Stores.persistentKeyValueStore("kv")
                    : org.apache.kafka.streams.state.Stores.inMemoryKeyValueStore("kv")).get();
            opened.init(StoreContexts.kafka(dir.toFile(), new HashMap<>()), opened);
            return opened;
        }

        @Setup(Level.Trial)
        public void setUp() {
            prepare(KEY_COUNT, KEY_COUNT);
            dir = StoreData.createStateDir("storebench-kafka-", null);
            kv = open();
            wrapped = new org.apache.kafka.common.utils.Bytes[keys.length];
            for (int i = 0; i < keys.length; i++) {
                wrapped[i] = org.apache.kafka.common.utils.Bytes.wrap(keys[i]);
                kv.put(wrapped[i], value(i));
            }
            if (kv.persistent()) {
                // Kafka's commit no longer flushes memtables; closing does (its write-ahead log is off)
                kv.close();
                kv = open();
            }
            expect(rangeSize(this), RANGE_KEYS, store);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            kv.close();
            StoreData.deleteRecursively(dir);
        }
    }

    /** Our window store, preloaded with {@value #WINDOW_KEYS} keys times {@value #WINDOWS_PER_KEY} windows. */
    @State(Scope.Thread)
    public static class MillraceWindow extends Inputs {
        /** {@code rocksdb} or {@code inmemory}. */
        @Param({"rocksdb", "inmemory"})
        public String store;
        WindowStore<Bytes, byte[]> windows;
        Bytes[] wrapped;
        private Path dir;

        private WindowStore<Bytes, byte[]> open() {
            Duration size = Duration.ofMillis(WINDOW_MS);
            WindowStore<Bytes, byte[]> opened = ("rocksdb".equals(store)
                    ? Stores.persistentWindowStore("w", RETENTION, size, false)
                    : Stores.inMemoryWindowStore("w", RETENTION, size, false)).get();
            opened.init(StoreContexts.millrace(dir.toFile(), new HashMap<>()), opened);
            return opened;
        }

        @Setup(Level.Trial)
        public void setUp() {
            prepare(WINDOW_KEYS, WINDOW_KEYS * WINDOWS_PER_KEY);
            dir = StoreData.createStateDir("storebench-ours-", null);
            windows = open();
            wrapped = new Bytes[keys.length];
            for (int i = 0; i < keys.length; i++) {
                wrapped[i] = Bytes.wrap(keys[i]);
                for (int w = 0; w < WINDOWS_PER_KEY; w++) {
                    windows.put(wrapped[i], value(i * WINDOWS_PER_KEY + w), FIRST_WINDOW_MS + w * WINDOW_MS);
                }
            }
            if (windows.persistent()) {
                windows.flush();
                windows.close();
                windows = open();
            }
            expect(fetchSize(this), WINDOWS_PER_KEY, store);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            windows.close();
            StoreData.deleteRecursively(dir);
        }
    }

    /** Kafka Streams' window store, preloaded with the same data as {@link MillraceWindow}. */
    @State(Scope.Thread)
    public static class KafkaWindow extends Inputs {
        /** {@code rocksdb} or {@code inmemory}. */
        @Param({"rocksdb", "inmemory"})
        public String store;
        org.apache.kafka.streams.state.WindowStore<org.apache.kafka.common.utils.Bytes, byte[]> windows;
        org.apache.kafka.common.utils.Bytes[] wrapped;
        private Path dir;

        private org.apache.kafka.streams.state.WindowStore<org.apache.kafka.common.utils.Bytes, byte[]> open() {
            Duration size = Duration.ofMillis(WINDOW_MS);
            var opened = ("rocksdb".equals(store)
                    ? org.apache.kafka.streams.state.Stores.persistentWindowStore("w", RETENTION, size, false)
                    : org.apache.kafka.streams.state.Stores.inMemoryWindowStore("w", RETENTION, size, false)).get();
            opened.init(StoreContexts.kafka(dir.toFile(), new HashMap<>()), opened);
            return opened;
        }

        @Setup(Level.Trial)
        public void setUp() {
            prepare(WINDOW_KEYS, WINDOW_KEYS * WINDOWS_PER_KEY);
            dir = StoreData.createStateDir("storebench-kafka-", null);
            windows = open();
            wrapped = new org.apache.kafka.common.utils.Bytes[keys.length];
            for (int i = 0; i < keys.length; i++) {
                wrapped[i] = org.apache.kafka.common.utils.Bytes.wrap(keys[i]);
                for (int w = 0; w < WINDOWS_PER_KEY; w++) {
                    windows.put(wrapped[i], value(i * WINDOWS_PER_KEY + w), FIRST_WINDOW_MS + w * WINDOW_MS);
                }
            }
            if (windows.persistent()) {
                windows.close();
                windows = open();
            }
            expect(fetchSize(this), WINDOWS_PER_KEY, store);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            windows.close();
            StoreData.deleteRecursively(dir);
        }
    }

    private static void expect(int actual, int expected, String store) {
        if (actual != expected) {
            throw new IllegalStateException("reason=unexpectedResultSize store=" + store + " expected=" + expected
                    + " actual=" + actual);
        }
    }

    private static int rangeSize(MillraceKeyValue s) {
        return count(s.kv.range(s.wrapped[0], s.wrapped[RANGE_KEYS - 1]));
    }

    private static int rangeSize(KafkaKeyValue s) {
        return count(s.kv.range(s.wrapped[0], s.wrapped[RANGE_KEYS - 1]));
    }

    private static int fetchSize(MillraceWindow s) {
        return count(s.windows.fetch(s.wrapped[0], FIRST_WINDOW_MS, FIRST_WINDOW_MS + WINDOW_MS * WINDOWS_PER_KEY));
    }

    private static int fetchSize(KafkaWindow s) {
        return count(s.windows.fetch(s.wrapped[0], FIRST_WINDOW_MS, FIRST_WINDOW_MS + WINDOW_MS * WINDOWS_PER_KEY));
    }

    private static int count(java.util.Iterator<?> it) {
        int count = 0;
        while (it.hasNext()) {
            it.next();
            count++;
        }
        if (it instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("reason=iteratorCloseFailed", e);
            }
        }
        return count;
    }

    @Benchmark
    public void putMillrace(MillraceKeyValue s) {
        int i = s.next();
        s.kv.put(s.wrapped[i], s.value(s.cursor));
    }

    @Benchmark
    public void putKafka(KafkaKeyValue s) {
        int i = s.next();
        s.kv.put(s.wrapped[i], s.value(s.cursor));
    }

    @Benchmark
    public byte[] getMillrace(MillraceKeyValue s) {
        return s.kv.get(s.wrapped[s.next()]);
    }

    @Benchmark
    public byte[] getKafka(KafkaKeyValue s) {
        return s.kv.get(s.wrapped[s.next()]);
    }

    @Benchmark
    public int rangeMillrace(MillraceKeyValue s, Blackhole blackhole) {
        int from = Math.min(s.next(), KEY_COUNT - RANGE_KEYS);
        int count = 0;
        try (KeyValueIterator<Bytes, byte[]> it = s.kv.range(s.wrapped[from], s.wrapped[from + RANGE_KEYS - 1])) {
            while (it.hasNext()) {
                KeyValue<Bytes, byte[]> entry = it.next();
                blackhole.consume(entry.key);
                blackhole.consume(entry.value);
                count++;
            }
        }
        return count;
    }

    @Benchmark
    public int rangeKafka(KafkaKeyValue s, Blackhole blackhole) {
        int from = Math.min(s.next(), KEY_COUNT - RANGE_KEYS);
        int count = 0;
        try (var it = s.kv.range(s.wrapped[from], s.wrapped[from + RANGE_KEYS - 1])) {
            while (it.hasNext()) {
                var entry = it.next();
                blackhole.consume(entry.key);
                blackhole.consume(entry.value);
                count++;
            }
        }
        return count;
    }

    @Benchmark
    public void windowPutMillrace(MillraceWindow s) {
        int pick = s.next();
        s.windows.put(s.wrapped[pick / WINDOWS_PER_KEY], s.value(s.cursor),
                FIRST_WINDOW_MS + (pick % WINDOWS_PER_KEY) * WINDOW_MS);
    }

    @Benchmark
    public void windowPutKafka(KafkaWindow s) {
        int pick = s.next();
        s.windows.put(s.wrapped[pick / WINDOWS_PER_KEY], s.value(s.cursor),
                FIRST_WINDOW_MS + (pick % WINDOWS_PER_KEY) * WINDOW_MS);
    }

    @Benchmark
    public int windowFetchMillrace(MillraceWindow s, Blackhole blackhole) {
        int count = 0;
        try (WindowStoreIterator<byte[]> it = s.windows.fetch(s.wrapped[s.next() / WINDOWS_PER_KEY],
                FIRST_WINDOW_MS, FIRST_WINDOW_MS + (WINDOWS_PER_KEY - 1) * WINDOW_MS)) {
            while (it.hasNext()) {
                KeyValue<Long, byte[]> entry = it.next();
                blackhole.consume(entry.key);
                blackhole.consume(entry.value);
                count++;
            }
        }
        return count;
    }

    @Benchmark
    public int windowFetchKafka(KafkaWindow s, Blackhole blackhole) {
        int count = 0;
        try (var it = s.windows.fetch(s.wrapped[s.next() / WINDOWS_PER_KEY],
                FIRST_WINDOW_MS, FIRST_WINDOW_MS + (WINDOWS_PER_KEY - 1) * WINDOW_MS)) {
            while (it.hasNext()) {
                var entry = it.next();
                blackhole.consume(entry.key);
                blackhole.consume(entry.value);
                count++;
            }
        }
        return count;
    }
}
