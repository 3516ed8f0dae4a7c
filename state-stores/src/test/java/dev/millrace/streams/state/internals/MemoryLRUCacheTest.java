package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.state.KeyValueStore;
import dev.millrace.streams.state.Stores;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MemoryLRUCache} against a list-based LRU model and against Kafka Streams' {@code Stores.lruMap} store,
 * over seeded random operation sequences ({@code -Dmillrace.seed=N} changes the seeds).
 */
class MemoryLRUCacheTest {

    private static final int RUNS = 20;
    private static final int STEPS = 400;

    private static KeyValueStore<Bytes, byte[]> newStore(int size) {
        KeyValueStore<Bytes, byte[]> store = Stores.lruMap("lru", size).get();
        store.init(new TestStateStoreContext(), store);
        return store;
    }

    @Test
    void shouldMatchLeastRecentlyUsedModelOverRandomOperations() {
        for (int run = 0; run < RUNS; run++) {
            int size = 1 + run % 8;
            new KeyValueDriver(RandomBytes.SEED + run, true)
                    .run(lruModel(size), KeyValueStoreAdapters.millrace(newStore(size)), STEPS);
        }
    }

    @Test
    void shouldAnswerLikeKafkaStreamsLruMap() {
        for (int run = 0; run < RUNS; run++) {
            int size = 1 + run % 8;
            org.apache.kafka.streams.state.KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]> kafka =
                    org.apache.kafka.streams.state.Stores.lruMap("lru", size).get();
            kafka.init(KafkaOracle.context(Path.of(".").toFile()), kafka);
            new KeyValueDriver(RandomBytes.SEED + run, false)
                    .run(KeyValueStoreAdapters.kafka(kafka), KeyValueStoreAdapters.millrace(newStore(size)), STEPS);
        }
    }

    @Test
    void shouldEvictLeastRecentlyUsedAndTellTheListener() {
        MemoryLRUCache store = new MemoryLRUCache("lru", 2);
        List<Bytes> evicted = new ArrayList<>();
        store.setWhenEldestRemoved((key, value) -> evicted.add(key));
        Bytes a = Bytes.wrap(new byte[] {'a'});
        Bytes b = Bytes.wrap(new byte[] {'b'});
        Bytes c = Bytes.wrap(new byte[] {'c'});
        store.put(a, new byte[] {1});
        store.put(b, new byte[] {2});
        store.get(a);
        store.put(c, new byte[] {3});
        assertThat(evicted).containsExactly(b);
        assertThat(store.get(b)).isNull();
        assertThat(store.size()).isEqualTo(2);
    }

    /**
     * The model: an access-ordered list (most recent last) that drops its head beyond {@code size}; scans see a
     * sorted snapshot taken when they open.
     */
    private static KeyValueOps lruModel(int size) {
        return new LruModel(size);
    }

    private static final class LruModel implements KeyValueOps {
        private final int size;
        private final LinkedList<Map.Entry<Bytes, byte[]>> entries = new LinkedList<>();

        LruModel(int size) {
            this.size = size;
        }

        private Map.Entry<Bytes, byte[]> take(Bytes key) {
            Iterator<Map.Entry<Bytes, byte[]>> it = entries.iterator();
            while (it.hasNext()) {
                Map.Entry<Bytes, byte[]> entry = it.next();
                if (entry.getKey().equals(key)) {
                    it.remove();
                    return entry;
                }
            }
            return null;
        }

        @Override
        public void put(Bytes key, byte[] value) {
            take(key);
            if (value != null) {
                entries.addLast(new AbstractMap.SimpleEntry<>(key, value));
                if (entries.size() > size) {
                    entries.removeFirst();
                }
            }
        }

        @Override
        public byte[] putIfAbsent(Bytes key, byte[] value) {
            byte[] existing = get(key);
            if (existing == null) {
                put(key, value);
            }
            return existing;
        }

        @Override
        public void putAll(List<Map.Entry<Bytes, byte[]>> list) {
            list.forEach(e -> put(e.getKey(), e.getValue()));
        }

        @Override
        public byte[] delete(Bytes key) {
            Map.Entry<Bytes, byte[]> entry = take(key);
            return entry == null ? null : entry.getValue();
        }

        @Override
        public byte[] get(Bytes key) {
            Map.Entry<Bytes, byte[]> entry = take(key);
            if (entry == null) {
                return null;
            }
            entries.addLast(entry);
            return entry.getValue();
        }

        @Override
        public Iterator<Map.Entry<Bytes, byte[]>> scan(String kind, Bytes from, Bytes to) {
            TreeMap<Bytes, byte[]> sorted = new TreeMap<>();
            entries.forEach(e -> sorted.put(e.getKey(), e.getValue()));
            List<Map.Entry<Bytes, byte[]>> out = new ArrayList<>();
            for (Map.Entry<Bytes, byte[]> e : sorted.entrySet()) {
                if (KeyValueStoreAdapters.matches(kind, e.getKey(), from, to)) {
                    out.add(e);
                }
            }
            if (kind.startsWith("reverse")) {
                java.util.Collections.reverse(out);
            }
            return out.iterator();
        }

        @Override
        public long count() {
            return entries.size();
        }
    }
}
