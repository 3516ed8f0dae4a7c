package dev.millrace.streams.state.internals;

import dev.millrace.common.serialization.Serdes;
import dev.millrace.streams.kstream.Windowed;
import dev.millrace.streams.kstream.internals.SessionWindow;
import dev.millrace.streams.query.KeyQuery;
import dev.millrace.streams.query.RangeQuery;
import dev.millrace.streams.query.TimestampedKeyQuery;
import dev.millrace.streams.query.VersionedKeyQuery;
import dev.millrace.streams.query.WindowKeyQuery;
import dev.millrace.streams.query.WindowRangeQuery;
import dev.millrace.streams.state.SessionBytesStoreSupplier;
import dev.millrace.streams.state.SessionStore;
import dev.millrace.streams.state.StoreBuilder;
import dev.millrace.streams.state.Stores;
import dev.millrace.streams.state.TimestampedWindowStore;
import dev.millrace.streams.state.ValueAndTimestamp;
import dev.millrace.streams.state.WindowBytesStoreSupplier;
import dev.millrace.streams.state.WindowStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interactive queries against the window, timestamped window and session store stacks built through
 * {@link Stores} (RocksDB and in-memory stores; caching off and on; logging off), compared with the same stacks
 * of Kafka Streams by {@link QueryOracle}: results, failure reasons and positions.
 */
class WindowedStoreQueryTest {

    private static final org.apache.kafka.common.serialization.Serde<String> KAFKA_STRING =
            org.apache.kafka.common.serialization.Serdes.String();
    private static final Duration RETENTION = Duration.ofMillis(10_000);
    private static final Duration WINDOW = Duration.ofMillis(10);

    @TempDir
    Path stateDir;

    @Test
    void windowStacksAnswerWindowQueriesLikeKafka() {
        for (boolean caching : new boolean[] {false, true}) {
            String suffix = caching ? "-cached" : "";
            window("rocksdbWindow" + suffix, Stores.persistentWindowStore("w" + suffix, RETENTION, WINDOW, false),
                    org.apache.kafka.streams.state.Stores.persistentWindowStore("w" + suffix, RETENTION, WINDOW,
                            false), caching);
            window("inMemoryWindow" + suffix, Stores.inMemoryWindowStore("wm" + suffix, RETENTION, WINDOW, false),
                    org.apache.kafka.streams.state.Stores.inMemoryWindowStore("wm" + suffix, RETENTION, WINDOW,
                            false), caching);
        }
    }

    @Test
    void timestampedWindowStacksAnswerWindowQueriesWithTimestampsLikeKafka() {
        for (boolean caching : new boolean[] {false, true}) {
            String suffix = caching ? "-cached" : "";
            timestampedWindow("rocksdbTimestampedWindow" + suffix,
                    Stores.persistentTimestampedWindowStore("tw" + suffix, RETENTION, WINDOW, false),
                    org.apache.kafka.streams.state.Stores.persistentTimestampedWindowStore("tw" + suffix, RETENTION,
                            WINDOW, false), caching);
            timestampedWindow("inMemoryTimestampedWindow" + suffix,
                    Stores.inMemoryWindowStore("twm" + suffix, RETENTION, WINDOW, false),
                    org.apache.kafka.streams.state.Stores.inMemoryWindowStore("twm" + suffix, RETENTION, WINDOW,
                            false), caching);
        }
    }

    @Test
    void sessionStacksAnswerSessionQueriesByKeyLikeKafka() {
        for (boolean caching : new boolean[] {false, true}) {
            String suffix = caching ? "-cached" : "";
            session("rocksdbSession" + suffix, Stores.persistentSessionStore("s" + suffix, RETENTION),
                    org.apache.kafka.streams.state.Stores.persistentSessionStore("s" + suffix, RETENTION), caching);
            session("inMemorySession" + suffix, Stores.inMemorySessionStore("sm" + suffix, RETENTION),
                    org.apache.kafka.streams.state.Stores.inMemorySessionStore("sm" + suffix, RETENTION), caching);
        }
    }

