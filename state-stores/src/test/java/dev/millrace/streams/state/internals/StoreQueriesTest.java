package dev.millrace.streams.state.internals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.kstream.Windowed;
import dev.millrace.streams.kstream.internals.SessionWindow;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.query.FailureReason;
import dev.millrace.streams.query.KeyQuery;
import dev.millrace.streams.query.Position;
import dev.millrace.streams.query.PositionBound;
import dev.millrace.streams.query.Query;
import dev.millrace.streams.query.QueryConfig;
import dev.millrace.streams.query.QueryResult;
import dev.millrace.streams.query.RangeQuery;
import dev.millrace.streams.query.VersionedKeyQuery;
import dev.millrace.streams.query.WindowKeyQuery;
import dev.millrace.streams.query.WindowRangeQuery;
import dev.millrace.streams.state.KeyValueStore;
import dev.millrace.streams.state.SessionStore;
import dev.millrace.streams.state.Stores;
import dev.millrace.streams.state.VersionedKeyValueStore;
import dev.millrace.streams.state.WindowStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.streams.state.internals.KafkaLayersOracle;
import org.apache.kafka.streams.state.internals.StoreQueryUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StoreQueries} at the level of the bytes stores: the position-bound rule against Kafka Streams'
 * {@code StoreQueryUtils.isPermitted}, bounded queries against every bytes store kind, uninitialised and closed
 * stores, execution details, and the caching layer's key queries against Kafka Streams' caching layer.
 */
class StoreQueriesTest {

    private static final long SEED = RandomBytes.SEED;
    private static final Duration RETENTION = Duration.ofMillis(10_000);
    private static final QueryConfig QUIET = new QueryConfig(false);

    @TempDir
    Path stateDir;

    @Test
    void positionBoundRuleMatchesKafkaOverRandomPositionsAndBounds() {
        Random random = new Random(SEED);
        for (int i = 0; i < 2000; i++) {
            Map<String, Map<Integer, Long>> reached = randomComponents(random);
            Map<String, Map<Integer, Long>> required = randomComponents(random);
            int partition = random.nextInt(3);
            boolean kafka = StoreQueryUtils.isPermitted(org.apache.kafka.streams.query.Position.fromMap(reached),
                    org.apache.kafka.streams.query.PositionBound.at(
                            org.apache.kafka.streams.query.Position.fromMap(required)), partition);
            boolean ours = StoreQueries.isPermitted(Position.fromMap(reached),
                    PositionBound.at(Position.fromMap(required)), partition);
            assertThat(ours).as("seed=" + SEED + " i=" + i + " position=" + reached + " bound=" + required
                    + " partition=" + partition).isEqualTo(kafka);
        }
    }

    private static Map<String, Map<Integer, Long>> randomComponents(Random random) {
        Map<String, Map<Integer, Long>> components = new HashMap<>();
        for (String topic : new String[] {"t1", "t2"}) {
            for (int partition = 0; partition < 3; partition++) {
                if (random.nextInt(3) > 0) {
                    components.computeIfAbsent(topic, t -> new HashMap<>()).put(partition, (long) random.nextInt(4));
                }
            }
        }
        return components;
    }

