package dev.millrace.streams.kstream.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.StreamsConfig;
import dev.millrace.streams.errors.TopologyException;
import dev.millrace.streams.kstream.Materialized;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.internals.StoreFactory;
import dev.millrace.streams.state.KeyValueBytesStoreSupplier;
import dev.millrace.streams.state.KeyValueStore;
import dev.millrace.streams.state.StoreBuilder;
import dev.millrace.streams.state.Stores;
import dev.millrace.streams.state.VersionedBytesStoreSupplier;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The store of a DSL key-value operation (table source, aggregation, materialized filter/mapValues/join): a
 * timestamped key-value store named by the {@link MaterializedInternal}, built from the user's supplier if any,
 * otherwise in memory or in RocksDB as {@link Materialized.StoreType} says, else as
 * {@code dsl.store.suppliers.class} says (see {@link #configure}; RocksDB by default). Caching and changelogging follow the materialization options.
 *
 * <p>Versioned stores are refused ({@link TopologyException}): the DSL has no versioned semantics yet.
 *
 * <p>Owning thread: the thread building the topology; {@link #build()} runs once per task.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class KeyValueStoreMaterializer<K, V> implements StoreFactory {

    private final MaterializedInternal<K, V, KeyValueStore<Bytes, byte[]>> materialized;
    private final Set<String> connectedProcessorNames = new HashSet<>();
    private Materialized.StoreType defaultStoreType = Materialized.StoreType.ROCKS_DB;

    /**
     * Creates the factory.
     *
     * @param materialized the options, with the store name resolved
     */
    public KeyValueStoreMaterializer(MaterializedInternal<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
        if (materialized.storeSupplier() instanceof VersionedBytesStoreSupplier) {
            throw new TopologyException("reason=versionedKTableNotSupported store=" + materialized.storeName()
                    + ": versioned KTables (KIP-889) are not supported yet; use a timestamped key-value store");
        }
        this.materialized = materialized;
    }

    /**
     * Reads {@code dsl.store.suppliers.class}, as Kafka Streams 4.3 does when it builds stores: a value naming the
     * built-in in-memory suppliers (Kafka's or Millrace's class) selects in-memory stores, the RocksDB ones
     * RocksDB. Like Kafka with a {@code StreamsBuilder} created without a {@code TopologyConfig}, the deprecated
     * {@code default.dsl.store} is not consulted here.
     *
     * @param appConfigs the configuration the user gave
     */
    @Override
    public void configure(Map<String, Object> appConfigs) {
        Object suppliers = appConfigs.get(StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG);
        String suppliersName = suppliers instanceof Class<?> type ? type.getName()
                : suppliers == null ? "" : suppliers.toString();
        if (suppliersName.endsWith("InMemoryDslStoreSuppliers")) {
            defaultStoreType = Materialized.StoreType.IN_MEMORY;
        } else if (suppliersName.endsWith("RocksDBDslStoreSuppliers")) {
            defaultStoreType = Materialized.StoreType.ROCKS_DB;
        }
    }

    /** @return a builder of the store as currently configured */
    public StoreBuilder<?> builder() {
        KeyValueBytesStoreSupplier supplier = (KeyValueBytesStoreSupplier) materialized.storeSupplier();
        if (supplier == null) {
            Materialized.StoreType type = materialized.storeType() != null ? materialized.storeType()
                    : defaultStoreType;
            supplier = type == Materialized.StoreType.IN_MEMORY
                    ? Stores.inMemoryKeyValueStore(materialized.storeName())
                    : Stores.persistentTimestampedKeyValueStore(materialized.storeName());
        }
        StoreBuilder<?> builder = Stores.timestampedKeyValueStoreBuilder(supplier, materialized.keySerde(),
                materialized.valueSerde());
        if (materialized.loggingEnabled()) {
            builder.withLoggingEnabled(materialized.logConfig());
        } else {
            builder.withLoggingDisabled();
        }
        if (materialized.cachingEnabled()) {
            builder.withCachingEnabled();
        }
        return builder;
    }

    @Override
    public StateStore build() {
        return builder().build();
    }

    @Override
    public String storeName() {
        return materialized.storeName();
    }

    /** @return the key serde, or null for the default */
    public dev.millrace.common.serialization.Serde<K> keySerde() {
        return materialized.keySerde();
    }

    /** @return the value serde, or null for the default */
    public dev.millrace.common.serialization.Serde<V> valueSerde() {
        return materialized.valueSerde();
    }

    /** @return the store name if queryable, otherwise null */
    public String queryableStoreName() {
        return materialized.queryableStoreName();
    }

    @Override
    public boolean loggingEnabled() {
        return materialized.loggingEnabled();
    }

    @Override
    public Map<String, String> logConfig() {
        return materialized.logConfig();
    }

    @Override
    public void withCachingDisabled() {
        materialized.withCachingDisabled();
    }

    @Override
    public void withLoggingDisabled() {
        materialized.withLoggingDisabled();
    }

    @Override
    public Set<String> connectedProcessorNames() {
        return connectedProcessorNames;
    }

    @Override
    public boolean isCompatibleWith(StoreFactory other) {
        return other instanceof KeyValueStoreMaterializer<?, ?> that && that.materialized == materialized;
    }
}
