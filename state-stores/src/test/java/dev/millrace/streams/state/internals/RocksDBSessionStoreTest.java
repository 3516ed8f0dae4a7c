package dev.millrace.streams.state.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.TopicPartition;
import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.kstream.Windowed;
import dev.millrace.streams.kstream.internals.SessionWindow;
import dev.millrace.streams.state.SessionBytesStoreSupplier;
import dev.millrace.streams.state.SessionStore;
import dev.millrace.streams.state.Stores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RocksDBSessionStore} against Kafka Streams' own RocksDB session store over seeded random sequences of
 * session merges, searches and retention whose times span many segments ({@code -Dmillrace.seed=N} changes the
 * seeds); plus persistence and exactly-once behaviour.
 */
class RocksDBSessionStoreTest {

    private static final int RUNS = 12;
    private static final int STEPS = 300;
    /** Scales the driver's times so that Kafka's minimum segment interval of one minute is crossed often. */
    private static final long SCALE = 7_000L;
    private static final TopicPartition CHANGELOG = new TopicPartition("app-s-changelog", 0);

    @TempDir
    Path stateDir;

    private SessionStore<Bytes, byte[]> open(SessionBytesStoreSupplier supplier, RocksDBTestContext context) {
        SessionStore<Bytes, byte[]> store = supplier.get();
        store.init(context, store);
        return store;
    }

    @Test
    void shouldAnswerLikeKafkaStreamsRocksDbSessionStore() throws IOException {
        Files.createDirectories(stateDir.resolve("kafka"));
        for (int run = 0; run < RUNS; run++) {
            Duration retention = Duration.ofMillis(new long[] {5, 20, 60}[run % 3] * SCALE);
            org.apache.kafka.streams.state.SessionStore<org.apache.kafka.common.utils.Bytes, byte[]> kafka =
                    org.apache.kafka.streams.state.Stores.persistentSessionStore("kafka" + run, retention).get();
            kafka.init(KafkaOracle.context(stateDir.resolve("kafka").toFile()), kafka);
            SessionStore<Bytes, byte[]> store = open(Stores.persistentSessionStore("s" + run, retention),
                    new RocksDBTestContext(stateDir));
            try {
                drive(RandomBytes.SEED + run, SessionStoreAdapters.kafka(kafka), SessionStoreAdapters.millrace(store));
            } finally {
                store.close();
                kafka.close();
            }
        }
    }

    private static void drive(long seed, SessionOps expected, SessionOps actual) {
        Random random = new Random(seed);
        long time = 0;
        for (int step = 0; step < STEPS; step++) {
            String at = "seed=" + seed + " step=" + step;
            time += random.nextInt(3);
            long start = Math.max(0, time - random.nextInt(30)) * SCALE;
            long end = start + random.nextInt(10) * SCALE;
            long earliestEnd = Math.max(0, start - random.nextInt(10) * SCALE);
            long latestStart = Math.max(0, end + (random.nextInt(10) - 3) * SCALE);
            // fixed-length keys: with keys of different lengths Kafka's range searches miss sessions whose key
            // is a proper prefix of another
            Bytes key = Bytes.wrap(RandomBytes.raw(random, 2));
            Bytes keyTo = random.nextInt(6) == 0 ? null : Bytes.wrap(RandomBytes.raw(random, 2));
            boolean forward = random.nextBoolean();
            switch (random.nextInt(9)) {
                case 0, 1, 2 -> {
                    byte[] value = random.nextInt(8) == 0 ? null : RandomBytes.value(random);
                    expected.put(key, start, end, value);
                    actual.put(key, start, end, value);
                }
                case 3 -> merge(random, expected, actual, key, start, end, at);
                case 4 -> assertThat(actual.fetchSession(key, start, end)).as(at + " fetchSession")
                        .isEqualTo(expected.fetchSession(key, start, end));
                case 5 -> assertThat(actual.findSessions(key, earliestEnd, latestStart, forward))
                        .as(at + " findSessions " + key + " " + earliestEnd + " " + latestStart + " " + forward)
                        .isEqualTo(expected.findSessions(key, earliestEnd, latestStart, forward));
                case 6 -> {
                    Bytes keyFrom = random.nextInt(6) == 0 ? null : key;
                    assertThat(actual.findSessionsRange(keyFrom, keyTo, earliestEnd, latestStart, forward))
                            .as(at + " findSessions " + keyFrom + ".." + keyTo + " " + earliestEnd + " "
                                    + latestStart + " " + forward)
                            .isEqualTo(expected.findSessionsRange(keyFrom, keyTo, earliestEnd, latestStart, forward));
                }
                case 7 -> assertThat(actual.fetch(key, forward)).as(at + " fetch " + key + " " + forward)
                        .isEqualTo(expected.fetch(key, forward));
                default -> {
                    Bytes keyFrom = random.nextInt(6) == 0 ? null : key;
                    assertThat(actual.fetchRange(keyFrom, keyTo, forward))
                            .as(at + " fetch " + keyFrom + ".." + keyTo + " " + forward)
                            .isEqualTo(expected.fetchRange(keyFrom, keyTo, forward));
                }
            }
        }
    }

