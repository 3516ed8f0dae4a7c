package dev.millrace.streams.state.internals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.common.TopicPartition;
import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.state.Stores;
import dev.millrace.streams.state.VersionedBytesStoreSupplier;
import dev.millrace.streams.state.VersionedKeyValueStore;
import dev.millrace.streams.state.VersionedRecord;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RocksDBVersionedStore} against the keep-everything model and against Kafka Streams' RocksDB versioned
 * store over seeded random sequences of puts, tombstones, deletes and reads as of past timestamps, with stream
 * time moving past the history retention ({@code -Dmillrace.seed=N}); plus persistence and exactly-once.
 */
class RocksDBVersionedStoreTest {

    private static final int RUNS = 9;
    private static final int STEPS = 400;
    private static final TopicPartition CHANGELOG = new TopicPartition("app-v-changelog", 0);

    @TempDir
    Path stateDir;

    private RocksDBVersionedStore open(String name, long historyRetention, RocksDBTestContext context) {
        RocksDBVersionedStore store = new RocksDBVersionedStore(name, "rocksdb", historyRetention, 2_000L);
        store.init(context, store);
        return store;
    }

    @Test
    void shouldMatchKeepEverythingModelOverRandomOperations() {
        for (int run = 0; run < RUNS; run++) {
            long retention = new long[] {0, 10, 40}[run % 3];
            RocksDBTestContext context = new RocksDBTestContext(stateDir);
            if (run % 2 == 1) {
                context.exactlyOnce();
            }
            RocksDBVersionedStore store = open("v" + run, retention, context);
            try {
                drive(RandomBytes.SEED + run, InMemoryVersionedKeyValueStoreTest.model(retention),
                        InMemoryVersionedKeyValueStoreTest.millrace(store));
            } finally {
                store.close();
            }
        }
    }

    @Test
    void shouldAnswerLikeKafkaStreamsRocksDbVersionedStore() throws Exception {
        for (int run = 0; run < 6; run++) {
            long retention = new long[] {0, 10, 40}[run % 3];
            org.apache.kafka.streams.state.KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]> bytesStore =
                    org.apache.kafka.streams.state.Stores.persistentVersionedKeyValueStore("kafka" + run,
                            Duration.ofMillis(retention), Duration.ofMillis(7)).get();
            Field inner = bytesStore.getClass().getDeclaredField("inner");
            inner.setAccessible(true);
            @SuppressWarnings("unchecked") // the adapter holds a VersionedKeyValueStore<Bytes, byte[]>
            org.apache.kafka.streams.state.VersionedKeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]> kafka =
                    (org.apache.kafka.streams.state.VersionedKeyValueStore<org.apache.kafka.common.utils.Bytes,
                            byte[]>) inner.get(bytesStore);
            kafka.init(KafkaOracle.context(stateDir.toFile()), kafka);
            RocksDBVersionedStore store = open("v" + run, retention, new RocksDBTestContext(stateDir));
            try {
                drive(RandomBytes.SEED + run, InMemoryVersionedKeyValueStoreTest.kafka(kafka),
                        InMemoryVersionedKeyValueStoreTest.millrace(store));
            } finally {
                kafka.close();
                store.close();
            }
        }
    }

    private static void drive(long seed, InMemoryVersionedKeyValueStoreTest.VersionedOps expected,
                              InMemoryVersionedKeyValueStoreTest.VersionedOps actual) {
        Random random = new Random(seed);
        long time = 0;
        for (int step = 0; step < STEPS; step++) {
            String at = "seed=" + seed + " step=" + step;
            time += random.nextInt(3);
            long t = Math.max(0, time - random.nextInt(60));
            Bytes key = Bytes.wrap(RandomBytes.raw(random, 1));
            switch (random.nextInt(8)) {
                case 0, 1, 2 -> {
                    byte[] value = random.nextInt(6) == 0 ? null : RandomBytes.value(random);
                    assertThat(actual.put(key, value, t)).as(at + " put " + key + " at " + t)
                            .isEqualTo(expected.put(key, value, t));
                }
                case 3 -> assertThat(actual.delete(key, t)).as(at + " delete " + key + " at " + t)
                        .isEqualTo(expected.delete(key, t));
                case 4 -> assertThat(actual.get(key)).as(at + " get " + key).isEqualTo(expected.get(key));
                default -> assertThat(actual.get(key, t)).as(at + " get " + key + " as of " + t)
                        .isEqualTo(expected.get(key, t));
            }
        }
    }

    @Test
    void shouldKeepHistoryStreamTimeAndOffsetsAcrossReopenAndDropUncommittedUnderExactlyOnce() {
        RocksDBVersionedStore store = open("v", 10, new RocksDBTestContext(stateDir).exactlyOnce());
        Bytes key = Bytes.wrap(new byte[] {'k'});
        store.put(key, new byte[] {1}, 100);
        store.put(key, new byte[] {2}, 105);
        store.commit(Map.of(CHANGELOG, 2L));
        store.put(key, new byte[] {3}, 200);
        store.close();

        RocksDBVersionedStore reopened = open("v", 10, new RocksDBTestContext(stateDir).exactlyOnce());
        assertThat(reopened.get(key).value()).containsExactly(2);
        assertThat(reopened.get(key, 102).value()).containsExactly(1);
        assertThat(reopened.get(key, 102).validTo()).contains(105L);
        assertThat(reopened.put(key, new byte[] {4}, 94)).isEqualTo(VersionedKeyValueStore.PUT_RETURN_CODE_NOT_PUT);
        assertThat(reopened.committedOffset(CHANGELOG)).isEqualTo(2L);
        reopened.close();
    }

    @Test
    void shouldDropHistoryNoReadCanReachIncludingKeysNotWrittenAgain() {
        RocksDBVersionedStore store = open("v", 10, new RocksDBTestContext(stateDir));
        for (int t = 0; t < 1500; t++) {
            store.put(Bytes.wrap(new byte[] {(byte) (t < 500 ? t % 50 : 50 + t % 3)}), new byte[] {(byte) t}, t);
        }
        assertThat(store.get(Bytes.wrap(new byte[] {7})).value()).containsExactly((byte) 457);
        assertThat(store.get(Bytes.wrap(new byte[] {51}), 1495).timestamp()).isEqualTo(1495L);
        assertThat(store.numVersions()).as("latest versions of 53 keys plus reachable history")
                .isLessThanOrEqualTo(53L + 3 * 12L);
        store.close();
    }

    @Test
    void shouldSupplyThroughStoresLikeKafka() {
        VersionedBytesStoreSupplier ours = Stores.persistentVersionedKeyValueStore("v", Duration.ofMinutes(2));
        assertThat(ours.historyRetentionMs()).isEqualTo(120_000L);
        assertThat(ours.metricsScope()).isEqualTo(org.apache.kafka.streams.state.Stores
                .persistentVersionedKeyValueStore("v", Duration.ofMinutes(2)).metricsScope());
        assertThat(((RocksDbVersionedKeyValueBytesStoreSupplier) ours).segmentIntervalMs()).isEqualTo(24_000L);
        var bytesStore = ours.get();
        bytesStore.init(new RocksDBTestContext(stateDir), bytesStore);
        VersionedKeyValueToBytesStoreAdapter adapter = (VersionedKeyValueToBytesStoreAdapter) bytesStore;
        adapter.put(Bytes.wrap(new byte[] {1}), new byte[] {7}, 5);
        VersionedRecord<byte[]> record = adapter.inner().get(Bytes.wrap(new byte[] {1}));
        assertThat(record.timestamp()).isEqualTo(5L);
        bytesStore.close();
    }
}
