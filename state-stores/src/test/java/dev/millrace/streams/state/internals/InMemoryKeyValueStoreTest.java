package dev.millrace.streams.state.internals;

import dev.millrace.common.serialization.ByteArraySerializer;
import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.state.KeyValueIterator;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link InMemoryKeyValueStore} against a sorted-map model and against Kafka Streams' own in-memory store, over
 * seeded random operation sequences ({@code -Dmillrace.seed=N} changes the seeds).
 */
class InMemoryKeyValueStoreTest {

    private static final int RUNS = 20;
    private static final int STEPS = 400;

    private static InMemoryKeyValueStore newStore() {
        InMemoryKeyValueStore store = new InMemoryKeyValueStore("kv");
        store.init(new TestStateStoreContext(), store);
        return store;
    }

    @Test
    void shouldMatchSortedMapModelOverRandomOperations() {
        for (int run = 0; run < RUNS; run++) {
            new KeyValueDriver(RandomBytes.SEED + run, true)
                    .run(KeyValueStoreAdapters.model(), KeyValueStoreAdapters.millrace(newStore()), STEPS);
        }
    }

    @Test
    void shouldAnswerLikeKafkaStreamsInMemoryStore() {
        for (int run = 0; run < RUNS; run++) {
            org.apache.kafka.streams.state.KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]> kafka =
                    org.apache.kafka.streams.state.Stores.inMemoryKeyValueStore("kv").get();
            kafka.init(KafkaOracle.context(Path.of(".").toFile()), kafka);
            new KeyValueDriver(RandomBytes.SEED + run, false)
                    .run(KeyValueStoreAdapters.kafka(kafka), KeyValueStoreAdapters.millrace(newStore()), STEPS);
        }
    }

    @Test
    void shouldOrderKeysByUnsignedBytes() {
        InMemoryKeyValueStore store = newStore();
        store.put(Bytes.wrap(new byte[] {(byte) 0x80}), new byte[] {1});
        store.put(Bytes.wrap(new byte[] {0x7F}), new byte[] {2});
        store.put(Bytes.wrap(new byte[] {0x7F, 0x00}), new byte[] {3});
        try (KeyValueIterator<Bytes, byte[]> all = store.all()) {
            assertThat(all.next().key.get()).containsExactly(0x7F);
            assertThat(all.next().key.get()).containsExactly(0x7F, 0x00);
            assertThat(all.next().key.get()).containsExactly((byte) 0x80);
            assertThat(all.hasNext()).isFalse();
        }
    }

    @Test
    void shouldReturnEmptyIteratorForInvertedRange() {
        InMemoryKeyValueStore store = newStore();
        store.put(Bytes.wrap(new byte[] {5}), new byte[] {5});
        try (KeyValueIterator<Bytes, byte[]> range =
                     store.range(Bytes.wrap(new byte[] {9}), Bytes.wrap(new byte[] {1}))) {
            assertThat(range.hasNext()).isFalse();
        }
    }

    @Test
    void shouldScanEverythingFromAnAllFfPrefix() {
        InMemoryKeyValueStore store = newStore();
        store.put(Bytes.wrap(new byte[] {(byte) 0xFF}), new byte[] {1});
        store.put(Bytes.wrap(new byte[] {(byte) 0xFF, 0}), new byte[] {2});
        store.put(Bytes.wrap(new byte[] {1}), new byte[] {3});
        try (KeyValueIterator<Bytes, byte[]> scan = store.prefixScan(new byte[] {(byte) 0xFF},
                new ByteArraySerializer())) {
            assertThat(scan.next().value).containsExactly(1);
            assertThat(scan.next().value).containsExactly(2);
            assertThat(scan.hasNext()).isFalse();
        }
    }

    @Test
    void shouldRefuseUseOfClosedIterator() {
        InMemoryKeyValueStore store = newStore();
        KeyValueIterator<Bytes, byte[]> all = store.all();
        all.close();
        assertThatThrownBy(all::hasNext).isInstanceOf(IllegalStateException.class).hasMessageContaining("store=kv");
    }

    @Test
    void shouldTrackPositionOfWrittenRecords() {
        InMemoryKeyValueStore store = new InMemoryKeyValueStore("kv");
        TestStateStoreContext context = new TestStateStoreContext();
        store.init(context, store);
        context.setRecord("input", 2, 40L);
        store.put(Bytes.wrap(new byte[] {1}), new byte[] {1});
        context.setRecord("input", 2, 41L);
        store.delete(Bytes.wrap(new byte[] {1}));
        assertThat(store.getPosition().getPartitionPositions("input")).containsEntry(2, 41L);
        assertThat(context.registered).containsKey("kv");
    }
}