    /** A session merge as a session-windowed aggregation does it (see InMemorySessionStoreTest). */
    private static void merge(Random random, SessionOps expected, SessionOps actual, Bytes key, long start,
                              long end, String at) {
        long gap = random.nextInt(5) * SCALE;
        List<String> overlapping = expected.findSessions(key, Math.max(0, start - gap), end + gap, true);
        assertThat(actual.findSessions(key, Math.max(0, start - gap), end + gap, true))
                .as(at + " merge candidates").isEqualTo(overlapping);
        long mergedStart = start;
        long mergedEnd = end;
        for (String session : overlapping) {
            String window = session.substring(session.lastIndexOf('@') + 1, session.indexOf('='));
            long s = Long.parseLong(window.substring(0, window.indexOf('/')));
            long e = Long.parseLong(window.substring(window.indexOf('/') + 1));
            expected.remove(key, s, e);
            actual.remove(key, s, e);
            mergedStart = Math.min(mergedStart, s);
            mergedEnd = Math.max(mergedEnd, e);
        }
        byte[] value = RandomBytes.value(random);
        expected.put(key, mergedStart, mergedEnd, value);
        actual.put(key, mergedStart, mergedEnd, value);
    }

    @Test
    void shouldKeepSessionsAndOffsetsAcrossReopenAndDropUncommittedUnderExactlyOnce() {
        SessionBytesStoreSupplier supplier = Stores.persistentSessionStore("s", Duration.ofMinutes(10));
        SessionStore<Bytes, byte[]> store = open(supplier, new RocksDBTestContext(stateDir).exactlyOnce());
        Bytes key = Bytes.wrap(new byte[] {'k'});
        store.put(new Windowed<>(key, new SessionWindow(0, 10)), new byte[] {1});
        store.commit(Map.of(CHANGELOG, 3L));
        store.remove(new Windowed<>(key, new SessionWindow(0, 10)));
        store.put(new Windowed<>(key, new SessionWindow(20, 30)), new byte[] {2});
        assertThat(store.fetchSession(key, 0, 10)).isNull();
        store.close();

        SessionStore<Bytes, byte[]> reopened = open(supplier, new RocksDBTestContext(stateDir).exactlyOnce());
        assertThat(reopened.fetchSession(key, 0, 10)).containsExactly(1);
        assertThat(reopened.fetchSession(key, 20, 30)).isNull();
        assertThat(reopened.committedOffset(CHANGELOG)).isEqualTo(3L);
        reopened.close();
    }

    @Test
    void shouldRefuseSearchByEndTimesLikeKafkaRocksDbStore() {
        SessionStore<Bytes, byte[]> store = open(Stores.persistentSessionStore("s", Duration.ofMinutes(10)),
                new RocksDBTestContext(stateDir));
        assertThatThrownBy(() -> store.findSessions(0L, 10L)).isInstanceOf(UnsupportedOperationException.class);
        store.close();
    }

    @Test
    void shouldDescribeSuppliersLikeKafka() {
        Duration retention = Duration.ofMinutes(5);
        SessionBytesStoreSupplier ours = Stores.persistentSessionStore("s", retention);
        org.apache.kafka.streams.state.SessionBytesStoreSupplier kafka =
                org.apache.kafka.streams.state.Stores.persistentSessionStore("s", retention);
        assertThat(ours.metricsScope()).isEqualTo(kafka.metricsScope());
        assertThat(ours.segmentIntervalMs()).isEqualTo(kafka.segmentIntervalMs());
        assertThat(ours.retentionPeriod()).isEqualTo(kafka.retentionPeriod());
    }
}