    @Test
    void everyBytesStoreKindHonoursThePositionBoundOfItsPartition() {
        byte[] value = "v".getBytes(StandardCharsets.UTF_8);
        for (int partition = 0; partition < 2; partition++) {
            String p = "-p" + partition;
            checkBounds(Stores.persistentKeyValueStore("kv" + p).get(), partition, KeyQuery.withKey(key("a")),
                    (KeyValueStore<Bytes, byte[]> s, Integer i) -> s.put(key("a"), value));
            checkBounds(Stores.inMemoryKeyValueStore("mem" + p).get(), partition, RangeQuery.withNoBounds(),
                    (KeyValueStore<Bytes, byte[]> s, Integer i) -> s.put(key("a"), value));
            checkBounds(Stores.lruMap("lru" + p, 10).get(), partition, KeyQuery.withKey(key("a")),
                    (KeyValueStore<Bytes, byte[]> s, Integer i) -> s.put(key("a"), value));
            WindowKeyQuery<Bytes, byte[]> windowKey = WindowKeyQuery.withKeyAndWindowStartRange(key("a"),
                    Instant.ofEpochMilli(0), Instant.ofEpochMilli(10));
            checkBounds(Stores.persistentWindowStore("w" + p, RETENTION, Duration.ofMillis(5), false).get(),
                    partition, windowKey, (WindowStore<Bytes, byte[]> s, Integer i) -> s.put(key("a"), value, i));
            checkBounds(Stores.inMemoryWindowStore("wm" + p, RETENTION, Duration.ofMillis(5), false).get(),
                    partition, WindowRangeQuery.withWindowStartRange(Instant.ofEpochMilli(0),
                            Instant.ofEpochMilli(10)),
                    (WindowStore<Bytes, byte[]> s, Integer i) -> s.put(key("a"), value, i));
            checkBounds(Stores.persistentSessionStore("s" + p, RETENTION).get(), partition,
                    WindowRangeQuery.withKey(key("a")), (SessionStore<Bytes, byte[]> s, Integer i) ->
                            s.put(new Windowed<>(key("a"), new SessionWindow(i, i)), value));
            checkBounds(Stores.inMemorySessionStore("sm" + p, RETENTION).get(), partition,
                    WindowRangeQuery.withKey(key("a")), (SessionStore<Bytes, byte[]> s, Integer i) ->
                            s.put(new Windowed<>(key("a"), new SessionWindow(i, i)), value));
            checkBounds(new RocksDBVersionedStore("ver" + p, "rocksdb", 10_000, 1_000), partition,
                    VersionedKeyQuery.withKey(key("a")),
                    (VersionedKeyValueStore<Bytes, byte[]> s, Integer i) -> s.put(key("a"), value, i));
            checkBounds(new InMemoryVersionedKeyValueStore("vermem" + p, 10_000), partition,
                    VersionedKeyQuery.withKey(key("a")),
                    (VersionedKeyValueStore<Bytes, byte[]> s, Integer i) -> s.put(key("a"), value, i));
        }
    }

    /**
     * Writes five records of partition {@code partition} of topic "in" (offsets 1 to 5), then checks which bounds
     * the store of task partition {@code partition} satisfies.
     */
    private <S extends StateStore> void checkBounds(S store, int partition, Query<?> query,
                                                    BiConsumer<S, Integer> write) {
        QueryTestContext context = new QueryTestContext(stateDir.resolve(store.name()), partition);
        store.init(context, store);
        try {
            for (int offset = 1; offset <= 5; offset++) {
                context.setRecord("in", partition, offset, offset);
                write.accept(store, offset);
            }
            context.setRecord("in", 1 - partition, 9, 9);
            write.accept(store, 9);
            String what = store + " partition=" + partition;
            Map<String, FailureReason> expected = new LinkedHashMap<>();
            expected.put("unbounded", null);
            expected.put("in-" + partition + "@5", null);
            expected.put("in-" + partition + "@3", null);
            expected.put("in-" + partition + "@6", FailureReason.NOT_UP_TO_BOUND);
            expected.put("other-" + partition + "@0", FailureReason.NOT_UP_TO_BOUND);
            expected.put("in-" + (1 - partition) + "@100", null);
            expected.put("in-" + (partition + 2) + "@0", null);
            for (Map.Entry<String, FailureReason> bound : expected.entrySet()) {
                QueryResult<?> result = store.query(query, bound(bound.getKey()), QUIET);
                assertThat(result.isSuccess() ? null : result.getFailureReason()).as(what + " bound=" + bound.getKey())
                        .isEqualTo(bound.getValue());
                assertThat(QueryResults.position(result.getPosition())).as(what)
                        .isEqualTo("{in={" + (partition == 0 ? "0=5, 1=9" : "0=9, 1=5") + "}}");
                assertThat(result.getPosition()).as(what).isNotSameAs(store.getPosition());
                if (result.isSuccess()) {
                    QueryResults.render(result.getResult());
                }
            }
        } finally {
            store.close();
        }
    }

