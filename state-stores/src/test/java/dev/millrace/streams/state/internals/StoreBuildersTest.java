package dev.millrace.streams.state.internals;

import dev.millrace.common.serialization.Deserializer;
import dev.millrace.common.serialization.Serde;
import dev.millrace.common.serialization.Serdes;
import dev.millrace.common.serialization.Serializer;
import dev.millrace.common.serialization.StringSerializer;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.errors.StreamsException;
import dev.millrace.streams.kstream.Windowed;
import dev.millrace.streams.kstream.internals.SessionWindow;
import dev.millrace.streams.state.KeyValueIterator;
import dev.millrace.streams.state.KeyValueStore;
import dev.millrace.streams.state.SessionStore;
import dev.millrace.streams.state.StoreBuilder;
import dev.millrace.streams.state.Stores;
import dev.millrace.streams.state.TimestampedKeyValueStore;
import dev.millrace.streams.state.TimestampedWindowStore;
import dev.millrace.streams.state.ValueAndTimestamp;
import dev.millrace.streams.state.VersionedKeyValueStore;
import dev.millrace.streams.state.VersionedRecord;
import dev.millrace.streams.state.WindowStore;
import dev.millrace.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The builders and the typed serde layer they put over the in-memory bytes stores. */
class StoreBuildersTest {

    private static <S extends dev.millrace.streams.processor.StateStore> S init(S store, TestStateStoreContext ctx) {
        store.init(ctx, store);
        return store;
    }

