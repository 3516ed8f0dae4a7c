package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.state.VersionedKeyValueStore;
import dev.millrace.streams.state.VersionedRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link InMemoryVersionedKeyValueStore} against a model that keeps every version forever, and against Kafka
 * Streams' RocksDB versioned store, over seeded random sequences of puts, tombstones, deletes and reads as of
 * past timestamps, with stream time moving forward past the history retention ({@code -Dmillrace.seed=N}).
 */
class InMemoryVersionedKeyValueStoreTest {

    private static final int RUNS = 20;
    private static final int STEPS = 400;
    private static final byte[] TOMBSTONE = new byte[0];

    @TempDir
    Path stateDir;

    /** The operations compared; reads are rendered as text ({@code value@timestamp validTo=...}). */
    interface VersionedOps {
        long put(Bytes key, byte[] value, long timestamp);

        String delete(Bytes key, long timestamp);

        String get(Bytes key);

        String get(Bytes key, long asOf);
    }

    static String text(byte[] value, long timestamp, Long validTo) {
        return Arrays.toString(value) + "@" + timestamp + " validTo=" + validTo;
    }

    static String text(VersionedRecord<byte[]> record) {
        return record == null ? null : text(record.value(), record.timestamp(), record.validTo().orElse(null));
    }

    static VersionedOps millrace(VersionedKeyValueStore<Bytes, byte[]> store) {
        return new VersionedOps() {
            @Override
            public long put(Bytes key, byte[] value, long timestamp) {
                return store.put(key, value, timestamp);
            }

            @Override
            public String delete(Bytes key, long timestamp) {
                return text(store.delete(key, timestamp));
            }

            @Override
            public String get(Bytes key) {
                return text(store.get(key));
            }

            @Override
            public String get(Bytes key, long asOf) {
                return text(store.get(key, asOf));
            }
        };
    }

    static VersionedOps kafka(org.apache.kafka.streams.state.VersionedKeyValueStore<
            org.apache.kafka.common.utils.Bytes, byte[]> store) {
        return new VersionedOps() {
            private String text(org.apache.kafka.streams.state.VersionedRecord<byte[]> record) {
                return record == null ? null
                        : InMemoryVersionedKeyValueStoreTest.text(record.value(), record.timestamp(),
                        record.validTo().orElse(null));
            }

            @Override
            public long put(Bytes key, byte[] value, long timestamp) {
                return store.put(KafkaOracle.toKafka(key), value, timestamp);
            }

            @Override
            public String delete(Bytes key, long timestamp) {
                return text(store.delete(KafkaOracle.toKafka(key), timestamp));
            }

            @Override
            public String get(Bytes key) {
                return text(store.get(KafkaOracle.toKafka(key)));
            }

            @Override
            public String get(Bytes key, long asOf) {
                return text(store.get(KafkaOracle.toKafka(key), asOf));
            }
        };
    }

    /** The model: every version of every key, forever, with the specified bounds applied on each call. */
    static VersionedOps model(long historyRetention) {
        return new VersionedOps() {
            private final Map<Bytes, TreeMap<Long, byte[]>> versions = new HashMap<>();
            private long observed = -1;

            private String latestIfValidAt(Bytes key, long asOf) {
                TreeMap<Long, byte[]> history = versions.get(key);
                if (history == null || history.lastEntry().getValue() == TOMBSTONE || history.lastKey() > asOf) {
                    return null;
                }
                return text(history.lastEntry().getValue(), history.lastKey(), null);
            }

            @Override
            public long put(Bytes key, byte[] value, long timestamp) {
                if (timestamp < observed - historyRetention) {
                    return VersionedKeyValueStore.PUT_RETURN_CODE_NOT_PUT;
                }
                observed = Math.max(observed, timestamp);
                TreeMap<Long, byte[]> history = versions.computeIfAbsent(key, k -> new TreeMap<>());
                history.put(timestamp, value == null ? TOMBSTONE : value);
                Long next = history.higherKey(timestamp);
                return next == null ? VersionedKeyValueStore.PUT_RETURN_CODE_VALID_TO_UNDEFINED : next;
            }

            @Override
            public String delete(Bytes key, long timestamp) {
                if (timestamp < observed - historyRetention) {
                    return null;
                }
                String existing = get(key, timestamp);
                put(key, null, timestamp);
                return existing;
            }

            @Override
            public String get(Bytes key) {
                return latestIfValidAt(key, Long.MAX_VALUE);
            }

            @Override
            public String get(Bytes key, long asOf) {
                if (asOf < observed - historyRetention) {
                    return latestIfValidAt(key, asOf);
                }
                TreeMap<Long, byte[]> history = versions.get(key);
                Map.Entry<Long, byte[]> found = history == null ? null : history.floorEntry(asOf);
                if (found == null || found.getValue() == TOMBSTONE) {
                    return null;
                }
                return text(found.getValue(), found.getKey(), history.higherKey(found.getKey()));
            }
        };
    }

