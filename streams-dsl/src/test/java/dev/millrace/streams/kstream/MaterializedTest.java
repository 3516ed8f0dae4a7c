package dev.millrace.streams.kstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.errors.TopologyException;
import dev.millrace.streams.kstream.internals.InternalNameProvider;
import dev.millrace.streams.kstream.internals.MaterializedInternal;
import dev.millrace.streams.state.KeyValueStore;
import dev.millrace.streams.state.Stores;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaterializedTest {

    private static final InternalNameProvider NAMES = new InternalNameProvider() {
        @Override
        public String newProcessorName(String prefix) {
            return prefix + "P";
        }

        @Override
        public String newStoreName(String prefix) {
            return prefix + "0000000007";
        }
    };

    @Test
    void shouldDefaultToLoggingAndCachingEnabledLikeKafka() {
        MaterializedInternal<String, Long, KeyValueStore<Bytes, byte[]>> internal =
            new MaterializedInternal<>(Materialized.as("store"));

        assertThat(internal.loggingEnabled()).isTrue();
        assertThat(internal.cachingEnabled()).isTrue();
        assertThat(internal.logConfig()).isEmpty();
        assertThat(internal.retention()).isNull();
        assertThat(internal.storeType()).isNull();
        assertThat(internal.storeName()).isEqualTo("store");
        assertThat(internal.queryableStoreName()).isEqualTo("store");
    }

    @Test
    void shouldMutateAndReturnThisLikeKafka() {
        Materialized<String, Long, KeyValueStore<Bytes, byte[]>> materialized = Materialized.as("s");
        Map<String, String> config = new HashMap<>(Map.of("segment.ms", "1000"));

        assertThat(materialized.withCachingDisabled()).isSameAs(materialized);
        assertThat(materialized.withLoggingEnabled(config)).isSameAs(materialized);
        assertThat(materialized.withRetention(Duration.ofMinutes(1))).isSameAs(materialized);
        assertThat(materialized.withStoreType(Materialized.StoreType.IN_MEMORY)).isSameAs(materialized);
        MaterializedInternal<String, Long, KeyValueStore<Bytes, byte[]>> internal =
            new MaterializedInternal<>(materialized);
        assertThat(internal.cachingEnabled()).isFalse();
        assertThat(internal.logConfig()).isSameAs(config);
        assertThat(internal.retention()).isEqualTo(Duration.ofMinutes(1));
        assertThat(internal.storeType()).isEqualTo(Materialized.StoreType.IN_MEMORY);

        materialized.withLoggingDisabled();
        assertThat(config).isEmpty();
    }

    @Test
    void shouldGenerateStoreNameButStayNonQueryable() {
        MaterializedInternal<String, Long, KeyValueStore<Bytes, byte[]>> internal =
            new MaterializedInternal<>(Materialized.with(null, null), NAMES, "KSTREAM-AGGREGATE-STATE-STORE-");

        assertThat(internal.storeName()).isEqualTo("KSTREAM-AGGREGATE-STATE-STORE-0000000007");
        assertThat(internal.queryableStoreName()).isNull();
        assertThat(new MaterializedInternal<>(Materialized.with(null, null), NAMES, "X-", true).queryableStoreName())
            .isEqualTo("X-0000000007");
    }

    @Test
    void shouldPreferSupplierNameAndRejectStoreTypeOnSupplier() {
        Materialized<String, Long, KeyValueStore<Bytes, byte[]>> materialized =
            Materialized.as(Stores.inMemoryKeyValueStore("from-supplier"));

        MaterializedInternal<String, Long, KeyValueStore<Bytes, byte[]>> internal =
            new MaterializedInternal<>(materialized, NAMES, "P-");
        assertThat(internal.storeName()).isEqualTo("from-supplier");
        assertThat(internal.storeSupplier()).isNotNull();
        assertThatThrownBy(() -> materialized.withStoreType(Materialized.StoreType.ROCKS_DB))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Cannot set store type when store supplier is pre-configured.");
    }

    @Test
    void shouldValidateStoreNameAndNullArgumentsLikeKafka() {
        assertThatThrownBy(() -> Materialized.as("bad name")).isInstanceOf(TopologyException.class)
            .hasMessage(kafkaTopologyMessage("bad name"));
        assertThatThrownBy(() -> Materialized.as((Materialized.StoreType) null))
            .isInstanceOf(NullPointerException.class).hasMessage("store type can't be null");
        assertThatThrownBy(() -> Materialized.as((dev.millrace.streams.state.KeyValueBytesStoreSupplier) null))
            .isInstanceOf(NullPointerException.class).hasMessage("supplier can't be null");
    }

    @Test
    void shouldRejectBadRetentionWithKafkasMessages() {
        for (Duration retention : new Duration[] {null, Duration.ofMillis(-1), Duration.ofSeconds(Long.MAX_VALUE)}) {
            assertThatThrownBy(() -> Materialized.as("s").withRetention(retention))
                .as("retention=%s", retention)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(kafkaRetentionMessage(retention));
        }
    }

    @Test
    void shouldParseStoreTypeConfigValues() {
        assertThat(MaterializedInternal.parse("rocksDB")).isEqualTo(Materialized.StoreType.ROCKS_DB);
        assertThat(MaterializedInternal.parse("in_memory")).isEqualTo(Materialized.StoreType.IN_MEMORY);
        assertThatThrownBy(() -> MaterializedInternal.parse("other")).isInstanceOf(IllegalStateException.class)
            .hasMessage("Unexpected storeType: other");
    }

    private static String kafkaTopologyMessage(String name) {
        try {
            org.apache.kafka.streams.kstream.Materialized.as(name);
        } catch (org.apache.kafka.streams.errors.TopologyException e) {
            return e.getMessage();
        }
        throw new AssertionError("Kafka accepted " + name);
    }

    private static String kafkaRetentionMessage(Duration retention) {
        try {
            org.apache.kafka.streams.kstream.Materialized.as("s").withRetention(retention);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("Kafka accepted " + retention);
    }
}