    @Test
    void storeThatSawOnlyAnotherPartitionOfTheTopicIsNotUpToABoundOnItsOwnPartition() {
        KeyValueStore<Bytes, byte[]> store = Stores.inMemoryKeyValueStore("kv").get();
        QueryTestContext context = new QueryTestContext(stateDir, 1);
        store.init(context, store);
        context.setRecord("in", 0, 7, 7);
        store.put(key("a"), new byte[] {1});
        KeyQuery<Bytes, byte[]> query = KeyQuery.withKey(key("a"));
        assertThat(store.query(query, bound("in-1@0"), QUIET).getFailureReason())
                .isEqualTo(FailureReason.NOT_UP_TO_BOUND);
        assertThat(store.query(query, bound("in-0@7"), QUIET).getResult()).containsExactly(1);
        assertThat(store.query(query, bound("in-0@8"), QUIET).getResult()).containsExactly(1);
        QueryResult<byte[]> failed = store.query(query, bound("in-1@0"), QUIET);
        assertThat(failed.getFailureMessage()).contains("reason=notUpToBound", "partition=1");
        assertThat(QueryResults.position(failed.getPosition())).isEqualTo("{in={0=7}}");
        store.close();
    }

    private static PositionBound bound(String spec) {
        if (spec.equals("unbounded")) {
            return PositionBound.unbounded();
        }
        String topic = spec.substring(0, spec.indexOf('-'));
        int partition = Integer.parseInt(spec.substring(spec.indexOf('-') + 1, spec.indexOf('@')));
        long offset = Long.parseLong(spec.substring(spec.indexOf('@') + 1));
        return PositionBound.at(Position.emptyPosition().withComponent(topic, partition, offset));
    }

