package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.kstream.Windowed;
import dev.millrace.streams.kstream.internals.SessionWindow;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.KafkaLayersOracle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The changelogging layers against Kafka Streams' own ({@code ChangeLogging*BytesStore} over Kafka's in-memory
 * stores, or over a stand-in for the versioned store), driven with the same random writes and record contexts:
 * the changelog records (topic, partition, key layout, value, timestamp) must be equal.
 */
class ChangeLoggingStoresTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final int STEPS = 300;

    @TempDir
    Path stateDir;

    private static String hex(byte[] bytes) {
        return bytes == null ? "null" : HEX.formatHex(bytes);
    }

    private static List<String> ours(TestStateStoreContext context) {
        List<String> out = new ArrayList<>();
        for (TestStateStoreContext.ChangelogRecord record : context.changelog) {
            assertThat(record.topic()).isEqualTo("app-s-changelog");
            assertThat(record.partition()).isZero();
            out.add(hex(record.key().get()) + "=" + hex(record.value()) + "@" + record.timestamp());
        }
        return out;
    }

    private static List<String> theirs(KafkaLayersOracle.Context context) {
        List<String> out = new ArrayList<>();
        for (KafkaLayersOracle.Logged record : context.logged) {
            assertThat(record.store()).isEqualTo("s");
            out.add(hex(record.key()) + "=" + hex(record.value()) + "@" + record.timestamp());
        }
        return out;
    }

    private static byte[] key(Random random) {
        return new byte[] {(byte) random.nextInt(4), (byte) random.nextInt(3)};
    }

    private static byte[] value(Random random, boolean timestamped) {
        if (random.nextInt(6) == 0) {
            return null;
        }
        byte[] raw = new byte[1 + random.nextInt(4)];
        random.nextBytes(raw);
        return timestamped ? ByteBuffer.allocate(8 + raw.length).putLong(random.nextInt(5000)).put(raw).array() : raw;
    }

    private static org.apache.kafka.common.utils.Bytes kafka(byte[] key) {
        return org.apache.kafka.common.utils.Bytes.wrap(key);
    }

    private final class Pair {
        final TestStateStoreContext ours = new TestStateStoreContext();
        final KafkaLayersOracle.Context theirs = KafkaLayersOracle.context(1024, stateDir.toFile());

        void record(int step) {
            ours.setRecord("in", 0, step, 100 + step);
            theirs.setRecord(100 + step, step);
        }

        void init(StateStore store, org.apache.kafka.streams.processor.StateStore oracle) {
            store.init(ours, store);
            theirs.init(oracle);
        }

        void assertEqualChangelogs(String facts) {
            assertThat(ChangeLoggingStoresTest.ours(ours)).as(facts).isEqualTo(ChangeLoggingStoresTest.theirs(theirs));
            assertThat(ours.changelog).as(facts).isNotEmpty();
        }
    }

    private void keyValueRound(long seed, boolean timestamped) {
        Random random = new Random(seed);
        Pair pair = new Pair();
        KeyValueStore<Bytes, byte[]> store = timestamped
                ? new ChangeLoggingTimestampedKeyValueBytesStore(new InMemoryKeyValueStore("s"))
                : new ChangeLoggingKeyValueBytesStore(new InMemoryKeyValueStore("s"));
        org.apache.kafka.streams.state.KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]> oracle =
                KafkaLayersOracle.loggedKeyValueStore("s", timestamped);
        pair.init(store, oracle);
        for (int step = 0; step < STEPS; step++) {
            pair.record(step);
            byte[] key = key(random);
            byte[] value = value(random, timestamped);
            switch (random.nextInt(4)) {
                case 0 -> {
                    store.put(Bytes.wrap(key), value);
                    oracle.put(kafka(key), value);
                }
                case 1 -> {
                    store.delete(Bytes.wrap(key));
                    oracle.delete(kafka(key));
                }
                case 2 -> {
                    byte[] v = value == null ? value(random, timestamped) : value;
                    if (v != null) {
                        store.putIfAbsent(Bytes.wrap(key), v);
                        oracle.putIfAbsent(kafka(key), v);
                    }
                }
                default -> {
                    byte[] other = key(random);
                    store.putAll(List.of(dev.millrace.streams.KeyValue.pair(Bytes.wrap(key), value),
                            dev.millrace.streams.KeyValue.pair(Bytes.wrap(other), value)));
                    oracle.putAll(List.of(org.apache.kafka.streams.KeyValue.pair(kafka(key), value),
                            org.apache.kafka.streams.KeyValue.pair(kafka(other), value)));
                }
            }
        }
        pair.assertEqualChangelogs("seed=" + seed + " timestamped=" + timestamped);
    }

    @Test
    void shouldLogKeyValueWritesAsKafka() {
        for (int round = 0; round < 5; round++) {
            keyValueRound(RandomBytes.SEED + round, false);
        }
    }

    @Test
    void shouldLogTimestampedKeyValueWritesWithoutTheTimestampPrefixAsKafka() {
        for (int round = 0; round < 5; round++) {
            keyValueRound(RandomBytes.SEED * 3 + round, true);
        }
    }

    private void windowRound(long seed, boolean retainDuplicates, boolean timestamped) {
        Random random = new Random(seed);
        Pair pair = new Pair();
        long retention = 1_000;
        long windowSize = 100;
        ChangeLoggingWindowBytesStore store = timestamped
                ? new ChangeLoggingTimestampedWindowBytesStore(
                        new InMemoryWindowStore("s", retention, windowSize, retainDuplicates), retainDuplicates)
                : new ChangeLoggingWindowBytesStore(
                        new InMemoryWindowStore("s", retention, windowSize, retainDuplicates), retainDuplicates);
        org.apache.kafka.streams.state.WindowStore<org.apache.kafka.common.utils.Bytes, byte[]> oracle =
                KafkaLayersOracle.loggedWindowStore("s", retention, windowSize, retainDuplicates, timestamped);
        pair.init(store, oracle);
        for (int step = 0; step < STEPS; step++) {
            pair.record(step);
            byte[] key = key(random);
            byte[] value = value(random, timestamped);
            long start = random.nextInt(30) * 100L;
            store.put(Bytes.wrap(key), value, start);
            oracle.put(kafka(key), value, start);
        }
        pair.assertEqualChangelogs("seed=" + seed + " retainDuplicates=" + retainDuplicates
                + " timestamped=" + timestamped);
    }

    @Test
    void shouldLogWindowWritesWithKafkasWindowKeyLayout() {
        for (int round = 0; round < 3; round++) {
            windowRound(RandomBytes.SEED + round, false, false);
            windowRound(RandomBytes.SEED + round, true, false);
            windowRound(RandomBytes.SEED + round, false, true);
            windowRound(RandomBytes.SEED + round, true, true);
        }
    }

    @Test
    void shouldLogSessionWritesWithKafkasSessionKeyLayout() {
        for (int round = 0; round < 3; round++) {
            long seed = RandomBytes.SEED * 7 + round;
            Random random = new Random(seed);
            Pair pair = new Pair();
            ChangeLoggingSessionBytesStore store = new ChangeLoggingSessionBytesStore(
                    new InMemorySessionStore("s", 10_000));
            org.apache.kafka.streams.state.SessionStore<org.apache.kafka.common.utils.Bytes, byte[]> oracle =
                    KafkaLayersOracle.loggedSessionStore("s", 10_000);
            pair.init(store, oracle);
            for (int step = 0; step < STEPS; step++) {
                pair.record(step);
                byte[] key = key(random);
                long start = random.nextInt(50) * 10L;
                long end = start + random.nextInt(40);
                byte[] value = value(random, false);
                if (random.nextInt(4) == 0) {
                    store.remove(new Windowed<>(Bytes.wrap(key), new SessionWindow(start, end)));
                    oracle.remove(KafkaLayersOracle.sessionKey(key, start, end));
                } else {
                    store.put(new Windowed<>(Bytes.wrap(key), new SessionWindow(start, end)), value);
                    oracle.put(KafkaLayersOracle.sessionKey(key, start, end), value);
                }
            }
            pair.assertEqualChangelogs("seed=" + seed);
        }
    }

    @Test
    void shouldLogVersionedWritesWithTheVersionTimestampAsKafka() {
        long seed = RandomBytes.SEED * 11;
        Random random = new Random(seed);
        Pair pair = new Pair();
        ChangeLoggingVersionedKeyValueBytesStore store = new ChangeLoggingVersionedKeyValueBytesStore(
                new VersionedKeyValueToBytesStoreAdapter(new InMemoryVersionedKeyValueStore("s", 10_000)));
        org.apache.kafka.streams.state.internals.ChangeLoggingVersionedKeyValueBytesStore oracle =
                KafkaLayersOracle.loggedVersionedStore("s");
        pair.init(store, oracle);
        for (int step = 0; step < STEPS; step++) {
            pair.record(step);
            byte[] key = key(random);
            long timestamp = random.nextInt(20_000);
            if (random.nextInt(4) == 0) {
                store.delete(Bytes.wrap(key), timestamp);
                oracle.delete(kafka(key), timestamp);
            } else {
                byte[] value = value(random, false);
                store.put(Bytes.wrap(key), value, timestamp);
                oracle.put(kafka(key), value, timestamp);
            }
        }
        pair.assertEqualChangelogs("seed=" + seed);
    }

    @Test
    void shouldLogLruEvictionsAsTombstones() {
        TestStateStoreContext context = new TestStateStoreContext();
        ChangeLoggingKeyValueBytesStore store = new ChangeLoggingKeyValueBytesStore(new MemoryLRUCache("s", 1));
        store.init(context, store);
        context.setRecord("in", 0, 0, 5);
        store.put(Bytes.wrap(new byte[] {1}), new byte[] {9});
        context.setRecord("in", 0, 1, 6);
        store.put(Bytes.wrap(new byte[] {2}), new byte[] {8});
        assertThat(ours(context)).containsExactly("01=09@5", "01=null@6", "02=08@6");
    }

    @Test
    void shouldRefuseToInitWhenTheContextCannotLog() {
        ChangeLoggingKeyValueBytesStore store = new ChangeLoggingKeyValueBytesStore(new InMemoryKeyValueStore("s"));
        assertThatThrownBy(() -> store.init(PlainContext.create(), store))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reason=contextLacksStoreRuntime").hasMessageContaining("store=s")
                .hasMessageContaining("layer=changelogging");
    }
}
