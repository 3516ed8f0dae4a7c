package dev.millrace.streams.state;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Argument validation and supplier properties of {@link Stores}, compared with Kafka Streams where it applies. */
class StoresTest {

    private static final Duration TEN = Duration.ofMillis(10);

    @Test
    void shouldRejectNullNames() {
        assertThatThrownBy(() -> Stores.inMemoryKeyValueStore(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Stores.lruMap(null, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Stores.inMemoryWindowStore(null, TEN, TEN, false))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Stores.inMemorySessionStore(null, TEN)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Stores.persistentKeyValueStore(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void shouldRejectNegativeSizesAndDurations() {
        assertThatThrownBy(() -> Stores.lruMap("s", -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxCacheSize=-1");
        assertThatThrownBy(() -> Stores.inMemorySessionStore("s", Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stores.inMemoryWindowStore("s", Duration.ofMillis(-1), TEN, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stores.inMemoryWindowStore("s", TEN, Duration.ofMillis(-1), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stores.inMemoryVersionedKeyValueStore("s", Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stores.persistentVersionedKeyValueStore("s", TEN, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRejectWindowLargerThanRetentionLikeKafka() {
        assertThatThrownBy(() -> Stores.inMemoryWindowStore("s", TEN, Duration.ofMillis(11), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("windowSize=11");
        assertThatThrownBy(() -> org.apache.kafka.streams.state.Stores.inMemoryWindowStore("s", TEN,
                Duration.ofMillis(11), false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldSupplyRocksDbStoresAndThrowOnlyForHeadersStores() {
        assertThat(Stores.persistentKeyValueStore("p").name()).isEqualTo("p");
        assertThat(Stores.persistentTimestampedWindowStore("p", TEN, TEN, false).retentionPeriod()).isEqualTo(10L);
        assertThat(Stores.persistentSessionStore("p", TEN).retentionPeriod()).isEqualTo(10L);
        assertThatThrownBy(() -> Stores.persistentTimestampedKeyValueStoreWithHeaders("p"))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("store=p");
        assertThatThrownBy(() -> Stores.persistentSessionStoreWithHeaders("p", TEN))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldDescribeSuppliersLikeKafka() {
        WindowBytesStoreSupplier window = Stores.inMemoryWindowStore("w", TEN, Duration.ofMillis(3), true);
        org.apache.kafka.streams.state.WindowBytesStoreSupplier kafkaWindow =
                org.apache.kafka.streams.state.Stores.inMemoryWindowStore("w", TEN, Duration.ofMillis(3), true);
        assertThat(window.metricsScope()).isEqualTo(kafkaWindow.metricsScope());
        assertThat(window.segmentIntervalMs()).isEqualTo(kafkaWindow.segmentIntervalMs());
        assertThat(window.retentionPeriod()).isEqualTo(10L);
        assertThat(window.windowSize()).isEqualTo(3L);
        assertThat(window.retainDuplicates()).isTrue();
        assertThat(Stores.inMemorySessionStore("s", TEN).metricsScope())
                .isEqualTo(org.apache.kafka.streams.state.Stores.inMemorySessionStore("s", TEN).metricsScope());
        assertThat(Stores.inMemoryKeyValueStore("k").metricsScope())
                .isEqualTo(org.apache.kafka.streams.state.Stores.inMemoryKeyValueStore("k").metricsScope());
        assertThat(Stores.lruMap("l", 3).metricsScope())
                .isEqualTo(org.apache.kafka.streams.state.Stores.lruMap("l", 3).metricsScope());
        assertThat(Stores.inMemoryVersionedKeyValueStore("v", TEN).historyRetentionMs()).isEqualTo(10L);
    }
}
