package dev.millrace.streams.state.internals;

import dev.millrace.common.serialization.Serdes;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.state.Stores;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The builders wrap layers in Kafka Streams' order: typed, caching, changelogging, bytes store. */
class LayerWiringTest {

    private static List<String> layers(StateStore store) {
        List<String> names = new ArrayList<>();
        StateStore current = store;
        while (current instanceof WrappedStateStore<?> wrapped) {
            names.add(current.getClass().getSimpleName());
            current = wrapped.wrapped();
        }
        names.add(current.getClass().getSimpleName());
        return names;
    }

    @Test
    void shouldWrapKeyValueStoresAsKafka() {
        assertThat(layers(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("s"), Serdes.String(),
                Serdes.String()).withCachingEnabled().build())).containsExactly("TypedKeyValueStore",
                "CachingKeyValueStore", "ChangeLoggingKeyValueBytesStore", "InMemoryKeyValueStore");
        assertThat(layers(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("s"), Serdes.String(),
                Serdes.String()).withLoggingDisabled().build()))
                .containsExactly("TypedKeyValueStore", "InMemoryKeyValueStore");
        assertThat(layers(Stores.timestampedKeyValueStoreBuilder(Stores.inMemoryKeyValueStore("s"),
                Serdes.String(), Serdes.String()).withCachingEnabled().withLoggingEnabled(Map.of()).build()))
                .containsExactly("TypedTimestampedKeyValueStore", "CachingKeyValueStore",
                        "ChangeLoggingTimestampedKeyValueBytesStore", "InMemoryKeyValueStore");
    }

    @Test
    void shouldWrapWindowSessionAndVersionedStoresWithTheirChangeloggingLayers() {
        assertThat(layers(Stores.windowStoreBuilder(Stores.inMemoryWindowStore("s", Duration.ofMillis(100),
                Duration.ofMillis(10), false), Serdes.String(), Serdes.String()).build()))
                .containsExactly("TypedWindowStore", "ChangeLoggingWindowBytesStore", "InMemoryWindowStore");
        assertThat(layers(Stores.timestampedWindowStoreBuilder(Stores.inMemoryWindowStore("s",
                Duration.ofMillis(100), Duration.ofMillis(10), true), Serdes.String(), Serdes.String())
                .withCachingEnabled().build()))
                .containsExactly("TypedTimestampedWindowStore", "ChangeLoggingTimestampedWindowBytesStore",
                        "InMemoryWindowStore");
        assertThat(layers(Stores.windowStoreBuilder(Stores.inMemoryWindowStore("s", Duration.ofMillis(100),
                Duration.ofMillis(10), false), Serdes.String(), Serdes.String()).withCachingEnabled().build()))
                .containsExactly("TypedWindowStore", "CachingWindowStore", "ChangeLoggingWindowBytesStore",
                        "InMemoryWindowStore");
        assertThat(layers(Stores.sessionStoreBuilder(Stores.inMemorySessionStore("s", Duration.ofMillis(100)),
                Serdes.String(), Serdes.String()).withCachingEnabled().build()))
                .containsExactly("TypedSessionStore", "CachingSessionStore", "ChangeLoggingSessionBytesStore",
                        "InMemorySessionStore");
        assertThat(layers(Stores.sessionStoreBuilder(Stores.inMemorySessionStore("s", Duration.ofMillis(100)),
                Serdes.String(), Serdes.String()).build()))
                .containsExactly("TypedSessionStore", "ChangeLoggingSessionBytesStore", "InMemorySessionStore");
        assertThat(layers(Stores.versionedKeyValueStoreBuilder(Stores.inMemoryVersionedKeyValueStore("s",
                Duration.ofMillis(100)), Serdes.String(), Serdes.String()).build()))
                .containsExactly("TypedVersionedKeyValueStore", "ChangeLoggingVersionedKeyValueBytesStore",
                        "VersionedKeyValueToBytesStoreAdapter");
    }
}
