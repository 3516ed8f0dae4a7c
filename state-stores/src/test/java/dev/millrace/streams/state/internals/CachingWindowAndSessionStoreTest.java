package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.kstream.Windowed;
import dev.millrace.streams.kstream.internals.SessionWindow;
import dev.millrace.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.internals.KafkaLayersOracle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window and session caching layers against Kafka Streams' own ({@code CachingWindowStore},
 * {@code CachingSessionStore} over Kafka's changelogging layer and in-memory store), driven with the same random
 * writes, record contexts and cache size: same forwarded records, changelog, cache size and single-key reads.
 * Multi-key merges are checked on a fixed scenario.
 */
class CachingWindowAndSessionStoreTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final long WINDOW = 10;
    private static final long RETENTION = 10_000;

    @TempDir
    Path stateDir;

    private static String hex(byte[] bytes) {
        return bytes == null ? "null" : HEX.formatHex(bytes);
    }

    private static String forwarded(byte[] key, byte[] newValue, byte[] oldValue, long timestamp) {
        return hex(key) + ":" + hex(newValue) + "<-" + hex(oldValue) + "@" + timestamp;
    }

    private static List<String> changelog(TestStateStoreContext context) {
        List<String> out = new ArrayList<>();
        context.changelog.forEach(r -> out.add(hex(r.key().get()) + "=" + hex(r.value()) + "@" + r.timestamp()));
        return out;
    }

    private static List<String> changelog(KafkaLayersOracle.Context context) {
        List<String> out = new ArrayList<>();
        context.logged.forEach(r -> out.add(hex(r.key()) + "=" + hex(r.value()) + "@" + r.timestamp()));
        return out;
    }

    private static byte[] value(Random random) {
        if (random.nextInt(6) == 0) {
            return null;
        }
        byte[] value = new byte[1 + random.nextInt(4)];
        random.nextBytes(value);
        return value;
    }

    private static List<String> drainTimes(KeyValueIterator<Long, byte[]> iterator) {
        List<String> out = new ArrayList<>();
        try (iterator) {
            iterator.forEachRemaining(kv -> out.add(kv.key + "=" + hex(kv.value)));
        }
        return out;
    }

    private static List<String> drainKafkaTimes(org.apache.kafka.streams.state.WindowStoreIterator<byte[]> iterator) {
        List<String> out = new ArrayList<>();
        try (iterator) {
            iterator.forEachRemaining(kv -> out.add(kv.key + "=" + hex(kv.value)));
        }
        return out;
    }

    private void windowRound(long seed, long cacheBytes, boolean sendOld) {
        Random random = new Random(seed);
        String facts = "seed=" + seed + " cacheBytes=" + cacheBytes + " sendOld=" + sendOld;
        TestStateStoreContext ours = new TestStateStoreContext(null, null, cacheBytes);
        CachingWindowStore store = new CachingWindowStore(new ChangeLoggingWindowBytesStore(
                new InMemoryWindowStore("s", RETENTION, WINDOW, false), false), WINDOW, 1L);
        store.init(ours, store);
        KafkaLayersOracle.Context theirs = KafkaLayersOracle.context(cacheBytes, stateDir.toFile());
        org.apache.kafka.streams.state.internals.CachingWindowStore oracle =
                KafkaLayersOracle.cachedLoggedWindowStore("s", RETENTION, WINDOW);
        theirs.init(oracle);
        List<String> forwarded = new ArrayList<>();
        List<String> oracleForwarded = new ArrayList<>();
        store.setFlushListener(r -> forwarded.add(forwarded(r.key(), r.value().newValue, r.value().oldValue,
                r.timestamp())), sendOld);
        oracle.setFlushListener(r -> oracleForwarded.add(forwarded(r.key(), r.value().newValue, r.value().oldValue,
                r.timestamp())), sendOld);
        for (int step = 0; step < 400; step++) {
            ours.setRecord("in", 0, step, 1000 + step);
            theirs.setRecord(1000 + step, step);
            byte[] key = {(byte) random.nextInt(4)};
            long start = random.nextInt(20) * WINDOW;
            int op = random.nextInt(10);
            String where = facts + " step=" + step + " op=" + op;
            if (op < 6) {
                byte[] value = value(random);
                store.put(Bytes.wrap(key), value, start);
                oracle.put(org.apache.kafka.common.utils.Bytes.wrap(key), value, start);
            } else if (op < 7) {
                assertThat(hex(store.fetch(Bytes.wrap(key), start))).as(where)
                        .isEqualTo(hex(oracle.fetch(org.apache.kafka.common.utils.Bytes.wrap(key), start)));
            } else if (op < 9) {
                long to = start + random.nextInt(10) * WINDOW;
                assertThat(drainTimes(store.fetch(Bytes.wrap(key), start, to))).as(where)
                        .isEqualTo(drainKafkaTimes(oracle.fetch(org.apache.kafka.common.utils.Bytes.wrap(key),
                                start, to)));
            } else {
                store.flush();
                oracle.flushCache();
            }
            assertThat(forwarded).as(where).isEqualTo(oracleForwarded);
            assertThat(changelog(ours)).as(where).isEqualTo(changelog(theirs));
            assertThat(ours.cache.sizeBytes()).as(where).isEqualTo(KafkaLayersOracle.sizeBytes(theirs.cache));
        }
    }

    @Test
    void shouldForwardLogAndReadWindowsExactlyAsKafka() {
        for (int round = 0; round < 10; round++) {
            windowRound(RandomBytes.SEED + round, 400 + 100L * round, round % 2 == 0);
        }
    }

    private void sessionRound(long seed, long cacheBytes, boolean sendOld) {
        Random random = new Random(seed);
        String facts = "seed=" + seed + " cacheBytes=" + cacheBytes + " sendOld=" + sendOld;
        TestStateStoreContext ours = new TestStateStoreContext(null, null, cacheBytes);
        CachingSessionStore store = new CachingSessionStore(new ChangeLoggingSessionBytesStore(
                new InMemorySessionStore("s", RETENTION)), 1L);
        store.init(ours, store);
        KafkaLayersOracle.Context theirs = KafkaLayersOracle.context(cacheBytes, stateDir.toFile());
        org.apache.kafka.streams.state.internals.CachingSessionStore oracle =
                KafkaLayersOracle.cachedLoggedSessionStore("s", RETENTION);
        theirs.init(oracle);
        List<String> forwarded = new ArrayList<>();
        List<String> oracleForwarded = new ArrayList<>();
        store.setFlushListener(r -> forwarded.add(forwarded(r.key(), r.value().newValue, r.value().oldValue,
                r.timestamp())), sendOld);
        oracle.setFlushListener(r -> oracleForwarded.add(forwarded(r.key(), r.value().newValue, r.value().oldValue,
                r.timestamp())), sendOld);
        for (int step = 0; step < 400; step++) {
            ours.setRecord("in", 0, step, 1000 + step);
            theirs.setRecord(1000 + step, step);
            byte[] key = {(byte) random.nextInt(4)};
            long start = random.nextInt(20) * 5L;
            long end = start + random.nextInt(3) * 5L;
            int op = random.nextInt(10);
            String where = facts + " step=" + step + " op=" + op;
            if (op < 5) {
                byte[] value = value(random);
                store.put(new Windowed<>(Bytes.wrap(key), new SessionWindow(start, end)), value);
                oracle.put(KafkaLayersOracle.sessionKey(key, start, end), value);
            } else if (op < 6) {
                store.remove(new Windowed<>(Bytes.wrap(key), new SessionWindow(start, end)));
                oracle.remove(KafkaLayersOracle.sessionKey(key, start, end));
            } else if (op < 7) {
                assertThat(hex(store.fetchSession(Bytes.wrap(key), start, end))).as(where).isEqualTo(
                        hex(oracle.fetchSession(org.apache.kafka.common.utils.Bytes.wrap(key), start, end)));
            } else if (op < 9) {
                List<String> ourSessions = new ArrayList<>();
                try (KeyValueIterator<Windowed<Bytes>, byte[]> it = store.findSessions(Bytes.wrap(key), start, end)) {
                    it.forEachRemaining(kv -> ourSessions.add(kv.key.window().start() + "-" + kv.key.window().end()
                            + "=" + hex(kv.value)));
                }
                List<String> theirSessions = new ArrayList<>();
                try (var it = oracle.findSessions(org.apache.kafka.common.utils.Bytes.wrap(key), start, end)) {
                    it.forEachRemaining(kv -> theirSessions.add(kv.key.window().start() + "-" + kv.key.window().end()
                            + "=" + hex(kv.value)));
                }
                assertThat(ourSessions).as(where).isEqualTo(theirSessions);
            } else {
                store.flush();
                oracle.flushCache();
            }
            assertThat(forwarded).as(where).isEqualTo(oracleForwarded);
            assertThat(changelog(ours)).as(where).isEqualTo(changelog(theirs));
            assertThat(ours.cache.sizeBytes()).as(where).isEqualTo(KafkaLayersOracle.sizeBytes(theirs.cache));
        }
    }

    @Test
    void shouldForwardLogAndReadSessionsExactlyAsKafka() {
        for (int round = 0; round < 10; round++) {
            sessionRound(RandomBytes.SEED * 13 + round, 400 + 100L * round, round % 2 == 1);
        }
    }

    @Test
    void shouldMergeCachedAndStoredWindowsOfSeveralKeysInTheStoreOrder() {
        TestStateStoreContext context = new TestStateStoreContext();
        CachingWindowStore store = new CachingWindowStore(new InMemoryWindowStore("s", RETENTION, WINDOW, false),
                WINDOW, 1L);
        store.init(context, store);
        Bytes a = Bytes.wrap(new byte[] {1});
        Bytes b = Bytes.wrap(new byte[] {2});
        store.put(a, new byte[] {1}, 0);
        store.put(b, new byte[] {2}, 0);
        store.put(a, new byte[] {3}, 10);
        store.flush();
        store.put(b, new byte[] {4}, 10);
        store.put(b, null, 0);
        store.put(a, new byte[] {5}, 0);
        List<String> forward = new ArrayList<>();
        try (KeyValueIterator<Windowed<Bytes>, byte[]> it = store.all()) {
            it.forEachRemaining(kv -> forward.add(render(kv)));
        }
        assertThat(forward).containsExactly("01@0=05", "01@10=03", "02@10=04");
        List<String> backward = new ArrayList<>();
        try (KeyValueIterator<Windowed<Bytes>, byte[]> it = store.backwardFetch(a, b, 0, 10)) {
            it.forEachRemaining(kv -> backward.add(render(kv)));
        }
        assertThat(backward).containsExactly("02@10=04", "01@10=03", "01@0=05");
    }

    private static String render(KeyValue<Windowed<Bytes>, byte[]> kv) {
        return hex(kv.key.key().get()) + "@" + kv.key.window().start() + "=" + hex(kv.value);
    }

    @Test
    void shouldMergeCachedAndStoredSessionsOfSeveralKeys() {
        TestStateStoreContext context = new TestStateStoreContext();
        CachingSessionStore store = new CachingSessionStore(new InMemorySessionStore("s", RETENTION), 1L);
        store.init(context, store);
        Bytes a = Bytes.wrap(new byte[] {1});
        Bytes b = Bytes.wrap(new byte[] {2});
        store.put(new Windowed<>(a, new SessionWindow(0, 5)), new byte[] {1});
        store.put(new Windowed<>(b, new SessionWindow(0, 5)), new byte[] {2});
        store.flush();
        store.remove(new Windowed<>(a, new SessionWindow(0, 5)));
        store.put(new Windowed<>(a, new SessionWindow(10, 12)), new byte[] {3});
        List<String> sessions = new ArrayList<>();
        try (KeyValueIterator<Windowed<Bytes>, byte[]> it = store.fetch(a, b)) {
            it.forEachRemaining(kv -> sessions.add(hex(kv.key.key().get()) + "@" + kv.key.window().start() + "-"
                    + kv.key.window().end() + "=" + hex(kv.value)));
        }
        assertThat(sessions).containsExactly("02@0-5=02", "01@10-12=03");
    }
}
