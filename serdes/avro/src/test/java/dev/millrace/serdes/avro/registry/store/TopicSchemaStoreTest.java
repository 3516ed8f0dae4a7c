package dev.millrace.serdes.avro.registry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.errors.NetworkException;
import dev.millrace.common.time.ManualTime;
import dev.millrace.serdes.avro.AvroConfigException;
import dev.millrace.serdes.avro.TestSchemas;
import dev.millrace.serdes.avro.registry.core.SchemaRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The topic-backed store against an in-memory partition: topic creation and checks, appends with
 * acks=all, and replay across pages, batches that start before the requested offset, compaction gaps,
 * a moved log start offset and records arriving during the replay. Seed: {@code -Dmillrace.seed}.
 */
class TopicSchemaStoreTest {
    private static final long DEFAULT_SEED = 0x7031c5L;
    private static final int RUNS = 40;

    @Test
    void shouldCreateCompactedSinglePartitionTopicWithBrokerDefaultReplicationWhenMissing() {
        FakeStoreCluster cluster = FakeStoreCluster.withoutTopic();
        TopicSchemaStore store = TopicSchemaStore.open("_schemas", cluster, new ManualTime(0L));

        assertThat(store.topic()).isEqualTo("_schemas");
        assertThat(cluster.created).hasSize(1);
        assertThat(cluster.created.get(0).name()).isEqualTo("_schemas");
        assertThat(cluster.created.get(0).numPartitions()).isEqualTo(1);
        assertThat(cluster.created.get(0).replicationFactor()).isEqualTo((short) -1);
        assertThat(cluster.created.get(0).configs()).isEqualTo(Map.of("cleanup.policy", "compact"));
    }

    @Test
    void shouldUseExistingCompactedTopicWithoutCreatingIt() {
        FakeStoreCluster cluster = FakeStoreCluster.withCompactedTopic();
        TopicSchemaStore.open("_schemas", cluster, new ManualTime(0L));
        assertThat(cluster.created).isEmpty();
    }

    @Test
    void shouldAcceptTopicThatAnotherRegistryCreatedConcurrently() {
        FakeStoreCluster cluster = FakeStoreCluster.withoutTopic();
        cluster.createRace = true;
        TopicSchemaStore store = TopicSchemaStore.open("_schemas", cluster, new ManualTime(0L));
        store.append(record("k", "v"));
        assertThat(cluster.records()).containsExactly(record("k", "v"));
    }

    @Test
    void shouldRejectExistingTopicWithDeleteCleanupPolicyAndCloseTheCluster() {
        FakeStoreCluster cluster = new FakeStoreCluster(1, "delete");
        assertThatThrownBy(() -> TopicSchemaStore.open("_schemas", cluster, new ManualTime(0L)))
                .isInstanceOf(SchemaStoreException.class)
                .hasMessageContaining("topic=_schemas")
                .hasMessageContaining("cleanup.policy=delete")
                .hasMessageContaining("expected=compact");
        assertThat(cluster.closed).isTrue();
    }

    @Test
    void shouldRejectExistingTopicWithCompactAndDeleteCleanupPolicy() {
        FakeStoreCluster cluster = new FakeStoreCluster(1, "compact,delete");
        assertThatThrownBy(() -> TopicSchemaStore.open("_schemas", cluster, new ManualTime(0L)))
                .isInstanceOf(SchemaStoreException.class)
                .hasMessageContaining("cleanup.policy=compact,delete");
    }

    @Test
    void shouldRejectExistingTopicWithMoreThanOnePartition() {
        FakeStoreCluster cluster = new FakeStoreCluster(3, "compact");
        assertThatThrownBy(() -> TopicSchemaStore.open("_schemas", cluster, new ManualTime(0L)))
                .isInstanceOf(SchemaStoreException.class)
                .hasMessageContaining("topic=_schemas partitions=3 expected=1");
    }