    private static Bytes key(String key) {
        return Bytes.wrap(key.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void multiVersionQueriesBelowTheHistoryBoundSeeOnlyTheLatestVersionLikeKafka() {
        KafkaLayersOracle.Context kafkaContext = KafkaLayersOracle.context(1024, stateDir.resolve("kafka").toFile());
        // the supplier's store adapts Kafka's RocksDB versioned store and passes queries to it
        org.apache.kafka.streams.state.VersionedBytesStore kafka = (org.apache.kafka.streams.state.VersionedBytesStore)
                org.apache.kafka.streams.state.Stores.persistentVersionedKeyValueStore("ver", Duration.ofMillis(10))
                        .get();
        kafkaContext.init(kafka);
        for (VersionedKeyValueStore<Bytes, byte[]> ours : java.util.List.<VersionedKeyValueStore<Bytes, byte[]>>of(
                new RocksDBVersionedStore("ver", "rocksdb", 10, 1_000),
                new InMemoryVersionedKeyValueStore("vermem", 10))) {
            QueryTestContext context = new QueryTestContext(stateDir.resolve("ours-" + ours.name()));
            ours.init(context, ours);
            long[][] writes = {{0, 1}, {50, 2}, {52, 3}};
            for (long[] write : writes) {
                context.setRecord("in", 0, write[0], write[0]);
                ours.put(key("a"), new byte[] {(byte) write[1]}, write[0]);
            }
            long[][] ranges = {{0, 30}, {0, 39}, {0, 40}, {0, 60}, {45, 60}, {51, 51}, {53, 60}};
            for (long[] range : ranges) {
                for (int order = 0; order < 3; order++) {
                    assertThat(QueryResults.render(ours.query(multiVersioned(range, order),
                            PositionBound.unbounded(), QUIET))).as(ours + " range=" + range[0] + ".." + range[1]
                            + " order=" + order).isEqualTo(kafkaVersions(kafka, range, order, writes));
                }
            }
            ours.close();
        }
        kafka.close();
    }

    private static dev.millrace.streams.query.MultiVersionedKeyQuery<Bytes, byte[]> multiVersioned(long[] range,
                                                                                                  int order) {
        dev.millrace.streams.query.MultiVersionedKeyQuery<Bytes, byte[]> query =
                dev.millrace.streams.query.MultiVersionedKeyQuery.<Bytes, byte[]>withKey(key("a"))
                        .fromTime(Instant.ofEpochMilli(range[0])).toTime(Instant.ofEpochMilli(range[1]));
        return order == 1 ? query.withAscendingTimestamps() : order == 2 ? query.withDescendingTimestamps() : query;
    }

    private static String kafkaVersions(org.apache.kafka.streams.state.VersionedBytesStore kafka, long[] range,
                                        int order, long[][] writes) {
        if (kafka.get(org.apache.kafka.common.utils.Bytes.wrap(key("a").get())) == null) {
            for (long[] write : writes) {
                kafka.put(org.apache.kafka.common.utils.Bytes.wrap(key("a").get()), new byte[] {(byte) write[1]},
                        write[0]);
            }
        }
        org.apache.kafka.streams.query.MultiVersionedKeyQuery<org.apache.kafka.common.utils.Bytes, byte[]> query =
                org.apache.kafka.streams.query.MultiVersionedKeyQuery.<org.apache.kafka.common.utils.Bytes, byte[]>
                        withKey(org.apache.kafka.common.utils.Bytes.wrap(key("a").get()))
                        .fromTime(Instant.ofEpochMilli(range[0])).toTime(Instant.ofEpochMilli(range[1]));
        query = order == 1 ? query.withAscendingTimestamps() : order == 2 ? query.withDescendingTimestamps() : query;
        return QueryResults.renderKafka(kafka.query(query, org.apache.kafka.streams.query.PositionBound.unbounded(),
                new org.apache.kafka.streams.query.QueryConfig(false)));
    }

    @Test
    void uninitialisedStoreIsNotUpToAnyBoundLikeKafka() {
        QueryResult<byte[]> ours = Stores.inMemoryKeyValueStore("kv").get()
                .query(KeyQuery.withKey(key("a")), PositionBound.unbounded(), QUIET);
        org.apache.kafka.streams.query.QueryResult<byte[]> kafka = org.apache.kafka.streams.state.Stores
                .inMemoryKeyValueStore("kv").get().query(org.apache.kafka.streams.query.KeyQuery.withKey(
                        org.apache.kafka.common.utils.Bytes.wrap(key("a").get())),
                        org.apache.kafka.streams.query.PositionBound.unbounded(),
                        new org.apache.kafka.streams.query.QueryConfig(false));
        assertThat(ours.getFailureReason()).isEqualTo(FailureReason.NOT_UP_TO_BOUND);
        assertThat(ours.getFailureReason().name()).isEqualTo(kafka.getFailureReason().name());
        assertThat(ours.getFailureMessage()).contains("reason=storeNotInitialised");
    }

    @Test
    void closedRocksDbStoreAnswersWithStoreExceptionLikeKafka() {
        KeyValueStore<Bytes, byte[]> ours = Stores.persistentKeyValueStore("closed").get();
        ours.init(new QueryTestContext(stateDir.resolve("ours")), ours);
        ours.close();
        KafkaLayersOracle.Context kafkaContext = KafkaLayersOracle.context(1024, stateDir.resolve("kafka").toFile());
        org.apache.kafka.streams.state.KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]> kafka =
                org.apache.kafka.streams.state.Stores.persistentKeyValueStore("closed").get();
        kafkaContext.init(kafka);
        kafka.close();
        QueryResult<byte[]> answer = ours.query(KeyQuery.withKey(key("a")), PositionBound.unbounded(), QUIET);
        org.apache.kafka.streams.query.QueryResult<byte[]> kafkaAnswer = kafka.query(
                org.apache.kafka.streams.query.KeyQuery.withKey(org.apache.kafka.common.utils.Bytes.wrap(new byte[1])),
                org.apache.kafka.streams.query.PositionBound.unbounded(),
                new org.apache.kafka.streams.query.QueryConfig(false));
        assertThat(answer.getFailureReason()).isEqualTo(FailureReason.STORE_EXCEPTION);
        assertThat(answer.getFailureReason().name()).isEqualTo(kafkaAnswer.getFailureReason().name());
        assertThat(answer.getFailureMessage()).contains("reason=storeException", "store=closed",
                "InvalidStateStoreException");
    }

    @Test
    void executionDetailsAreCollectedPerLayerOnlyWhenRequested() {
        KeyValueStore<String, String> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("kv"),
                dev.millrace.common.serialization.Serdes.String(), dev.millrace.common.serialization.Serdes.String())
                .withCachingEnabled().build();
        QueryTestContext context = new QueryTestContext(stateDir);
        store.init(context, store);
        context.setRecord("in", 0, 1, 1);
        store.put("a", "1");
        QueryResult<String> quiet = store.query(KeyQuery.withKey("a"), PositionBound.unbounded(), QUIET);
        QueryResult<String> verbose = store.query(KeyQuery.withKey("a"), PositionBound.unbounded(),
                new QueryConfig(true));
        assertThat(quiet.getResult()).isEqualTo(verbose.getResult()).isEqualTo("1");
        assertThat(quiet.getExecutionInfo()).isEmpty();
        assertThat(verbose.getExecutionInfo()).hasSize(2)
                .allSatisfy(detail -> assertThat(detail).startsWith("store=kv handledBy=").contains("durationNs="));
        assertThat(verbose.getExecutionInfo().get(0)).contains(CachingKeyValueStore.class.getName());
        assertThat(verbose.getExecutionInfo().get(1)).contains(TypedKeyValueStore.class.getName());
        QueryResult<?> unknown = store.query(QueryOracle.custom().ours(), PositionBound.unbounded(),
                new QueryConfig(true));
        assertThat(unknown.getFailureReason()).isEqualTo(FailureReason.UNKNOWN_QUERY_TYPE);
        assertThat(unknown.getExecutionInfo()).hasSize(4);
        store.close();
    }

