package dev.millrace.streams.kstream.internals;

import dev.millrace.common.serialization.Serde;
import dev.millrace.streams.kstream.Materialized;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.state.StoreSupplier;

import java.time.Duration;
import java.util.Map;

/**
 * The engine's view of a {@link Materialized}, with the store name resolved. A store supplier's name wins over a
 * given store name; without either, a name is generated from the provider (if one is given) at construction. The
 * store is queryable when the user named it (directly or through a supplier) or when the caller forces it.
 *
 * <p>A copy of the user's options taken on the topology-building thread; the changelog topic config map is shared
 * with the user's object, as in Kafka.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param <S> the store type
 */
public final class MaterializedInternal<K, V, S extends StateStore> extends Materialized<K, V, S> {

    private final boolean queryable;

    /**
     * Copies the user's options without generating a store name.
     *
     * @param materialized the options to copy
     */
    public MaterializedInternal(Materialized<K, V, S> materialized) {
        this(materialized, null, null);
    }

    /**
     * Copies the user's options, generating a store name when none was given.
     *
     * @param materialized the options to copy
     * @param nameProvider the name generator, or null to leave an unnamed store unnamed
     * @param generatedStorePrefix the prefix of a generated store name
     */
    public MaterializedInternal(Materialized<K, V, S> materialized, InternalNameProvider nameProvider,
                                String generatedStorePrefix) {
        this(materialized, nameProvider, generatedStorePrefix, false);
    }

    /**
     * Copies the user's options, generating a store name when none was given.
     *
     * @param materialized the options to copy
     * @param nameProvider the name generator, or null to leave an unnamed store unnamed
     * @param generatedStorePrefix the prefix of a generated store name
     * @param forceQueryable whether the store is queryable even under a generated name
     */
    public MaterializedInternal(Materialized<K, V, S> materialized, InternalNameProvider nameProvider,
                                String generatedStorePrefix, boolean forceQueryable) {
        super(materialized);
        queryable = forceQueryable || storeName() != null;
        if (storeName() == null && nameProvider != null) {
            storeName = nameProvider.newStoreName(generatedStorePrefix);
        }
    }

    /**
     * Maps a {@code default.dsl.store} config value ({@code "rocksDB"} or {@code "in_memory"}) to a store type.
     *
     * @param storeType the config value
     * @return the store type
     * @throws IllegalStateException if the value is neither
     */
    public static StoreType parse(String storeType) {
        switch (storeType) {
            case "in_memory":
                return StoreType.IN_MEMORY;
            case "rocksDB":
                return StoreType.ROCKS_DB;
            default:
                throw new IllegalStateException("Unexpected storeType: " + storeType);
        }
    }

    /** @return the store name if the store is queryable, otherwise null */
    public String queryableStoreName() {
        return queryable ? storeName() : null;
    }

    /** @return the supplier's name if there is a supplier, otherwise the given or generated name (maybe null) */
    public String storeName() {
        if (storeSupplier != null) {
            return storeSupplier.name();
        }
        return storeName;
    }

    /** @return the store type chosen by the user, or null for the configured default */
    public StoreType storeType() {
        return storeType;
    }

    /** @return the store supplier, or null */
    public StoreSupplier<S> storeSupplier() {
        return storeSupplier;
    }

    /** @return the key serde, or null */
    public Serde<K> keySerde() {
        return keySerde;
    }

    /** @return the value serde, or null */
    public Serde<V> valueSerde() {
        return valueSerde;
    }

    /** @return whether the store writes a changelog */
    public boolean loggingEnabled() {
        return loggingEnabled;
    }

    /** @return the changelog topic configs (the user's map, not a copy) */
    public Map<String, String> logConfig() {
        return topicConfig;
    }

    /** @return whether the store is fronted by the record cache */
    public boolean cachingEnabled() {
        return cachingEnabled;
    }

    /** @return the retention of a window or session store, or null for the window's own */
    public Duration retention() {
        return retention;
    }
}
