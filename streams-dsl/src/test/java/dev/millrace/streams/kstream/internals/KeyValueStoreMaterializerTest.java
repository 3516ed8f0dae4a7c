package dev.millrace.streams.kstream.internals;

import dev.millrace.common.serialization.Serdes;
import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.kstream.Materialized;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.state.KeyValueStore;
import dev.millrace.streams.state.Stores;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The DSL's key-value store factory: store type, naming, logging and compatibility. */
class KeyValueStoreMaterializerTest {

    private static KeyValueStoreMaterializer<String, Long> materializer(
            Materialized<String, Long, KeyValueStore<Bytes, byte[]>> materialized) {
        InternalStreamsBuilder builder = new InternalStreamsBuilder(
                new dev.millrace.streams.processor.internals.InternalTopologyBuilder());
        return new KeyValueStoreMaterializer<>(new MaterializedInternal<>(materialized, builder, "PREFIX-"));
    }

    private static boolean persistent(KeyValueStoreMaterializer<String, Long> materializer) {
        StateStore store = materializer.build();
        return store.persistent();
    }

    @Test
    void shouldBuildRocksDbStoresByDefault() {
        assertThat(persistent(materializer(Materialized.with(Serdes.String(), Serdes.Long())))).isTrue();
    }

    @Test
    void shouldIgnoreDefaultDslStoreLikeKafkaWithoutTopologyConfig() {
        KeyValueStoreMaterializer<String, Long> materializer = materializer(Materialized.as("s"));
        materializer.configure(Map.of("default.dsl.store", "in_memory"));
        assertThat(persistent(materializer)).isTrue();
    }

    @Test
    void shouldHonourDslStoreSuppliersConfig() {
        KeyValueStoreMaterializer<String, Long> materializer = materializer(Materialized.as("s"));
        materializer.configure(Map.of("dsl.store.suppliers.class",
                "org.apache.kafka.streams.state.BuiltInDslStoreSuppliers$InMemoryDslStoreSuppliers"));
        assertThat(persistent(materializer)).isFalse();
    }

    @Test
    void shouldPreferMaterializedStoreTypeOverConfig() {
        KeyValueStoreMaterializer<String, Long> materializer =
                materializer(Materialized.as(Materialized.StoreType.ROCKS_DB));
        materializer.configure(Map.of("dsl.store.suppliers.class",
                "dev.millrace.streams.state.BuiltInDslStoreSuppliers$InMemoryDslStoreSuppliers"));
        assertThat(persistent(materializer)).isTrue();
    }

    @Test
    void shouldUseTheUsersSupplier() {
        KeyValueStoreMaterializer<String, Long> materializer =
                materializer(Materialized.as(Stores.inMemoryKeyValueStore("mine")));
        assertThat(materializer.storeName()).isEqualTo("mine");
        assertThat(materializer.queryableStoreName()).isEqualTo("mine");
        assertThat(persistent(materializer)).isFalse();
    }

    @Test
    void shouldGenerateUnqueryableNamesForUnnamedStores() {
        KeyValueStoreMaterializer<String, Long> materializer = materializer(Materialized.with(null, null));
        assertThat(materializer.storeName()).isEqualTo("PREFIX-STATE-STORE-0000000000");
        assertThat(materializer.queryableStoreName()).isNull();
    }

    @Test
    void shouldFollowLoggingOptions() {
        KeyValueStoreMaterializer<String, Long> logged =
                materializer(Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as("a")
                        .withLoggingEnabled(new java.util.HashMap<>(Map.of("segment.ms", "1000"))));
        assertThat(logged.loggingEnabled()).isTrue();
        assertThat(logged.logConfig()).containsEntry("segment.ms", "1000");
        logged.withLoggingDisabled();
        assertThat(logged.loggingEnabled()).isFalse();
    }

    @Test
    void shouldBeCompatibleOnlyWithItself() {
        KeyValueStoreMaterializer<String, Long> one = materializer(Materialized.as("a"));
        KeyValueStoreMaterializer<String, Long> other = materializer(Materialized.as("a"));
        assertThat(one.isCompatibleWith(one)).isTrue();
        assertThat(one.isCompatibleWith(other)).isFalse();
    }
}
