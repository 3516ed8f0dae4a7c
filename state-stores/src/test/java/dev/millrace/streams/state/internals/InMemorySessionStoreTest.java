package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.kstream.Windowed;
import dev.millrace.streams.kstream.internals.SessionWindow;
import dev.millrace.streams.state.SessionStore;
import dev.millrace.streams.state.Stores;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link InMemorySessionStore} against a list model and against Kafka Streams' own in-memory session store, over
 * seeded random sequences of session merges (put of the merged session, removal of the merged-away ones),
 * searches and retention ({@code -Dmillrace.seed=N} changes the seeds).
 */
class InMemorySessionStoreTest {

    private static final int RUNS = 24;
    private static final int STEPS = 300;

    private static SessionStore<Bytes, byte[]> newStore(long retention) {
        SessionStore<Bytes, byte[]> store = Stores.inMemorySessionStore("s", Duration.ofMillis(retention)).get();
        store.init(new TestStateStoreContext(), store);
        return store;
    }

    @Test
    void shouldMatchListModelOverRandomOperations() {
        for (int run = 0; run < RUNS; run++) {
            long retention = new long[] {5, 20, 60}[run % 3];
            drive(RandomBytes.SEED + run, SessionStoreAdapters.model(retention),
                    SessionStoreAdapters.millrace(newStore(retention)), false);
        }
    }

    @Test
    void shouldAnswerLikeKafkaStreamsInMemorySessionStore() {
        for (int run = 0; run < RUNS; run++) {
            long retention = new long[] {5, 20, 60}[run % 3];
            org.apache.kafka.streams.state.SessionStore<org.apache.kafka.common.utils.Bytes, byte[]> kafka =
                    org.apache.kafka.streams.state.Stores.inMemorySessionStore("s", Duration.ofMillis(retention))
                            .get();
            kafka.init(KafkaOracle.context(Path.of(".").toFile()), kafka);
            drive(RandomBytes.SEED + run, SessionStoreAdapters.kafka(kafka),
                    SessionStoreAdapters.millrace(newStore(retention)), true);
        }
    }

    /**
     * @param kafkaExpected whether {@code expected} is Kafka's store, whose {@code fetch(keyFrom, keyTo)} throws on
     *     an inverted key range (Millrace's returns nothing), so such calls are not compared
     */
    private static void drive(long seed, SessionOps expected, SessionOps actual, boolean kafkaExpected) {
        Random random = new Random(seed);
        long time = 0;
        for (int step = 0; step < STEPS; step++) {
            String at = "seed=" + seed + " step=" + step;
            time += random.nextInt(3);
            long start = Math.max(0, time - random.nextInt(30));
            long end = start + random.nextInt(10);
            long earliestEnd = Math.max(0, start - random.nextInt(10));
            long latestStart = end + random.nextInt(10) - 3;
            Bytes key = RandomBytes.key(random);
            Bytes keyTo = random.nextInt(6) == 0 ? null : RandomBytes.key(random);
            boolean forward = random.nextBoolean();
            switch (random.nextInt(10)) {
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
                case 7 -> assertThat(actual.findSessionsByEnd(earliestEnd, end)).as(at + " findSessions by end")
                        .isEqualTo(expected.findSessionsByEnd(earliestEnd, end));
                case 8 -> assertThat(actual.fetch(key, forward)).as(at + " fetch " + key + " " + forward)
                        .isEqualTo(expected.fetch(key, forward));
                default -> {
                    Bytes keyFrom = random.nextInt(6) == 0 ? null : key;
                    if (kafkaExpected && keyFrom != null && keyTo != null && keyFrom.compareTo(keyTo) > 0) {
                        continue;
                    }
                    assertThat(actual.fetchRange(keyFrom, keyTo, forward))
                            .as(at + " fetch " + keyFrom + ".." + keyTo + " " + forward)
                            .isEqualTo(expected.fetchRange(keyFrom, keyTo, forward));
                }
            }
        }
    }

    /**
     * A session merge as a session-windowed aggregation does it: find the sessions of the key that overlap the
     * new event's session (widened by a gap), remove them, and put the merged session.
     */
    private static void merge(Random random, SessionOps expected, SessionOps actual, Bytes key, long start,
                              long end, String at) {
        long gap = random.nextInt(5);
        java.util.List<String> overlapping = expected.findSessions(key, Math.max(0, start - gap), end + gap, true);
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
    void shouldFindSessionsThatTouchTheSearchRange() {
        SessionStore<Bytes, byte[]> store = newStore(1000);
        Bytes key = Bytes.wrap(new byte[] {'k'});
        store.put(new Windowed<>(key, new SessionWindow(0, 10)), new byte[] {1});
        store.put(new Windowed<>(key, new SessionWindow(20, 30)), new byte[] {2});
        store.put(new Windowed<>(key, new SessionWindow(40, 50)), new byte[] {3});
        assertThat(SessionStoreAdapters.millrace(store).findSessions(key, 10, 40, true))
                .containsExactly("k@0/10=[1]", "k@20/30=[2]", "k@40/50=[3]");
        assertThat(SessionStoreAdapters.millrace(store).findSessions(key, 11, 39, true))
                .containsExactly("k@20/30=[2]");
    }

    @Test
    void shouldOrderSessionsWithTheSameEndByStartDescending() {
        SessionStore<Bytes, byte[]> store = newStore(1000);
        Bytes key = Bytes.wrap(new byte[] {'k'});
        store.put(new Windowed<>(key, new SessionWindow(2, 10)), new byte[] {1});
        store.put(new Windowed<>(key, new SessionWindow(5, 10)), new byte[] {2});
        assertThat(SessionStoreAdapters.millrace(store).fetch(key, true)).containsExactly("k@5/10=[2]", "k@2/10=[1]");
        assertThat(SessionStoreAdapters.millrace(store).fetch(key, false)).containsExactly("k@2/10=[1]", "k@5/10=[2]");
    }
}
