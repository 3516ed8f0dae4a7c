package dev.millrace.streams.state.internals;

import dev.millrace.common.serialization.Serdes;
import dev.millrace.streams.query.KeyQuery;
import dev.millrace.streams.query.MultiVersionedKeyQuery;
import dev.millrace.streams.query.RangeQuery;
import dev.millrace.streams.query.TimestampedKeyQuery;
import dev.millrace.streams.query.TimestampedRangeQuery;
import dev.millrace.streams.query.VersionedKeyQuery;
import dev.millrace.streams.query.WindowKeyQuery;
import dev.millrace.streams.query.WindowRangeQuery;
import dev.millrace.streams.state.KeyValueBytesStoreSupplier;
import dev.millrace.streams.state.KeyValueStore;
import dev.millrace.streams.state.StoreBuilder;
import dev.millrace.streams.state.Stores;
import dev.millrace.streams.state.TimestampedKeyValueStore;
import dev.millrace.streams.state.ValueAndTimestamp;
import dev.millrace.streams.state.VersionedBytesStoreSupplier;
import dev.millrace.streams.state.VersionedKeyValueStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interactive queries against the key-value, timestamped key-value and versioned store stacks built through
 * {@link Stores} (RocksDB, in-memory and LRU stores; caching off and on; logging off), compared with the same
 * stacks of Kafka Streams by {@link QueryOracle}: results, failure reasons, thrown exceptions and positions.
 */
class KeyValueStoreQueryTest {

    private static final org.apache.kafka.common.serialization.Serde<String> KAFKA_STRING =
            org.apache.kafka.common.serialization.Serdes.String();

    @TempDir
    Path stateDir;

    @Test
    void keyValueStacksAnswerKeyAndRangeQueriesLikeKafka() {
        for (boolean caching : new boolean[] {false, true}) {
            String suffix = caching ? "-cached" : "";
            keyValue("rocksdb" + suffix, Stores.persistentKeyValueStore("kv" + suffix),
                    org.apache.kafka.streams.state.Stores.persistentKeyValueStore("kv" + suffix), caching);
            keyValue("inMemory" + suffix, Stores.inMemoryKeyValueStore("mem" + suffix),
                    org.apache.kafka.streams.state.Stores.inMemoryKeyValueStore("mem" + suffix), caching);
            keyValue("lru" + suffix, Stores.lruMap("lru" + suffix, 1000),
                    org.apache.kafka.streams.state.Stores.lruMap("lru" + suffix, 1000), caching);
        }
    }

    @Test
    void timestampedStacksAnswerPlainAndTimestampedQueriesLikeKafka() {
        for (boolean caching : new boolean[] {false, true}) {
            String suffix = caching ? "-cached" : "";
            timestamped("rocksdbTimestamped" + suffix, Stores.persistentTimestampedKeyValueStore("ts" + suffix),
                    org.apache.kafka.streams.state.Stores.persistentTimestampedKeyValueStore("ts" + suffix), caching);
            timestamped("inMemoryTimestamped" + suffix, Stores.inMemoryKeyValueStore("tsmem" + suffix),
                    org.apache.kafka.streams.state.Stores.inMemoryKeyValueStore("tsmem" + suffix), caching);
        }
    }

    @Test
    void versionedStacksAnswerVersionQueriesLikeKafka() {
        Duration history = Duration.ofMillis(10_000);
        versioned("rocksdbVersioned", Stores.persistentVersionedKeyValueStore("ver", history),
                org.apache.kafka.streams.state.Stores.persistentVersionedKeyValueStore("ver", history));
        // Kafka Streams has no in-memory versioned store: its RocksDB store is the oracle of ours
        versioned("inMemoryVersioned", Stores.inMemoryVersionedKeyValueStore("vermem", history),
                org.apache.kafka.streams.state.Stores.persistentVersionedKeyValueStore("vermem", history));
    }