    private void window(String stack, WindowBytesStoreSupplier ourSupplier,
                        org.apache.kafka.streams.state.WindowBytesStoreSupplier kafkaSupplier, boolean caching) {
        StoreBuilder<WindowStore<String, String>> ourBuilder =
                Stores.windowStoreBuilder(ourSupplier, Serdes.String(), Serdes.String()).withLoggingDisabled();
        org.apache.kafka.streams.state.StoreBuilder<org.apache.kafka.streams.state.WindowStore<String, String>>
                kafkaBuilder = org.apache.kafka.streams.state.Stores.windowStoreBuilder(kafkaSupplier, KAFKA_STRING,
                        KAFKA_STRING).withLoggingDisabled();
        if (caching) {
            ourBuilder = ourBuilder.withCachingEnabled();
            kafkaBuilder = kafkaBuilder.withCachingEnabled();
        }
        WindowStore<String, String> ours = ourBuilder.build();
        org.apache.kafka.streams.state.WindowStore<String, String> kafka = kafkaBuilder.build();
        QueryOracle oracle = new QueryOracle(stateDir.resolve(stack), stack, ours, kafka);
        oracle.run(random -> {
            String key = QueryOracle.key(random);
            long start = random.nextInt(200);
            oracle.nextRecord(start);
            String value = random.nextInt(5) == 0 ? null : "v" + random.nextInt(1000);
            ours.put(key, value, start);
            kafka.put(key, value, start);
        }, WindowedStoreQueryTest::windowQueries);
    }

    private void timestampedWindow(String stack, WindowBytesStoreSupplier ourSupplier,
                                   org.apache.kafka.streams.state.WindowBytesStoreSupplier kafkaSupplier,
                                   boolean caching) {
        StoreBuilder<TimestampedWindowStore<String, String>> ourBuilder = Stores.timestampedWindowStoreBuilder(
                ourSupplier, Serdes.String(), Serdes.String()).withLoggingDisabled();
        org.apache.kafka.streams.state.StoreBuilder<
                org.apache.kafka.streams.state.TimestampedWindowStore<String, String>> kafkaBuilder =
                org.apache.kafka.streams.state.Stores.timestampedWindowStoreBuilder(kafkaSupplier, KAFKA_STRING,
                        KAFKA_STRING).withLoggingDisabled();
        if (caching) {
            ourBuilder = ourBuilder.withCachingEnabled();
            kafkaBuilder = kafkaBuilder.withCachingEnabled();
        }
        TimestampedWindowStore<String, String> ours = ourBuilder.build();
        org.apache.kafka.streams.state.TimestampedWindowStore<String, String> kafka = kafkaBuilder.build();
        QueryOracle oracle = new QueryOracle(stateDir.resolve(stack), stack, ours, kafka);
        oracle.run(random -> {
            String key = QueryOracle.key(random);
            long start = random.nextInt(200);
            long timestamp = start + random.nextInt(10);
            oracle.nextRecord(timestamp);
            String value = "v" + random.nextInt(1000);
            ours.put(key, ValueAndTimestamp.make(value, timestamp), start);
            kafka.put(key, org.apache.kafka.streams.state.ValueAndTimestamp.make(value, timestamp), start);
        }, WindowedStoreQueryTest::windowQueries);
    }

    private void session(String stack, SessionBytesStoreSupplier ourSupplier,
                         org.apache.kafka.streams.state.SessionBytesStoreSupplier kafkaSupplier, boolean caching) {
        StoreBuilder<SessionStore<String, String>> ourBuilder =
                Stores.sessionStoreBuilder(ourSupplier, Serdes.String(), Serdes.String()).withLoggingDisabled();
        org.apache.kafka.streams.state.StoreBuilder<org.apache.kafka.streams.state.SessionStore<String, String>>
                kafkaBuilder = org.apache.kafka.streams.state.Stores.sessionStoreBuilder(kafkaSupplier, KAFKA_STRING,
                        KAFKA_STRING).withLoggingDisabled();
        if (caching) {
            ourBuilder = ourBuilder.withCachingEnabled();
            kafkaBuilder = kafkaBuilder.withCachingEnabled();
        }
        SessionStore<String, String> ours = ourBuilder.build();
        org.apache.kafka.streams.state.SessionStore<String, String> kafka = kafkaBuilder.build();
        QueryOracle oracle = new QueryOracle(stateDir.resolve(stack), stack, ours, kafka);
        oracle.run(random -> {
            String key = QueryOracle.key(random);
            long start = random.nextInt(200);
            long end = start + random.nextInt(20);
            oracle.nextRecord(end);
            Windowed<String> ourKey = new Windowed<>(key, new SessionWindow(start, end));
            org.apache.kafka.streams.kstream.Windowed<String> kafkaKey =
                    new org.apache.kafka.streams.kstream.Windowed<>(key,
                            new org.apache.kafka.streams.kstream.internals.SessionWindow(start, end));
            if (random.nextInt(5) == 0) {
                // Kafka Streams' uncached RocksDB session store does not move its position on remove (ours
                // does), so that case removes by putting null, which both track
                if (stack.startsWith("rocksdb") && !caching) {
                    ours.put(ourKey, null);
                    kafka.put(kafkaKey, null);
                } else {
                    ours.remove(ourKey);
                    kafka.remove(kafkaKey);
                }
            } else {
                String value = "v" + random.nextInt(1000);
                ours.put(ourKey, value);
                kafka.put(kafkaKey, value);
            }
        }, WindowedStoreQueryTest::sessionQueries);
    }