    private static VersionedKeyValueStore<Bytes, byte[]> newStore(long historyRetention) {
        InMemoryVersionedKeyValueStore store = new InMemoryVersionedKeyValueStore("v", historyRetention);
        store.init(new TestStateStoreContext(), store);
        return store;
    }

    @Test
    void shouldMatchKeepEverythingModelOverRandomOperations() {
        for (int run = 0; run < RUNS; run++) {
            long retention = new long[] {0, 10, 40}[run % 3];
            drive(RandomBytes.SEED + run, model(retention), millrace(newStore(retention)));
        }
    }

    @Test
    void shouldAnswerLikeKafkaStreamsRocksDbVersionedStore() throws Exception {
        for (int run = 0; run < 6; run++) {
            long retention = new long[] {0, 10, 40}[run % 3];
            org.apache.kafka.streams.state.KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]> bytesStore =
                    org.apache.kafka.streams.state.Stores.persistentVersionedKeyValueStore("v" + run,
                            Duration.ofMillis(retention), Duration.ofMillis(7)).get();
            Field inner = bytesStore.getClass().getDeclaredField("inner");
            inner.setAccessible(true);
            @SuppressWarnings("unchecked") // the adapter holds a VersionedKeyValueStore<Bytes, byte[]>
            org.apache.kafka.streams.state.VersionedKeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]> kafka =
                    (org.apache.kafka.streams.state.VersionedKeyValueStore<org.apache.kafka.common.utils.Bytes,
                            byte[]>) inner.get(bytesStore);
            kafka.init(KafkaOracle.context(stateDir.toFile()), kafka);
            try {
                drive(RandomBytes.SEED + run, kafka(kafka), millrace(newStore(retention)));
            } finally {
                kafka.close();
            }
        }
    }

    private static void drive(long seed, VersionedOps expected, VersionedOps actual) {
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
    void shouldReturnValidToOfTheNextVersion() {
        VersionedKeyValueStore<Bytes, byte[]> store = newStore(100);
        Bytes key = Bytes.wrap(new byte[] {'k'});
        long undefined = VersionedKeyValueStore.PUT_RETURN_CODE_VALID_TO_UNDEFINED;
        assertThat(store.put(key, new byte[] {1}, 10)).isEqualTo(undefined);
        assertThat(store.put(key, new byte[] {3}, 30)).isEqualTo(undefined);
        assertThat(store.put(key, new byte[] {2}, 20)).isEqualTo(30L);
        assertThat(store.get(key, 25)).isEqualTo(new VersionedRecord<>(store.get(key, 25).value(), 20, 30));
        assertThat(store.get(key, 25).value()).containsExactly(2);
        assertThat(store.delete(key, 35).value()).containsExactly(3);
        assertThat(store.get(key)).isNull();
    }

    @Test
    void shouldRefuseWritesOlderThanHistoryRetention() {
        VersionedKeyValueStore<Bytes, byte[]> store = newStore(10);
        Bytes key = Bytes.wrap(new byte[] {'k'});
        store.put(key, new byte[] {1}, 100);
        assertThat(store.put(key, new byte[] {2}, 89)).isEqualTo(VersionedKeyValueStore.PUT_RETURN_CODE_NOT_PUT);
        assertThat(store.put(key, new byte[] {2}, 90)).isEqualTo(100L);
        assertThat(store.delete(key, 80)).isNull();
        assertThat(store.get(key, 95).value()).containsExactly(2);
    }

    @Test
    void shouldDropHistoryNoReadCanReach() {
        InMemoryVersionedKeyValueStore store = new InMemoryVersionedKeyValueStore("v", 10);
        Bytes key = Bytes.wrap(new byte[] {'k'});
        for (long t = 0; t < 100; t++) {
            store.put(key, new byte[] {(byte) t}, t);
        }
        assertThat(store.numVersions()).isLessThanOrEqualTo(12L);
    }
}
