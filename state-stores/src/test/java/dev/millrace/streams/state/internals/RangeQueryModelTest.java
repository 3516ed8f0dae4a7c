package dev.millrace.streams.state.internals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.query.PositionBound;
import dev.millrace.streams.query.QueryConfig;
import dev.millrace.streams.query.QueryResult;
import dev.millrace.streams.query.RangeQuery;
import dev.millrace.streams.state.KeyValueIterator;
import dev.millrace.streams.state.KeyValueStore;
import dev.millrace.streams.state.Stores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random {@link RangeQuery}s (open and closed bounds, inverted ranges, every {@code ResultOrder}) against
 * every key-value bytes store and the caching layer, compared with a sorted map of unsigned byte keys after the
 * same random writes. {@code -Dmillrace.seed=N} changes the seeds; every assertion names its seed.
 */
class RangeQueryModelTest {

    private static final int RUNS = 3;
    private static final int STEPS = 240;

    @TempDir
    Path stateDir;

    @Test
    void rangeQueriesInEveryOrderMatchTheSortedMapModel() {
        Map<String, Supplier<KeyValueStore<Bytes, byte[]>>> stores = Map.of(
                "rocksdb", () -> Stores.persistentKeyValueStore("kv").get(),
                "rocksdbTimestamped", () -> Stores.persistentTimestampedKeyValueStore("ts").get(),
                "inMemory", () -> Stores.inMemoryKeyValueStore("mem").get(),
                "lru", () -> Stores.lruMap("lru", 10_000).get(),
                "cachingOverInMemory", () -> new CachingKeyValueStore(Stores.inMemoryKeyValueStore("cached").get()));
        for (Map.Entry<String, Supplier<KeyValueStore<Bytes, byte[]>>> kind : new TreeMap<>(stores).entrySet()) {
            for (int run = 0; run < RUNS; run++) {
                long seed = RandomBytes.SEED + run;
                KeyValueStore<Bytes, byte[]> store = kind.getValue().get();
                QueryTestContext context = new QueryTestContext(stateDir.resolve(kind.getKey() + run));
                store.init(context, store);
                try {
                    runAgainstModel(store, context, new Random(seed), kind.getKey() + " seed=" + seed);
                } finally {
                    store.close();
                }
            }
        }
    }

    private static void runAgainstModel(KeyValueStore<Bytes, byte[]> store, QueryTestContext context, Random random,
                                        String what) {
        NavigableMap<Bytes, byte[]> model = new TreeMap<>();
        for (int step = 1; step <= STEPS; step++) {
            Bytes key = RandomBytes.key(random);
            context.setRecord("in", 0, step, step);
            if (random.nextInt(4) == 0) {
                store.delete(key);
                model.remove(key);
            } else {
                byte[] value = RandomBytes.value(random);
                store.put(key, value);
                model.put(key, value);
            }
            if (step % 40 == 0) {
                // the caching layer sends range queries to the store below, which sees the writes once committed
                store.commit(Map.of());
                for (int i = 0; i < 12; i++) {
                    checkRange(store, model, random, what + " step=" + step + " query=" + i);
                }
            }
        }
    }

    private static void checkRange(KeyValueStore<Bytes, byte[]> store, NavigableMap<Bytes, byte[]> model,
                                   Random random, String what) {
        Bytes lower = random.nextInt(4) == 0 ? null : RandomBytes.keyOrEmpty(random);
        Bytes upper = random.nextInt(4) == 0 ? null : RandomBytes.keyOrEmpty(random);
        int order = random.nextInt(3);
        RangeQuery<Bytes, byte[]> query = RangeQuery.withRange(lower, upper);
        if (order == 1) {
            query = query.withAscendingKeys();
        } else if (order == 2) {
            query = query.withDescendingKeys();
        }
        List<String> expected = new ArrayList<>();
        boolean inverted = lower != null && upper != null && lower.compareTo(upper) > 0;
        if (!inverted) {
            NavigableMap<Bytes, byte[]> view = model;
            if (lower != null) {
                view = view.tailMap(lower, true);
            }
            if (upper != null) {
                view = view.headMap(upper, true);
            }
            for (Map.Entry<Bytes, byte[]> entry : (order == 2 ? view.descendingMap() : view).entrySet()) {
                expected.add(entry.getKey() + "=" + Bytes.wrap(entry.getValue()));
            }
        }
        QueryResult<KeyValueIterator<Bytes, byte[]>> result = store.query(query, PositionBound.unbounded(),
                new QueryConfig(false));
        assertThat(result.isSuccess()).as(what).isTrue();
        List<String> actual = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> iterator = result.getResult()) {
            while (iterator.hasNext()) {
                var next = iterator.next();
                actual.add(next.key + "=" + Bytes.wrap(next.value));
            }
        }
        assertThat(actual).as(what + " lower=" + lower + " upper=" + upper + " order=" + query.resultOrder())
                .isEqualTo(expected);
        assertThat(QueryResults.position(result.getPosition())).as(what).startsWith("{in={0=");
    }
}
