package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.state.Stores;
import dev.millrace.streams.state.WindowStore;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link InMemoryWindowStore} (with and without retained duplicates) against a list model and against Kafka
 * Streams' own in-memory window store, over seeded random operation sequences that move stream time forward
 * with late records, so that retention drops windows ({@code -Dmillrace.seed=N} changes the seeds).
 */
class InMemoryWindowStoreTest {

    private static final int RUNS = 24;
    private static final int STEPS = 300;

    private static WindowStore<Bytes, byte[]> newStore(long retention, long windowSize, boolean duplicates) {
        WindowStore<Bytes, byte[]> store = Stores.inMemoryWindowStore("w", Duration.ofMillis(retention),
                Duration.ofMillis(windowSize), duplicates).get();
        store.init(new TestStateStoreContext(), store);
        return store;
    }

    private static long[] shape(int run) {
        long retention = new long[] {10, 30, 60}[run % 3];
        long windowSize = Math.min(retention, new long[] {1, 5, 10}[(run / 3) % 3]);
        return new long[] {retention, windowSize};
    }

    @Test
    void shouldMatchListModelOverRandomOperations() {
        for (int run = 0; run < RUNS; run++) {
            long[] shape = shape(run);
            boolean duplicates = run % 2 == 1;
            drive(RandomBytes.SEED + run, WindowStoreAdapters.model(shape[0], shape[1], duplicates),
                    WindowStoreAdapters.millrace(newStore(shape[0], shape[1], duplicates)), false);
        }
    }

    @Test
    void shouldAnswerLikeKafkaStreamsInMemoryWindowStore() {
        for (int run = 0; run < RUNS; run++) {
            long[] shape = shape(run);
            boolean duplicates = run % 2 == 1;
            org.apache.kafka.streams.state.WindowStore<org.apache.kafka.common.utils.Bytes, byte[]> kafka =
                    org.apache.kafka.streams.state.Stores.inMemoryWindowStore("w", Duration.ofMillis(shape[0]),
                            Duration.ofMillis(shape[1]), duplicates).get();
            kafka.init(KafkaOracle.context(Path.of(".").toFile()), kafka);
            drive(RandomBytes.SEED + run, WindowStoreAdapters.kafka(kafka),
                    WindowStoreAdapters.millrace(newStore(shape[0], shape[1], duplicates)), true);
        }
    }

    private static void drive(long seed, WindowOps expected, WindowOps actual, boolean concurrentWrites) {
        Random random = new Random(seed);
        long time = 0;
        for (int step = 0; step < STEPS; step++) {
            String at = "seed=" + seed + " step=" + step;
            time += random.nextInt(3);
            long t = Math.max(0, time - random.nextInt(40));
            long t2 = t + random.nextInt(30) - 5;
            Bytes key = RandomBytes.key(random);
            Bytes key2 = random.nextInt(6) == 0 ? null : RandomBytes.key(random);
            boolean forward = random.nextBoolean();
            switch (random.nextInt(10)) {
                case 0, 1, 2, 3 -> {
                    byte[] value = random.nextInt(6) == 0 ? null : RandomBytes.value(random);
                    expected.put(key, value, t);
                    actual.put(key, value, t);
                }
                case 4 -> assertThat(actual.fetch(key, t)).as(at + " fetch " + key + " at " + t)
                        .isEqualTo(expected.fetch(key, t));
                case 5 -> assertThat(actual.fetchKey(key, t, t2, forward))
                        .as(at + " fetch " + key + " " + t + ".." + t2 + " forward=" + forward)
                        .isEqualTo(expected.fetchKey(key, t, t2, forward));
                case 6 -> {
                    Bytes from = random.nextInt(6) == 0 ? null : key;
                    assertThat(actual.fetchRange(from, key2, t, t2, forward))
                            .as(at + " fetch " + from + ".." + key2 + " " + t + ".." + t2 + " forward=" + forward)
                            .isEqualTo(expected.fetchRange(from, key2, t, t2, forward));
                }
                case 7 -> assertThat(actual.fetchAll(t, t2, forward))
                        .as(at + " fetchAll " + t + ".." + t2 + " forward=" + forward)
                        .isEqualTo(expected.fetchAll(t, t2, forward));
                case 8 -> assertThat(actual.all(forward)).as(at + " all forward=" + forward)
                        .isEqualTo(expected.all(forward));
                default -> {
                    if (concurrentWrites) {
                        long late = t;
                        byte[] value = RandomBytes.value(random);
                        assertThat(actual.fetchAllWhileWriting(0, Long.MAX_VALUE, () -> actual.put(key, value, late)))
                                .as(at + " fetchAll while writing")
                                .isEqualTo(expected.fetchAllWhileWriting(0, Long.MAX_VALUE,
                                        () -> expected.put(key, value, late)));
                    }
                }
            }
        }
    }

    @Test
    void shouldKeepDuplicatesInInsertionOrder() {
        WindowStore<Bytes, byte[]> store = newStore(100, 10, true);
        Bytes key = Bytes.wrap(new byte[] {'k'});
        store.put(key, new byte[] {1}, 5);
        store.put(key, new byte[] {2}, 5);
        store.put(key, null, 5);
        assertThat(WindowStoreAdapters.millrace(store).fetchKey(key, 0, 10, true)).containsExactly("5=[1]", "5=[2]");
        assertThat(store.fetch(key, 5)).isNull();
    }

    @Test
    void shouldDropWindowsOutsideRetention() {
        WindowStore<Bytes, byte[]> store = newStore(10, 5, false);
        Bytes key = Bytes.wrap(new byte[] {'k'});
        store.put(key, new byte[] {1}, 0);
        store.put(key, new byte[] {2}, 10);
        assertThat(store.fetch(key, 0)).isNull();
        store.put(key, new byte[] {3}, 0);
        assertThat(WindowStoreAdapters.millrace(store).all(true)).containsExactly("k@10/15=[2]");
    }
}