    @Test
    void cachingLayerAnswersKeyQueriesFromTheCacheUnlessSkippedLikeKafka() {
        KafkaLayersOracle.Context kafkaContext = KafkaLayersOracle.context(1024 * 1024, stateDir.toFile());
        org.apache.kafka.streams.state.internals.CachingKeyValueStore kafka =
                KafkaLayersOracle.cachedLoggedKeyValueStore("kv", false);
        kafkaContext.init(kafka);
        QueryTestContext context = new QueryTestContext(stateDir);
        CachingKeyValueStore ours = new CachingKeyValueStore(Stores.inMemoryKeyValueStore("kv").get());
        ours.init(context, ours);
        Function<Query<?>, String> ask = query -> QueryResults.render(ours.query(query, PositionBound.unbounded(),
                QUIET));
        byte[][] values = {{1}, {2}, null};
        for (int step = 0; step < values.length; step++) {
            context.setRecord("in", 0, step + 1, step);
            kafkaContext.setRecord(step, step + 1);
            ours.put(key("a"), values[step]);
            kafka.put(org.apache.kafka.common.utils.Bytes.wrap(key("a").get()), values[step]);
            for (boolean skip : new boolean[] {false, true}) {
                KeyQuery<Bytes, byte[]> query = skip ? KeyQuery.<Bytes, byte[]>withKey(key("a")).skipCache()
                        : KeyQuery.withKey(key("a"));
                org.apache.kafka.streams.query.KeyQuery<org.apache.kafka.common.utils.Bytes, byte[]> kafkaQuery =
                        org.apache.kafka.streams.query.KeyQuery.withKey(
                                org.apache.kafka.common.utils.Bytes.wrap(key("a").get()));
                org.apache.kafka.streams.query.QueryResult<byte[]> kafkaAnswer = kafka.query(
                        skip ? kafkaQuery.skipCache() : kafkaQuery,
                        org.apache.kafka.streams.query.PositionBound.unbounded(),
                        new org.apache.kafka.streams.query.QueryConfig(false));
                assertThat(ask.apply(query)).as("step=" + step + " skipCache=" + skip)
                        .isEqualTo(QueryResults.renderKafka(kafkaAnswer));
            }
            if (step == 1) {
                ours.commit(Map.of());
                kafka.commit(Map.of());
            }
        }
        ours.close();
        kafka.close();
    }
}
