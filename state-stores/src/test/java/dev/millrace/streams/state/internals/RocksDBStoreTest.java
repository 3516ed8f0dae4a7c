package dev.millrace.streams.state.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.TopicPartition;
import dev.millrace.common.serialization.ByteArraySerializer;
import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.errors.InvalidStateStoreException;
import dev.millrace.streams.processor.BatchingStateRestoreCallback;
import dev.millrace.streams.state.KeyValueIterator;
import dev.millrace.streams.state.KeyValueStore;
import dev.millrace.streams.state.RocksDBConfigSetter;
import dev.millrace.streams.state.Stores;
import dev.millrace.streams.state.TimestampedBytesStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Options;

/**
 * {@link RocksDBStore} against the sorted-map model and against Kafka Streams' own RocksDB store over seeded
 * random operation sequences ({@code -Dmillrace.seed=N} changes the seeds), plus persistence, exactly-once,
 * restore, position and configuration behaviour.
 */
class RocksDBStoreTest {

    private static final int RUNS = 8;
    private static final int STEPS = 400;
    private static final TopicPartition CHANGELOG = new TopicPartition("app-kv-changelog", 0);

    @TempDir
    Path stateDir;

    private RocksDBStore open(RocksDBTestContext context, String name) {
        RocksDBStore store = new RocksDBStore(name, "rocksdb");
        store.init(context, store);
        return store;
    }

    @Test
    void shouldMatchSortedMapModelOverRandomOperations() {
        for (int run = 0; run < RUNS; run++) {
            boolean exactlyOnce = run % 2 == 1;
            RocksDBTestContext context = new RocksDBTestContext(stateDir);
            if (exactlyOnce) {
                context.exactlyOnce();
            }
            RocksDBStore store = open(context, "kv" + run);
            try {
                assertThat(store.transactional()).as("seed=" + (RandomBytes.SEED + run)).isEqualTo(exactlyOnce);
                new KeyValueDriver(RandomBytes.SEED + run, true).run(
                        RocksDBTestOps.snapshot(KeyValueStoreAdapters.model()),
                        RocksDBTestOps.snapshot(KeyValueStoreAdapters.millrace(store)), STEPS);
            } finally {
                store.close();
            }
        }
    }