    private void keyValue(String stack, KeyValueBytesStoreSupplier ourSupplier,
                          org.apache.kafka.streams.state.KeyValueBytesStoreSupplier kafkaSupplier, boolean caching) {
        StoreBuilder<KeyValueStore<String, String>> ourBuilder =
                Stores.keyValueStoreBuilder(ourSupplier, Serdes.String(), Serdes.String()).withLoggingDisabled();
        org.apache.kafka.streams.state.StoreBuilder<org.apache.kafka.streams.state.KeyValueStore<String, String>>
                kafkaBuilder = org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(kafkaSupplier, KAFKA_STRING,
                        KAFKA_STRING).withLoggingDisabled();
        if (caching) {
            ourBuilder = ourBuilder.withCachingEnabled();
            kafkaBuilder = kafkaBuilder.withCachingEnabled();
        }
        KeyValueStore<String, String> ours = ourBuilder.build();
        org.apache.kafka.streams.state.KeyValueStore<String, String> kafka = kafkaBuilder.build();
        QueryOracle oracle = new QueryOracle(stateDir.resolve(stack), stack, ours, kafka);
        oracle.run(random -> {
            String key = QueryOracle.key(random);
            oracle.nextRecord(random.nextInt(100));
            if (random.nextInt(4) == 0) {
                delete(stack, key, ours::delete, ours::put, kafka::delete, kafka::put);
            } else {
                String value = "v" + random.nextInt(1000);
                ours.put(key, value);
                kafka.put(key, value);
            }
        }, random -> {
            List<QueryOracle.Q> queries = plainQueries(random);
            queries.add(new QueryOracle.Q("TimestampedKeyQuery", TimestampedKeyQuery.withKey("a"),
                    org.apache.kafka.streams.query.TimestampedKeyQuery.withKey("a")));
            queries.add(new QueryOracle.Q("TimestampedRangeQuery", TimestampedRangeQuery.withNoBounds(),
                    org.apache.kafka.streams.query.TimestampedRangeQuery.withNoBounds()));
            queries.addAll(foreignQueries());
            return queries;
        });
    }

    private void timestamped(String stack, KeyValueBytesStoreSupplier ourSupplier,
                             org.apache.kafka.streams.state.KeyValueBytesStoreSupplier kafkaSupplier,
                             boolean caching) {
        StoreBuilder<TimestampedKeyValueStore<String, String>> ourBuilder = Stores.timestampedKeyValueStoreBuilder(
                ourSupplier, Serdes.String(), Serdes.String()).withLoggingDisabled();
        org.apache.kafka.streams.state.StoreBuilder<
                org.apache.kafka.streams.state.TimestampedKeyValueStore<String, String>> kafkaBuilder =
                org.apache.kafka.streams.state.Stores.timestampedKeyValueStoreBuilder(kafkaSupplier, KAFKA_STRING,
                        KAFKA_STRING).withLoggingDisabled();
        if (caching) {
            ourBuilder = ourBuilder.withCachingEnabled();
            kafkaBuilder = kafkaBuilder.withCachingEnabled();
        }
        TimestampedKeyValueStore<String, String> ours = ourBuilder.build();
        org.apache.kafka.streams.state.TimestampedKeyValueStore<String, String> kafka = kafkaBuilder.build();
        QueryOracle oracle = new QueryOracle(stateDir.resolve(stack), stack, ours, kafka);
        oracle.run(random -> {
            String key = QueryOracle.key(random);
            long timestamp = random.nextInt(100);
            oracle.nextRecord(timestamp);
            if (random.nextInt(4) == 0) {
                delete(stack, key, ours::delete, ours::put, kafka::delete, kafka::put);
            } else {
                String value = "v" + random.nextInt(1000);
                ours.put(key, ValueAndTimestamp.make(value, timestamp));
                kafka.put(key, org.apache.kafka.streams.state.ValueAndTimestamp.make(value, timestamp));
            }
        }, random -> {
            List<QueryOracle.Q> queries = plainQueries(random);
            for (char c = 'a'; c <= 'f'; c++) {
                String key = String.valueOf(c);
                queries.add(new QueryOracle.Q("TimestampedKeyQuery(" + key + ")", TimestampedKeyQuery.withKey(key),
                        org.apache.kafka.streams.query.TimestampedKeyQuery.withKey(key)));
            }
            for (int i = 0; i < 6; i++) {
                queries.add(timestampedRange(QueryOracle.bound(random), QueryOracle.bound(random), i % 3));
            }
            queries.add(timestampedRange(null, null, 2));
            queries.addAll(foreignQueries());
            return queries;
        });
    }

