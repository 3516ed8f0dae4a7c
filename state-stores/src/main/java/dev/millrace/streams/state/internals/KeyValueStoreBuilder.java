package dev.millrace.streams.state.internals;

import dev.millrace.common.serialization.Serde;
import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.state.KeyValueBytesStoreSupplier;
import dev.millrace.streams.state.KeyValueStore;

import java.util.Objects;

/**
 * Builds {@link KeyValueStore}s: a {@link TypedKeyValueStore} over the supplier's bytes store. See
 * {@link AbstractStoreBuilder} for the caching and logging seams.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class KeyValueStoreBuilder<K, V> extends AbstractStoreBuilder<K, V, KeyValueStore<K, V>> {

    private final KeyValueBytesStoreSupplier storeSupplier;

    /**
     * Creates a builder.
     *
     * @param storeSupplier supplies the bytes store, not null
     * @param keySerde the key serde, or null for the default
     * @param valueSerde the value serde, or null for the default
     */
    public KeyValueStoreBuilder(KeyValueBytesStoreSupplier storeSupplier, Serde<K> keySerde, Serde<V> valueSerde) {
        super(Objects.requireNonNull(storeSupplier, "reason=nullStoreSupplier").name(), keySerde, valueSerde);
        Objects.requireNonNull(storeSupplier.metricsScope(), "reason=nullMetricsScope");
        this.storeSupplier = storeSupplier;
    }

    @Override
    public KeyValueStore<K, V> build() {
        return new TypedKeyValueStore<>(wrapCaching(wrapLogging(storeSupplier.get())),
                SerdeSource.key(keySerde), SerdeSource.value(valueSerde));
    }

    /** Adds the caching layer ({@link CachingKeyValueStore}) when {@link #enableCaching}. */
    KeyValueStore<Bytes, byte[]> wrapCaching(KeyValueStore<Bytes, byte[]> inner) {
        return enableCaching ? new CachingKeyValueStore(inner) : inner;
    }

    /** Adds the changelogging layer ({@link ChangeLoggingKeyValueBytesStore}) when {@link #enableLogging}. */
    KeyValueStore<Bytes, byte[]> wrapLogging(KeyValueStore<Bytes, byte[]> inner) {
        return enableLogging ? new ChangeLoggingKeyValueBytesStore(inner) : inner;
    }
}