    @Test
    void shouldReportUnreachableLogServerAsStoreFailureNamingTheOperation() {
        FakeStoreCluster cluster = FakeStoreCluster.withoutTopic();
        cluster.failure = new NetworkException("bootstrapServers=[127.0.0.1:1] reason=noBrokerReachable");
        assertThatThrownBy(() -> TopicSchemaStore.open("_schemas", cluster, new ManualTime(0L)))
                .isInstanceOf(SchemaStoreException.class)
                .hasMessageContaining("topic=_schemas operation=describeTopic")
                .hasMessageContaining("reason=noBrokerReachable")
                .hasCauseInstanceOf(NetworkException.class);
        assertThat(cluster.closed).isTrue();
    }

    @Test
    void shouldRequireBootstrapServers() {
        assertThatThrownBy(() -> TopicSchemaStore.open(Map.of()))
                .isInstanceOf(AvroConfigException.class)
                .hasMessageContaining("key=kafkastore.bootstrap.servers reason=missing");
    }

    @Test
    void shouldAppendEachRecordWithAcksAllAndReplayThemInOrderWithTombstones() {
        FakeStoreCluster cluster = FakeStoreCluster.withCompactedTopic();
        TopicSchemaStore store = TopicSchemaStore.open("_schemas", cluster, new ManualTime(0L));
        List<StoreRecord> appended = List.of(record("a", "1"), record("b", "2"), new StoreRecord(bytes("a"), null));
        appended.forEach(store::append);

        assertThat(cluster.acks).containsExactly((short) -1, (short) -1, (short) -1);
        assertThat(replay(store)).containsExactlyElementsOf(appended);
    }

    @Test
    void shouldWrapProduceFailureWithTopicAndOperation() {
        FakeStoreCluster cluster = FakeStoreCluster.withCompactedTopic();
        TopicSchemaStore store = TopicSchemaStore.open("_schemas", cluster, new ManualTime(0L));
        cluster.failure = new NetworkException("reason=connectionClosed");
        assertThatThrownBy(() -> store.append(record("a", "1")))
                .isInstanceOf(SchemaStoreException.class)
                .hasMessageContaining("topic=_schemas operation=produce")
                .hasMessageContaining("error=NetworkException");
    }