    @Test
    void shouldAnswerLikeKafkaStreamsRocksDbStore() {
        for (int run = 0; run < RUNS; run++) {
            org.apache.kafka.streams.state.KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]> kafka =
                    org.apache.kafka.streams.state.Stores.persistentKeyValueStore("kafka" + run).get();
            kafka.init(KafkaOracle.context(stateDir.resolve("kafka").toFile()), kafka);
            RocksDBStore store = open(new RocksDBTestContext(stateDir), "kv" + run);
            try {
                new KeyValueDriver(RandomBytes.SEED + run, false).run(
                        RocksDBTestOps.uncounted(KeyValueStoreAdapters.kafka(kafka)),
                        RocksDBTestOps.uncounted(KeyValueStoreAdapters.millrace(store)), STEPS);
            } finally {
                store.close();
                kafka.close();
            }
        }
    }

    @Test
    void shouldKeepDataAndCommittedOffsetsAcrossReopen() {
        RocksDBStore store = open(new RocksDBTestContext(stateDir), "kv");
        store.put(bytes(1), new byte[] {10});
        store.put(bytes(2), new byte[] {20});
        store.commit(Map.of(CHANGELOG, 41L));
        store.close();

        RocksDBStore reopened = open(new RocksDBTestContext(stateDir), "kv");
        assertThat(reopened.get(bytes(1))).containsExactly(10);
        assertThat(reopened.get(bytes(2))).containsExactly(20);
        assertThat(reopened.committedOffset(CHANGELOG)).isEqualTo(41L);
        assertThat(reopened.managesOffsets()).isTrue();
        assertThat(reopened.persistent()).isTrue();
        reopened.close();
        assertThat(stateDir.resolve("rocksdb").resolve("kv")).isDirectory();
    }

    @Test
    void shouldLeaveNoTraceOfUncommittedWritesUnderExactlyOnce() {
        RocksDBStore store = open(new RocksDBTestContext(stateDir).exactlyOnce(), "kv");
        store.put(bytes(1), new byte[] {1});
        store.commit(Map.of(CHANGELOG, 5L));
        store.put(bytes(1), new byte[] {2});
        store.put(bytes(3), new byte[] {3});
        store.delete(bytes(1));
        assertThat(store.get(bytes(1))).isNull();
        try (KeyValueIterator<Bytes, byte[]> all = store.all()) {
            assertThat(all.next().key).isEqualTo(bytes(3));
        }
        store.close();

        RocksDBStore reopened = open(new RocksDBTestContext(stateDir).exactlyOnce(), "kv");
        assertThat(reopened.get(bytes(1))).containsExactly(1);
        assertThat(reopened.get(bytes(3))).isNull();
        assertThat(reopened.committedOffset(CHANGELOG)).isEqualTo(5L);
        reopened.close();
    }

    @Test
    void shouldRestoreThroughBatchingCallbackAndThenAcceptWrites() {
        RocksDBTestContext context = new RocksDBTestContext(stateDir);
        RocksDBStore store = open(context, "kv");
        BatchingStateRestoreCallback callback = (BatchingStateRestoreCallback) context.registered.get("kv");
        List<KeyValue<byte[], byte[]>> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            batch.add(KeyValue.pair(new byte[] {(byte) i}, new byte[] {(byte) (i + 1)}));
        }
        batch.add(KeyValue.pair(new byte[] {5}, null));
        callback.restoreAll(batch);
        store.commit(Map.of(CHANGELOG, 100L));
        store.put(bytes(7), new byte[] {70});
        assertThat(store.get(bytes(5))).isNull();
        assertThat(store.get(bytes(6))).containsExactly(7);
        assertThat(store.get(bytes(7))).containsExactly(70);
        assertThat(store.committedOffset(CHANGELOG)).isEqualTo(100L);
        store.close();
    }

    @Test
    void shouldTrackPositionOfWrittenRecords() {
        RocksDBTestContext context = new RocksDBTestContext(stateDir);
        RocksDBStore store = open(context, "kv");
        context.setRecord("input", 2, 40L);
        store.put(bytes(1), new byte[] {1});
        context.setRecord("input", 2, 41L);
        store.delete(bytes(1));
        context.setRecord("input", 3, 7L);
        store.putAll(List.of(KeyValue.pair(bytes(2), new byte[] {2})));
        assertThat(store.getPosition().getPartitionPositions("input")).containsEntry(2, 41L).containsEntry(3, 7L);
        store.close();
    }

    @Test
    void shouldResumeWithThePositionOfTheLastCommitAfterReopen() {
        RocksDBTestContext context = new RocksDBTestContext(stateDir).exactlyOnce();
        RocksDBStore store = open(context, "kv");
        context.setRecord("input", 2, 40L);
        store.put(bytes(1), new byte[] {1});
        context.setRecord("other", 0, 5L);
        store.put(bytes(2), new byte[] {2});
        store.commit(Map.of(CHANGELOG, 2L));
        context.setRecord("input", 2, 41L);
        store.put(bytes(3), new byte[] {3});
        assertThat(store.getPosition().getPartitionPositions("input")).containsEntry(2, 41L);
        store.close();

        RocksDBStore reopened = open(new RocksDBTestContext(stateDir).exactlyOnce(), "kv");
        assertThat(reopened.get(bytes(3))).as("uncommitted write dropped").isNull();
        assertThat(reopened.getPosition().getTopics()).containsExactlyInAnyOrder("input", "other");
        assertThat(reopened.getPosition().getPartitionPositions("input")).as("position of the commit")
                .containsExactly(Map.entry(2, 40L));
        assertThat(reopened.getPosition().getPartitionPositions("other")).containsExactly(Map.entry(0, 5L));
        reopened.close();
    }

    @Test
    void shouldRefuseUseOfClosedStoreAndIterator() {
        RocksDBStore store = open(new RocksDBTestContext(stateDir), "kv");
        store.put(bytes(1), new byte[] {1});
        KeyValueIterator<Bytes, byte[]> all = store.all();
        store.close();
        assertThat(store.isOpen()).isFalse();
        assertThatThrownBy(all::hasNext).isInstanceOf(InvalidStateStoreException.class)
                .hasMessageContaining("store=kv");
        assertThatThrownBy(() -> store.get(bytes(1))).isInstanceOf(InvalidStateStoreException.class)
                .hasMessageContaining("store=kv");
        all.close();
    }

    @Test
    void shouldScanExactPrefixesIncludingAllFf() {
        RocksDBStore store = open(new RocksDBTestContext(stateDir), "kv");
        store.put(Bytes.wrap(new byte[] {(byte) 0xFF}), new byte[] {1});
        store.put(Bytes.wrap(new byte[] {(byte) 0xFF, 0}), new byte[] {2});
        store.put(Bytes.wrap(new byte[] {1, (byte) 0xFF}), new byte[] {3});
        store.put(Bytes.wrap(new byte[] {2}), new byte[] {4});
        try (KeyValueIterator<Bytes, byte[]> scan = store.prefixScan(new byte[] {(byte) 0xFF},
                new ByteArraySerializer())) {
            assertThat(scan.next().value).containsExactly(1);
            assertThat(scan.next().value).containsExactly(2);
            assertThat(scan.hasNext()).isFalse();
        }
        try (KeyValueIterator<Bytes, byte[]> scan = store.prefixScan(new byte[] {1, (byte) 0xFF},
                new ByteArraySerializer())) {
            assertThat(scan.next().value).containsExactly(3);
            assertThat(scan.hasNext()).isFalse();
        }
        store.close();
    }

    @Test
    void shouldApplyConfigSetterNamedInAppConfigs() {
        RecordingSetter.calls.clear();
        RocksDBStore store = open(new RocksDBTestContext(stateDir)
                .with("rocksdb.config.setter", RecordingSetter.class.getName()), "kv");
        store.close();
        assertThat(RecordingSetter.calls).containsExactly("setConfig kv", "close kv");
    }

    @Test
    void shouldSupplyStoresThroughStores() {
        KeyValueStore<Bytes, byte[]> plain = Stores.persistentKeyValueStore("p").get();
        KeyValueStore<Bytes, byte[]> timestamped = Stores.persistentTimestampedKeyValueStore("t").get();
        assertThat(plain).isInstanceOf(RocksDBStore.class).isNotInstanceOf(TimestampedBytesStore.class);
        assertThat(timestamped).isInstanceOf(RocksDBTimestampedStore.class).isInstanceOf(TimestampedBytesStore.class);
        assertThat(Stores.persistentKeyValueStore("p").metricsScope()).isEqualTo(
                org.apache.kafka.streams.state.Stores.persistentKeyValueStore("p").metricsScope());
        timestamped.init(new RocksDBTestContext(stateDir), timestamped);
        timestamped.put(bytes(1), TimestampedBytesStore.convertToTimestampedFormat(new byte[] {9}));
        assertThat(timestamped.get(bytes(1))).hasSize(9);
        timestamped.close();
        assertThat(Files.isDirectory(stateDir.resolve("rocksdb").resolve("t"))).isTrue();
    }

    private static Bytes bytes(int b) {
        return Bytes.wrap(new byte[] {(byte) b});
    }

    /** Records the calls a store makes to its config setter. */
    public static final class RecordingSetter implements RocksDBConfigSetter {
        static final List<String> calls = new ArrayList<>();

        /** Creates a setter. */
        public RecordingSetter() {
        }

        @Override
        public void setConfig(String storeName, Options options, Map<String, Object> configs) {
            calls.add("setConfig " + storeName);
        }

        @Override
        public void close(String storeName, Options options) {
            calls.add("close " + storeName);
        }
    }
}