    @Test
    void shouldRoundTripTypedKeyValuesInSerializedKeyOrder() {
        KeyValueStore<String, Long> store = init(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("kv"),
                Serdes.String(), Serdes.Long()).build(), new TestStateStoreContext());
        store.put("b", 2L);
        store.put("a", 1L);
        store.putAll(List.of(KeyValue.pair("ab", 3L), KeyValue.pair("c", null)));
        assertThat(store.putIfAbsent("a", 9L)).isEqualTo(1L);
        assertThat(store.get("ab")).isEqualTo(3L);
        assertThat(drain(store.all())).containsExactly("a=1", "ab=3", "b=2");
        assertThat(drain(store.reverseRange("a", "ab"))).containsExactly("ab=3", "a=1");
        assertThat(drain(store.prefixScan("a", new StringSerializer()))).containsExactly("a=1", "ab=3");
        assertThat(store.delete("b")).isEqualTo(2L);
        assertThat(store.approximateNumEntries()).isEqualTo(2L);
    }

    @Test
    void shouldUseTheDefaultSerdesOfTheContextWhenTheBuilderHasNone() {
        KeyValueStore<String, String> store = init(Stores.<String, String>keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore("kv"), null, null).build(),
                new TestStateStoreContext(Serdes.String(), Serdes.String()));
        store.put("k", "v");
        assertThat(store.get("k")).isEqualTo("v");
    }

    @Test
    void shouldFailInitWithoutAnySerde() {
        KeyValueStore<String, String> store = Stores.<String, String>keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore("kv"), null, null).build();
        assertThatThrownBy(() -> store.init(new TestStateStoreContext(), store))
                .isInstanceOf(StreamsException.class).hasMessageContaining("store=kv").hasMessageContaining("role=key");
    }

    @Test
    void shouldSerializeWithTheChangelogTopicName() {
        List<String> topics = new ArrayList<>();
        Serializer<String> recording = (topic, data) -> {
            topics.add(topic);
            return data.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        };
        Deserializer<String> plain = (topic, data) -> new String(data, java.nio.charset.StandardCharsets.UTF_8);
        Serde<String> serde = Serdes.serdeFrom(recording, plain);
        KeyValueStore<String, String> store = init(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("counts"),
                serde, serde).build(), new TestStateStoreContext());
        store.put("k", "v");
        assertThat(topics).containsOnly("app-counts-changelog");
    }

    @Test
    void shouldStoreTimestampedValuesInKafkasByteFormat() {
        TimestampedKeyValueStore<String, String> store = init(Stores.timestampedKeyValueStoreBuilder(
                Stores.inMemoryKeyValueStore("ts"), Serdes.String(), Serdes.String()).build(),
                new TestStateStoreContext());
        store.put("k", ValueAndTimestamp.make("v", 42L));
        assertThat(store.get("k")).isEqualTo(ValueAndTimestamp.make("v", 42L));
        @SuppressWarnings("unchecked") // the typed store wraps the in-memory bytes store
        KeyValueStore<dev.millrace.common.utils.Bytes, byte[]> inner =
                ((WrappedStateStore<KeyValueStore<dev.millrace.common.utils.Bytes, byte[]>>) (Object) store).wrapped();
        byte[] kafkaFormat = new org.apache.kafka.streams.state.internals.ValueAndTimestampSerde<>(
                org.apache.kafka.common.serialization.Serdes.String()).serializer()
                .serialize("t", org.apache.kafka.streams.state.ValueAndTimestamp.make("v", 42L));
        byte[] key = "k".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(inner.get(dev.millrace.common.utils.Bytes.wrap(key)))
                .isEqualTo(kafkaFormat);
    }

    @Test
    void shouldFetchTypedWindows() {
        WindowStore<String, Long> store = init(Stores.windowStoreBuilder(Stores.inMemoryWindowStore("w",
                Duration.ofMillis(100), Duration.ofMillis(10), false), Serdes.String(), Serdes.Long()).build(),
                new TestStateStoreContext());
        store.put("a", 1L, 0);
        store.put("a", 2L, 10);
        store.put("b", 3L, 10);
        assertThat(store.fetch("a", 10)).isEqualTo(2L);
        try (WindowStoreIterator<Long> it = store.backwardFetch("a", 0, 10)) {
            assertThat(it.next()).isEqualTo(KeyValue.pair(10L, 2L));
            assertThat(it.next()).isEqualTo(KeyValue.pair(0L, 1L));
            assertThat(it.hasNext()).isFalse();
        }
        assertThat(drainWindowed(store.fetchAll(10, 10))).containsExactly("[a@10/20]=2", "[b@10/20]=3");
    }

    @Test
    void shouldFetchTypedTimestampedWindows() {
        TimestampedWindowStore<String, String> store = init(Stores.timestampedWindowStoreBuilder(
                Stores.inMemoryWindowStore("tw", Duration.ofMillis(100), Duration.ofMillis(10), false),
                Serdes.String(), Serdes.String()).build(), new TestStateStoreContext());
        store.put("a", ValueAndTimestamp.make("x", 7L), 0);
        assertThat(store.fetch("a", 0)).isEqualTo(ValueAndTimestamp.make("x", 7L));
    }

    @Test
    void shouldFindTypedSessions() {
        SessionStore<String, Long> store = init(Stores.sessionStoreBuilder(Stores.inMemorySessionStore("s",
                Duration.ofMillis(100)), Serdes.String(), Serdes.Long()).build(), new TestStateStoreContext());
        store.put(new Windowed<>("a", new SessionWindow(0, 5)), 1L);
        store.put(new Windowed<>("a", new SessionWindow(10, 12)), 2L);
        assertThat(store.fetchSession("a", 10, 12)).isEqualTo(2L);
        assertThat(drainWindowed(store.findSessions("a", 4, 9))).containsExactly("[a@0/5]=1");
        store.remove(new Windowed<>("a", new SessionWindow(0, 5)));
        assertThat(drainWindowed(store.fetch("a"))).containsExactly("[a@10/12]=2");
    }

    @Test
    void shouldBuildInMemoryVersionedStores() {
        StoreBuilder<VersionedKeyValueStore<String, String>> builder = Stores.versionedKeyValueStoreBuilder(
                Stores.inMemoryVersionedKeyValueStore("v", Duration.ofMillis(50)), Serdes.String(), Serdes.String());
        VersionedKeyValueStore<String, String> store = init(builder.build(), new TestStateStoreContext());
        assertThat(store.put("k", "one", 10)).isEqualTo(VersionedKeyValueStore.PUT_RETURN_CODE_VALID_TO_UNDEFINED);
        assertThat(store.put("k", "two", 20)).isEqualTo(VersionedKeyValueStore.PUT_RETURN_CODE_VALID_TO_UNDEFINED);
        assertThat(store.get("k", 15)).isEqualTo(new VersionedRecord<>("one", 10));
        assertThat(store.delete("k", 30)).isEqualTo(new VersionedRecord<>("two", 20));
        assertThat(store.get("k")).isNull();
        assertThatThrownBy(builder::withCachingEnabled).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRecordLoggingAndCachingFlags() {
        StoreBuilder<KeyValueStore<String, String>> builder =
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("kv"), Serdes.String(), Serdes.String());
        assertThat(builder.loggingEnabled()).isTrue();
        assertThat(builder.logConfig()).isEmpty();
        builder.withLoggingEnabled(Map.of("retention.ms", "1000")).withCachingEnabled();
        assertThat(builder.logConfig()).containsEntry("retention.ms", "1000");
        assertThat(((AbstractStoreBuilder<?, ?, ?>) builder).cachingEnabled()).isTrue();
        builder.withLoggingDisabled();
        assertThat(builder.loggingEnabled()).isFalse();
        assertThat(builder.logConfig()).isEmpty();
        assertThat(builder.name()).isEqualTo("kv");
    }

    @Test
    void shouldNotCacheWindowStoresThatRetainDuplicates() {
        WindowStoreBuilder<String, String> builder = new WindowStoreBuilder<>(Stores.inMemoryWindowStore("w",
                Duration.ofMillis(10), Duration.ofMillis(1), true), Serdes.String(), Serdes.String());
        builder.withCachingEnabled();
        builder.build();
        assertThat(builder.cachingEnabled()).isFalse();
    }

    @Test
    void shouldTrackPositionThroughTheTypedLayer() {
        TestStateStoreContext context = new TestStateStoreContext();
        KeyValueStore<String, String> store = init(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("kv"),
                Serdes.String(), Serdes.String()).build(), context);
        context.setRecord("in", 0, 7L);
        store.put("k", "v");
        assertThat(store.getPosition().getPartitionPositions("in")).containsEntry(0, 7L);
    }

    private static List<String> drain(KeyValueIterator<String, Long> iterator) {
        List<String> out = new ArrayList<>();
        try (iterator) {
            iterator.forEachRemaining(kv -> out.add(kv.key + "=" + kv.value));
        }
        return out;
    }

    private static <V> List<String> drainWindowed(KeyValueIterator<Windowed<String>, V> iterator) {
        List<String> out = new ArrayList<>();
        try (iterator) {
            iterator.forEachRemaining(kv -> out.add(kv.key + "=" + kv.value));
        }
        return out;
    }
}