    private void versioned(String stack, VersionedBytesStoreSupplier ourSupplier,
                           org.apache.kafka.streams.state.VersionedBytesStoreSupplier kafkaSupplier) {
        VersionedKeyValueStore<String, String> ours = Stores.versionedKeyValueStoreBuilder(ourSupplier,
                Serdes.String(), Serdes.String()).withLoggingDisabled().build();
        org.apache.kafka.streams.state.VersionedKeyValueStore<String, String> kafka =
                org.apache.kafka.streams.state.Stores.versionedKeyValueStoreBuilder(kafkaSupplier, KAFKA_STRING,
                        KAFKA_STRING).withLoggingDisabled().build();
        QueryOracle oracle = new QueryOracle(stateDir.resolve(stack), stack, ours, kafka);
        oracle.run(random -> {
            String key = QueryOracle.key(random);
            long timestamp = random.nextInt(100);
            oracle.nextRecord(timestamp);
            if (random.nextInt(5) == 0) {
                ours.delete(key, timestamp);
                kafka.delete(key, timestamp);
            } else {
                String value = "v" + random.nextInt(1000);
                ours.put(key, value, timestamp);
                kafka.put(key, value, timestamp);
            }
        }, random -> versionedQueries(random));
    }

    /**
     * Deletes a key from both stores: with {@code delete} where Kafka Streams' store moves its position on a
     * delete, else by putting null. Kafka Streams' uncached in-memory store does not move its position on
     * {@code delete} (ours does, the delete being the effect of the record), so that case would differ in the
     * positions only.
     */
    private static <V, W> void delete(String stack, String key, Consumer<String> ourDelete,
                                      BiConsumer<String, V> ourPut, Consumer<String> kafkaDelete,
                                      BiConsumer<String, W> kafkaPut) {
        if (stack.startsWith("inMemory") && !stack.endsWith("-cached")) {
            ourPut.accept(key, null);
            kafkaPut.accept(key, null);
        } else {
            ourDelete.accept(key);
            kafkaDelete.accept(key);
        }
    }

    private static List<QueryOracle.Q> plainQueries(Random random) {
        List<QueryOracle.Q> queries = new ArrayList<>();
        for (char c = 'a'; c <= 'g'; c++) {
            String key = String.valueOf(c);
            queries.add(new QueryOracle.Q("KeyQuery(" + key + ")", KeyQuery.withKey(key),
                    org.apache.kafka.streams.query.KeyQuery.withKey(key)));
        }
        queries.add(new QueryOracle.Q("KeyQuery(b).skipCache", KeyQuery.withKey("b").skipCache(),
                org.apache.kafka.streams.query.KeyQuery.withKey("b").skipCache()));
        for (int order = 0; order < 3; order++) {
            queries.add(range(null, null, order));
        }
        for (int i = 0; i < 9; i++) {
            queries.add(range(QueryOracle.bound(random), QueryOracle.bound(random), i % 3));
        }
        queries.add(range("e", "b", 0));
        queries.add(new QueryOracle.Q("RangeQuery.withLowerBound(c)", RangeQuery.withLowerBound("c"),
                org.apache.kafka.streams.query.RangeQuery.withLowerBound("c")));
        queries.add(new QueryOracle.Q("RangeQuery.withUpperBound(c).desc",
                RangeQuery.withUpperBound("c").withDescendingKeys(),
                org.apache.kafka.streams.query.RangeQuery.withUpperBound("c").withDescendingKeys()));
        return queries;
    }

    private static QueryOracle.Q range(String lower, String upper, int order) {
        RangeQuery<String, String> ours = RangeQuery.withRange(lower, upper);
        org.apache.kafka.streams.query.RangeQuery<String, String> kafka =
                org.apache.kafka.streams.query.RangeQuery.withRange(lower, upper);
        if (order == 1) {
            ours = ours.withAscendingKeys();
            kafka = kafka.withAscendingKeys();
        } else if (order == 2) {
            ours = ours.withDescendingKeys();
            kafka = kafka.withDescendingKeys();
        }
        return new QueryOracle.Q("RangeQuery(" + lower + "," + upper + ",order=" + order + ")", ours, kafka);
    }

    private static QueryOracle.Q timestampedRange(String lower, String upper, int order) {
        TimestampedRangeQuery<String, String> ours = TimestampedRangeQuery.withRange(lower, upper);
        org.apache.kafka.streams.query.TimestampedRangeQuery<String, String> kafka =
                org.apache.kafka.streams.query.TimestampedRangeQuery.withRange(lower, upper);
        if (order == 1) {
            ours = ours.withAscendingKeys();
            kafka = kafka.withAscendingKeys();
        } else if (order == 2) {
            ours = ours.withDescendingKeys();
            kafka = kafka.withDescendingKeys();
        }
        return new QueryOracle.Q("TimestampedRangeQuery(" + lower + "," + upper + ",order=" + order + ")", ours,
                kafka);
    }