    @Test
    void shouldReplayExactlyTheLogAcrossPagesBatchesGapsAndMovedStart() {
        long seed = TestSchemas.seed("TopicSchemaStoreTest", DEFAULT_SEED);
        for (int run = 0; run < RUNS; run++) {
            Random random = new Random(seed + run);
            FakeStoreCluster cluster = FakeStoreCluster.withCompactedTopic();
            cluster.batchesPerPage = 1 + random.nextInt(4);
            int batchCount = random.nextInt(30);
            for (int b = 0; b < batchCount; b++) {
                List<StoreRecord> batch = new ArrayList<>();
                int size = 1 + random.nextInt(5);
                for (int r = 0; r < size; r++) {
                    String key = "k" + random.nextInt(8);
                    batch.add(random.nextInt(6) == 0 ? new StoreRecord(bytes(key), null)
                            : record(key, "v" + b + "." + r));
                }
                cluster.appendBatch(batch);
            }
            if (random.nextBoolean()) {
                cluster.compact();
            }
            long end = cluster.listOffset(null, -1L);
            if (end > 0 && random.nextInt(3) == 0) {
                cluster.logStartOffset(random.nextInt((int) end));
            }
            String facts = "seed=" + seed + " run=" + run + " batchesPerPage=" + cluster.batchesPerPage;
            TopicSchemaStore store = TopicSchemaStore.open("_schemas", cluster, new ManualTime(0L));

            assertThat(replay(store)).as(facts).containsExactlyElementsOf(cluster.records());
            assertThat(cluster.fetchOffsets).as("fetch offsets strictly increase, " + facts).isSorted()
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void shouldNotDeliverRecordsAppendedDuringTheReplay() {
        FakeStoreCluster cluster = FakeStoreCluster.withCompactedTopic();
        cluster.batchesPerPage = 1;
        TopicSchemaStore store = TopicSchemaStore.open("_schemas", cluster, new ManualTime(0L));
        store.append(record("a", "1"));
        store.append(record("b", "2"));
        cluster.onFetch = () -> cluster.appendBatch(List.of(record("late", "x")));

        assertThat(replay(store)).containsExactly(record("a", "1"), record("b", "2"));
    }

    @Test
    void shouldFinishReplayWhenCompactionRemovedTheTailOfTheLog() {
        FakeStoreCluster cluster = FakeStoreCluster.withCompactedTopic();
        TopicSchemaStore store = TopicSchemaStore.open("_schemas", cluster, new ManualTime(0L));
        store.append(record("a", "1"));
        store.append(record("b", "2"));
        store.append(new StoreRecord(bytes("b"), null));
        cluster.compact();

        assertThat(replay(store)).containsExactly(record("a", "1"));
        assertThat(cluster.fetchOffsets).containsExactly(0L, 1L);
    }

    @Test
    void shouldFailReplayThatMakesNoProgressInsteadOfLoopingForever() {
        FakeStoreCluster cluster = FakeStoreCluster.withCompactedTopic();
        TopicSchemaStore store = TopicSchemaStore.open("_schemas", cluster, new ManualTime(0L));
        store.append(record("a", "1"));
        cluster.emptyFetches = true;

        assertThatThrownBy(() -> replay(store))
                .isInstanceOf(SchemaStoreException.class)
                .hasMessageContaining("topic=_schemas offset=0 endOffset=1")
                .hasMessageContaining("reason=replayMadeNoProgress");
        assertThat(cluster.fetchOffsets).hasSize(TopicSchemaStore.MAX_EMPTY_PAGES);
    }

    @Test
    void shouldRebuildTheRegistryFromTheCompactedTopicWithoutReusingIds() {
        FakeStoreCluster cluster = FakeStoreCluster.withoutTopic();
        TopicSchemaStore store = TopicSchemaStore.open("_schemas", cluster, new ManualTime(0L));
        SchemaRegistry registry = new SchemaRegistry(store);
        int userId = registry.register("users-value", TestSchemas.USER_V1);
        int evolvedId = registry.register("users-value", TestSchemas.USER_ADDED_WITH_DEFAULT);
        int paymentId = registry.register("payments-value", TestSchemas.PAYMENT);
        registry.deleteSubject("payments-value", false);
        registry.deleteSubject("payments-value", true);
        cluster.compact();

        SchemaRegistry rebuilt = new SchemaRegistry(store);
        assertThat(rebuilt.subjects(true)).containsExactly("users-value");
        assertThat(rebuilt.versions("users-value", false)).containsExactly(1, 2);
        assertThat(rebuilt.version("users-value", 2, false).id()).isEqualTo(evolvedId);
        assertThat(rebuilt.schemaById(userId)).isEqualTo(registry.schemaById(userId));
        assertThat(rebuilt.register("payments-value", TestSchemas.PAYMENT)).isGreaterThan(paymentId);
    }

    @Test
    void shouldRefuseUseAfterCloseAndCloseTheClusterOnce() {
        FakeStoreCluster cluster = FakeStoreCluster.withCompactedTopic();
        TopicSchemaStore store = TopicSchemaStore.open("_schemas", cluster, new ManualTime(0L));
        store.close();
        store.close();
        assertThat(cluster.closed).isTrue();
        assertThatThrownBy(() -> store.append(record("a", "1"))).isInstanceOf(SchemaStoreException.class)
                .hasMessageContaining("reason=storeClosed");
        assertThatThrownBy(() -> replay(store)).isInstanceOf(SchemaStoreException.class)
                .hasMessageContaining("reason=storeClosed");
    }

    private static List<StoreRecord> replay(SchemaStore store) {
        List<StoreRecord> out = new ArrayList<>();
        store.replay(out::add);
        return out;
    }

    private static StoreRecord record(String key, String value) {
        return new StoreRecord(bytes(key), bytes(value));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
