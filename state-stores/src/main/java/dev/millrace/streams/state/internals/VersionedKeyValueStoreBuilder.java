package dev.millrace.streams.state.internals;

import dev.millrace.common.serialization.Serde;
import dev.millrace.streams.state.KeyValueStore;
import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.state.StoreBuilder;
import dev.millrace.streams.state.VersionedBytesStore;
import dev.millrace.streams.state.VersionedBytesStoreSupplier;
import dev.millrace.streams.state.VersionedKeyValueStore;

import java.util.Objects;

/**
 * Builds {@link VersionedKeyValueStore}s: a {@link TypedVersionedKeyValueStore} over the supplier's
 * {@link VersionedBytesStore}. Versioned stores have no caching layer: {@link #withCachingEnabled()} throws.
 * See {@link AbstractStoreBuilder} for the logging seam.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class VersionedKeyValueStoreBuilder<K, V> extends AbstractStoreBuilder<K, V, VersionedKeyValueStore<K, V>> {

    private final VersionedBytesStoreSupplier storeSupplier;

    /**
     * Creates a builder.
     *
     * @param storeSupplier supplies the bytes store, not null
     * @param keySerde the key serde, or null for the default
     * @param valueSerde the value serde, or null for the default
     */
    public VersionedKeyValueStoreBuilder(VersionedBytesStoreSupplier storeSupplier, Serde<K> keySerde,
                                         Serde<V> valueSerde) {
        super(Objects.requireNonNull(storeSupplier, "reason=nullStoreSupplier").name(), keySerde, valueSerde);
        Objects.requireNonNull(storeSupplier.metricsScope(), "reason=nullMetricsScope");
        this.storeSupplier = storeSupplier;
    }

    /**
     * Builds the store.
     *
     * @return a new store
     * @throws IllegalStateException if the supplier does not return a {@link VersionedBytesStore}
     */
    @Override
    public VersionedKeyValueStore<K, V> build() {
        KeyValueStore<Bytes, byte[]> store = storeSupplier.get();
        if (!(store instanceof VersionedBytesStore)) {
            throw new IllegalStateException("reason=supplierDidNotReturnVersionedBytesStore store=" + name
                    + " supplier=" + storeSupplier.getClass().getName());
        }
        return new TypedVersionedKeyValueStore<>(wrapLogging((VersionedBytesStore) store),
                SerdeSource.key(keySerde), SerdeSource.value(valueSerde));
    }

    /**
     * Refuses: versioned stores have no caching layer.
     *
     * @return never
     * @throws IllegalStateException always
     */
    @Override
    public StoreBuilder<VersionedKeyValueStore<K, V>> withCachingEnabled() {
        throw new IllegalStateException("reason=versionedStoresDoNotSupportCaching store=" + name);
    }

    /**
     * Returns the history retention of the supplier.
     *
     * @return the history retention in milliseconds
     */
    public long historyRetention() {
        return storeSupplier.historyRetentionMs();
    }

    /** Adds the changelogging layer ({@link ChangeLoggingVersionedKeyValueBytesStore}) when {@link #enableLogging}. */
    VersionedBytesStore wrapLogging(VersionedBytesStore inner) {
        return enableLogging ? new ChangeLoggingVersionedKeyValueBytesStore(inner) : inner;
    }
}