    /** Queries of other store kinds, which key-value stores do not answer. */
    private static List<QueryOracle.Q> foreignQueries() {
        Instant from = Instant.ofEpochMilli(0);
        Instant to = Instant.ofEpochMilli(50);
        return List.of(
                new QueryOracle.Q("WindowKeyQuery", WindowKeyQuery.withKeyAndWindowStartRange("a", from, to),
                        org.apache.kafka.streams.query.WindowKeyQuery.withKeyAndWindowStartRange("a", from, to)),
                new QueryOracle.Q("WindowRangeQuery.withKey", WindowRangeQuery.withKey("a"),
                        org.apache.kafka.streams.query.WindowRangeQuery.withKey("a")),
                new QueryOracle.Q("VersionedKeyQuery", VersionedKeyQuery.withKey("a"),
                        org.apache.kafka.streams.query.VersionedKeyQuery.withKey("a")),
                new QueryOracle.Q("MultiVersionedKeyQuery", MultiVersionedKeyQuery.withKey("a"),
                        org.apache.kafka.streams.query.MultiVersionedKeyQuery.withKey("a")),
                QueryOracle.custom());
    }

    private static List<QueryOracle.Q> versionedQueries(Random random) {
        List<QueryOracle.Q> queries = new ArrayList<>();
        for (char c = 'a'; c <= 'g'; c++) {
            String key = String.valueOf(c);
            Instant asOf = Instant.ofEpochMilli(random.nextInt(110) - 5);
            queries.add(new QueryOracle.Q("VersionedKeyQuery(" + key + ")", VersionedKeyQuery.withKey(key),
                    org.apache.kafka.streams.query.VersionedKeyQuery.withKey(key)));
            queries.add(new QueryOracle.Q("VersionedKeyQuery(" + key + ").asOf(" + asOf + ")",
                    VersionedKeyQuery.withKey(key).asOf(asOf),
                    org.apache.kafka.streams.query.VersionedKeyQuery.withKey(key).asOf(asOf)));
            for (int i = 0; i < 3; i++) {
                queries.add(multiVersioned(key, random, i));
            }
        }
        Instant from = Instant.ofEpochMilli(0);
        Instant to = Instant.ofEpochMilli(50);
        queries.add(new QueryOracle.Q("MultiVersionedKeyQuery.inverted",
                MultiVersionedKeyQuery.withKey("a").fromTime(to).toTime(from),
                org.apache.kafka.streams.query.MultiVersionedKeyQuery.withKey("a").fromTime(to).toTime(from)));
        queries.add(new QueryOracle.Q("KeyQuery", KeyQuery.withKey("a"),
                org.apache.kafka.streams.query.KeyQuery.withKey("a")));
        queries.add(new QueryOracle.Q("RangeQuery", RangeQuery.withNoBounds(),
                org.apache.kafka.streams.query.RangeQuery.withNoBounds()));
        queries.add(new QueryOracle.Q("TimestampedKeyQuery", TimestampedKeyQuery.withKey("a"),
                org.apache.kafka.streams.query.TimestampedKeyQuery.withKey("a")));
        queries.add(new QueryOracle.Q("WindowKeyQuery", WindowKeyQuery.withKeyAndWindowStartRange("a", from, to),
                org.apache.kafka.streams.query.WindowKeyQuery.withKeyAndWindowStartRange("a", from, to)));
        queries.add(QueryOracle.custom());
        return queries;
    }

    private static QueryOracle.Q multiVersioned(String key, Random random, int order) {
        Instant from = random.nextInt(4) == 0 ? null : Instant.ofEpochMilli(random.nextInt(60) - 5);
        Instant to = random.nextInt(4) == 0 ? null : Instant.ofEpochMilli(random.nextInt(60) + 55);
        MultiVersionedKeyQuery<String, String> ours = MultiVersionedKeyQuery.<String, String>withKey(key)
                .fromTime(from).toTime(to);
        org.apache.kafka.streams.query.MultiVersionedKeyQuery<String, String> kafka =
                org.apache.kafka.streams.query.MultiVersionedKeyQuery.<String, String>withKey(key)
                        .fromTime(from).toTime(to);
        if (order == 1) {
            ours = ours.withAscendingTimestamps();
            kafka = kafka.withAscendingTimestamps();
        } else if (order == 2) {
            ours = ours.withDescendingTimestamps();
            kafka = kafka.withDescendingTimestamps();
        }
        return new QueryOracle.Q("MultiVersionedKeyQuery(" + key + "," + from + "," + to + ",order=" + order + ")",
                ours, kafka);
    }
}
