package dev.millrace.streams.state.internals;

import dev.millrace.common.serialization.ByteArraySerializer;
import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.errors.InvalidStateStoreException;
import dev.millrace.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.internals.KafkaLayersOracle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The caching layer against Kafka Streams' own {@code CachingKeyValueStore} (over its changelogging layer and
 * in-memory store), driven with the same random operations, record contexts and cache size: same forwarded
 * records (key, new, old, timestamp), same changelog records, same reads and forward ranges, same cache size in
 * bytes. Reverse ranges are compared with a sorted-map model (see {@link #model}).
 */
class CachingKeyValueStoreTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEY_ALPHABET = {0x01, 0x02, 0x03, 0x61};

    @TempDir
    Path stateDir;

    private static final class Sides {
        final TestStateStoreContext ours;
        final CachingKeyValueStore store;
        final List<String> forwarded = new ArrayList<>();
        final KafkaLayersOracle.Context theirs;
        final org.apache.kafka.streams.state.internals.CachingKeyValueStore oracle;
        final List<String> oracleForwarded = new ArrayList<>();

        Sides(long cacheBytes, boolean listener, boolean sendOld, Path dir) {
            ours = new TestStateStoreContext(null, null, cacheBytes);
            store = new CachingKeyValueStore(new ChangeLoggingKeyValueBytesStore(new InMemoryKeyValueStore("s")));
            store.init(ours, store);
            theirs = KafkaLayersOracle.context(cacheBytes, dir.toFile());
            oracle = KafkaLayersOracle.cachedLoggedKeyValueStore("s", true);
            theirs.init(oracle);
            if (listener) {
                store.setFlushListener(r -> forwarded.add(forwarded(r.key(), r.value().newValue,
                        r.value().oldValue, r.timestamp())), sendOld);
                oracle.setFlushListener(r -> oracleForwarded.add(forwarded(r.key(), r.value().newValue,
                        r.value().oldValue, r.timestamp())), sendOld);
            }
        }
    }

    private static String forwarded(byte[] key, byte[] newValue, byte[] oldValue, long timestamp) {
        return hex(key) + ":" + hex(newValue) + "<-" + hex(oldValue) + "@" + timestamp;
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? "null" : HEX.formatHex(bytes);
    }

    private static Bytes randomKey(Random random) {
        byte[] key = new byte[1 + random.nextInt(2)];
        for (int i = 0; i < key.length; i++) {
            key[i] = KEY_ALPHABET[random.nextInt(KEY_ALPHABET.length)];
        }
        return Bytes.wrap(key);
    }

    private static byte[] randomValue(Random random) {
        byte[] value = new byte[random.nextInt(6)];
        random.nextBytes(value);
        return value;
    }

    private static List<String> drain(KeyValueIterator<Bytes, byte[]> iterator) {
        List<String> out = new ArrayList<>();
        try (iterator) {
            while (iterator.hasNext()) {
                KeyValue<Bytes, byte[]> next = iterator.next();
                out.add(hex(next.key.get()) + "=" + hex(next.value));
            }
        }
        return out;
    }

    private static List<String> drainKafka(
            org.apache.kafka.streams.state.KeyValueIterator<org.apache.kafka.common.utils.Bytes, byte[]> iterator) {
        List<String> out = new ArrayList<>();
        try (iterator) {
            while (iterator.hasNext()) {
                org.apache.kafka.streams.KeyValue<org.apache.kafka.common.utils.Bytes, byte[]> next = iterator.next();
                out.add(hex(next.key.get()) + "=" + hex(next.value));
            }
        }
        return out;
    }

    /**
     * Kafka 4.3.1's merged cache iterator skips cached deletions without regard to the direction, so its reverse
     * iterations can return deleted keys (with null values) or resurrect keys deleted in the cache. Reverse
     * iterations are still run on both sides (they move cache entries in the LRU order) but compared with a
     * sorted-map model of the content only.
     */
    private static List<String> model(NavigableMap<Bytes, byte[]> view, boolean forward) {
        List<String> out = new ArrayList<>();
        (forward ? view : view.descendingMap()).forEach((k, v) -> out.add(hex(k.get()) + "=" + hex(v)));
        return out;
    }

    private static List<String> changelog(TestStateStoreContext context) {
        List<String> out = new ArrayList<>();
        for (TestStateStoreContext.ChangelogRecord record : context.changelog) {
            out.add(hex(record.key().get()) + "=" + hex(record.value()) + "@" + record.timestamp());
        }
        return out;
    }

    private static List<String> changelog(KafkaLayersOracle.Context context) {
        List<String> out = new ArrayList<>();
        for (KafkaLayersOracle.Logged record : context.logged) {
            out.add(hex(record.key()) + "=" + hex(record.value()) + "@" + record.timestamp());
        }
        return out;
    }

    private static org.apache.kafka.common.utils.Bytes kafka(Bytes bytes) {
        return bytes == null ? null : org.apache.kafka.common.utils.Bytes.wrap(bytes.get());
    }

    private void runAgainstKafka(long seed, long cacheBytes, boolean listener, boolean sendOld) {
        Random random = new Random(seed);
        Sides s = new Sides(cacheBytes, listener, sendOld, stateDir);
        TreeMap<Bytes, byte[]> model = new TreeMap<>();
        String facts = "seed=" + seed + " cacheBytes=" + cacheBytes + " listener=" + listener + " sendOld=" + sendOld;
        for (int step = 0; step < 400; step++) {
            s.ours.setRecord("in", 0, step, 1000 + step);
            s.theirs.setRecord(1000 + step, step);
            Bytes key = randomKey(random);
            int op = random.nextInt(100);
            String where = facts + " step=" + step + " op=" + op + " key=" + key;
            if (op < 58) {
                write(s, model, random, key, op, where);
            } else if (op < 93) {
                read(s, model, random, key, op, where);
            } else {
                s.store.flush();
                s.oracle.flushCache();
            }
            assertThat(s.forwarded).as(where).isEqualTo(s.oracleForwarded);
            assertThat(changelog(s.ours)).as(where).isEqualTo(changelog(s.theirs));
            assertThat(s.ours.cache.sizeBytes()).as(where).isEqualTo(KafkaLayersOracle.sizeBytes(s.theirs.cache));
        }
        s.store.flush();
        s.oracle.flushCache();
        assertThat(s.forwarded).as(facts).isEqualTo(s.oracleForwarded);
        assertThat(changelog(s.ours)).as(facts).isEqualTo(changelog(s.theirs));
        assertThat(drain(s.store.wrapped().all())).as(facts).isEqualTo(drainKafka(s.oracle.wrapped().all()));
    }

    private static void write(Sides s, TreeMap<Bytes, byte[]> model, Random random, Bytes key, int op,
                              String where) {
        if (op < 40) {
            byte[] value = random.nextInt(8) == 0 ? null : randomValue(random);
            s.store.put(key, value);
            s.oracle.put(kafka(key), value);
            if (value == null) {
                model.remove(key);
            } else {
                model.put(key, value);
            }
        } else if (op < 50) {
            assertThat(hex(s.store.delete(key))).as(where).isEqualTo(hex(s.oracle.delete(kafka(key))));
            model.remove(key);
        } else {
            byte[] value = randomValue(random);
            assertThat(hex(s.store.putIfAbsent(key, value))).as(where)
                    .isEqualTo(hex(s.oracle.putIfAbsent(kafka(key), value)));
            model.putIfAbsent(key, value);
        }
    }

    private static void read(Sides s, TreeMap<Bytes, byte[]> model, Random random, Bytes key, int op,
                             String where) {
        boolean forward = random.nextBoolean();
        if (op < 75) {
            assertThat(hex(s.store.get(key))).as(where).isEqualTo(hex(s.oracle.get(kafka(key))));
        } else if (op < 85) {
            Bytes other = randomKey(random);
            Bytes from = key.compareTo(other) <= 0 ? key : other;
            Bytes to = key.compareTo(other) <= 0 ? other : key;
            List<String> ours = drain(forward ? s.store.range(from, to) : s.store.reverseRange(from, to));
            List<String> theirs = drainKafka(forward ? s.oracle.range(kafka(from), kafka(to))
                    : s.oracle.reverseRange(kafka(from), kafka(to)));
            compare(where, forward, ours, theirs, model(model.subMap(from, true, to, true), forward));
        } else if (op < 90) {
            List<String> ours = drain(forward ? s.store.all() : s.store.reverseAll());
            List<String> theirs = drainKafka(forward ? s.oracle.all() : s.oracle.reverseAll());
            compare(where, forward, ours, theirs, model(model, forward));
        } else {
            byte[] prefix = {KEY_ALPHABET[random.nextInt(KEY_ALPHABET.length)]};
            assertThat(drain(s.store.prefixScan(prefix, new ByteArraySerializer()))).as(where)
                    .isEqualTo(drainKafka(s.oracle.prefixScan(prefix,
                            new org.apache.kafka.common.serialization.ByteArraySerializer())));
        }
    }

    private static void compare(String where, boolean forward, List<String> ours, List<String> theirs,
                                List<String> model) {
        if (forward) {
            assertThat(ours).as(where + " forward").isEqualTo(theirs);
        }
        assertThat(ours).as(where + " model forward=" + forward).isEqualTo(model);
    }

    @Test
    void shouldForwardAndLogExactlyAsKafkaWithOldValuesUnderEvictionPressure() {
        for (int round = 0; round < 20; round++) {
            runAgainstKafka(RandomBytes.SEED + round, 300 + 50L * round, true, true);
        }
    }

    @Test
    void shouldForwardAndLogExactlyAsKafkaWithoutOldValues() {
        for (int round = 0; round < 10; round++) {
            runAgainstKafka(RandomBytes.SEED * 31 + round, 400 + 100L * round, true, false);
        }
    }

    @Test
    void shouldLogExactlyAsKafkaWithoutFlushListener() {
        for (int round = 0; round < 10; round++) {
            runAgainstKafka(RandomBytes.SEED * 17 + round, 250 + 100L * round, false, false);
        }
    }

    @Test
    void shouldDeduplicateUpdatesOfAKeyUntilCommit() {
        TestStateStoreContext context = new TestStateStoreContext();
        CachingKeyValueStore store = new CachingKeyValueStore(
                new ChangeLoggingKeyValueBytesStore(new InMemoryKeyValueStore("s")));
        store.init(context, store);
        List<String> forwarded = new ArrayList<>();
        store.setFlushListener(r -> forwarded.add(forwarded(r.key(), r.value().newValue, r.value().oldValue,
                r.timestamp())), true);
        Bytes key = Bytes.wrap(new byte[] {1});
        for (int i = 0; i < 5; i++) {
            context.setRecord("in", 0, i, 10 + i);
            store.put(key, new byte[] {(byte) i});
        }
        assertThat(store.get(key)).containsExactly(4);
        assertThat(context.changelog).isEmpty();
        assertThat(store.wrapped().get(key)).isNull();
        store.commit(java.util.Map.of());
        assertThat(forwarded).containsExactly("01:04<-null@14");
        assertThat(changelog(context)).containsExactly("01=04@14");
    }

    @Test
    void shouldRefuseToInitWithAContextWithoutStoreRuntime() {
        CachingKeyValueStore store = new CachingKeyValueStore(new InMemoryKeyValueStore("s"));
        assertThatThrownBy(() -> store.init(PlainContext.create(), store))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("reason=contextLacksStoreRuntime")
                .hasMessageContaining("store=s").hasMessageContaining("layer=caching");
    }

    @Test
    void shouldRejectUseAfterClose() {
        TestStateStoreContext context = new TestStateStoreContext();
        CachingKeyValueStore store = new CachingKeyValueStore(new InMemoryKeyValueStore("s"));
        store.init(context, store);
        store.close();
        assertThatThrownBy(() -> store.get(Bytes.wrap(new byte[] {1})))
                .isInstanceOf(InvalidStateStoreException.class).hasMessageContaining("store=s");
    }
}