    private static List<QueryOracle.Q> windowQueries(Random random) {
        List<QueryOracle.Q> queries = new ArrayList<>();
        for (char c = 'a'; c <= 'g'; c++) {
            String key = String.valueOf(c);
            long from = random.nextInt(220) - 10;
            long to = from + random.nextInt(100);
            queries.add(windowKey(key, from, to));
        }
        queries.add(windowKey("a", 0, Long.MAX_VALUE / 2));
        queries.add(windowKey("b", 150, 50));
        for (int i = 0; i < 4; i++) {
            long from = random.nextInt(220) - 10;
            queries.add(windowRange(from, from + random.nextInt(100)));
        }
        queries.add(windowRange(0, 1000));
        queries.add(windowRange(100, 0));
        queries.add(new QueryOracle.Q("WindowRangeQuery.withKey", WindowRangeQuery.withKey("a"),
                org.apache.kafka.streams.query.WindowRangeQuery.withKey("a")));
        queries.addAll(keyValueQueries());
        return queries;
    }

    private static List<QueryOracle.Q> sessionQueries(Random random) {
        List<QueryOracle.Q> queries = new ArrayList<>();
        for (char c = 'a'; c <= 'g'; c++) {
            String key = String.valueOf(c);
            queries.add(new QueryOracle.Q("WindowRangeQuery.withKey(" + key + ")", WindowRangeQuery.withKey(key),
                    org.apache.kafka.streams.query.WindowRangeQuery.withKey(key)));
        }
        long from = random.nextInt(100);
        queries.add(windowRange(from, from + 50));
        queries.add(windowKey("a", 0, 100));
        queries.addAll(keyValueQueries());
        return queries;
    }

    private static QueryOracle.Q windowKey(String key, long from, long to) {
        Instant timeFrom = Instant.ofEpochMilli(from);
        Instant timeTo = Instant.ofEpochMilli(to);
        return new QueryOracle.Q("WindowKeyQuery(" + key + "," + from + "," + to + ")",
                WindowKeyQuery.withKeyAndWindowStartRange(key, timeFrom, timeTo),
                org.apache.kafka.streams.query.WindowKeyQuery.withKeyAndWindowStartRange(key, timeFrom, timeTo));
    }

    private static QueryOracle.Q windowRange(long from, long to) {
        Instant timeFrom = Instant.ofEpochMilli(from);
        Instant timeTo = Instant.ofEpochMilli(to);
        return new QueryOracle.Q("WindowRangeQuery.withWindowStartRange(" + from + "," + to + ")",
                WindowRangeQuery.withWindowStartRange(timeFrom, timeTo),
                org.apache.kafka.streams.query.WindowRangeQuery.withWindowStartRange(timeFrom, timeTo));
    }

    /** Queries of other store kinds, which windowed stores do not answer. */
    private static List<QueryOracle.Q> keyValueQueries() {
        return List.of(
                new QueryOracle.Q("KeyQuery", KeyQuery.withKey("a"),
                        org.apache.kafka.streams.query.KeyQuery.withKey("a")),
                new QueryOracle.Q("RangeQuery", RangeQuery.withNoBounds(),
                        org.apache.kafka.streams.query.RangeQuery.withNoBounds()),
                new QueryOracle.Q("TimestampedKeyQuery", TimestampedKeyQuery.withKey("a"),
                        org.apache.kafka.streams.query.TimestampedKeyQuery.withKey("a")),
                new QueryOracle.Q("VersionedKeyQuery", VersionedKeyQuery.withKey("a"),
                        org.apache.kafka.streams.query.VersionedKeyQuery.withKey("a")),
                QueryOracle.custom());
    }
}
