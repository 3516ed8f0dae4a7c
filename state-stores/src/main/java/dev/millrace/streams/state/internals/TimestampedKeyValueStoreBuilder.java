package dev.millrace.streams.state.internals;

import dev.millrace.common.serialization.Serde;
import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.state.KeyValueBytesStoreSupplier;
import dev.millrace.streams.state.KeyValueStore;
import dev.millrace.streams.state.TimestampedBytesStore;
import dev.millrace.streams.state.TimestampedKeyValueStore;

import java.util.Objects;

/**
 * Builds {@link TimestampedKeyValueStore}s: a {@link TypedTimestampedKeyValueStore} over the supplier's bytes
 * store, which holds the timestamped values as they are. As in Kafka Streams, in-memory stores take timestamped
 * values directly; a persistent store must be a {@link TimestampedBytesStore} (the adapter that upgrades plain
 * persistent stores is not available yet, so {@link #build()} refuses them). See {@link AbstractStoreBuilder} for
 * the caching and logging seams.
 *
 * @param <K> the key type
 * @param <V> the plain value type
 */
public class TimestampedKeyValueStoreBuilder<K, V> extends AbstractStoreBuilder<K, V, TimestampedKeyValueStore<K, V>> {

    private final KeyValueBytesStoreSupplier storeSupplier;

    /**
     * Creates a builder.
     *
     * @param storeSupplier supplies the bytes store, not null
     * @param keySerde the key serde, or null for the default
     * @param valueSerde the plain value serde, or null for the default
     */
    public TimestampedKeyValueStoreBuilder(KeyValueBytesStoreSupplier storeSupplier, Serde<K> keySerde,
                                           Serde<V> valueSerde) {
        super(Objects.requireNonNull(storeSupplier, "reason=nullStoreSupplier").name(), keySerde, valueSerde);
        Objects.requireNonNull(storeSupplier.metricsScope(), "reason=nullMetricsScope");
        this.storeSupplier = storeSupplier;
    }

    /**
     * Builds the store.
     *
     * @return a new store
     * @throws IllegalStateException if the supplier returns a persistent store that is not timestamped
     */
    @Override
    public TimestampedKeyValueStore<K, V> build() {
        KeyValueStore<Bytes, byte[]> store = storeSupplier.get();
        if (store.persistent() && !(store instanceof TimestampedBytesStore)) {
            throw new IllegalStateException("reason=persistentStoreNotTimestamped store=" + name
                    + " supplier=" + storeSupplier.getClass().getName());
        }
        return new TypedTimestampedKeyValueStore<>(wrapCaching(wrapLogging(store)),
                SerdeSource.key(keySerde), SerdeSource.timestampedValue(valueSerde));
    }

    /** Adds the caching layer ({@link CachingKeyValueStore}) when {@link #enableCaching}. */
    KeyValueStore<Bytes, byte[]> wrapCaching(KeyValueStore<Bytes, byte[]> inner) {
        return enableCaching ? new CachingKeyValueStore(inner) : inner;
    }

    /**
     * Adds the changelogging layer ({@link ChangeLoggingTimestampedKeyValueBytesStore}, which logs plain values with
     * their timestamps as record timestamps) when {@link #enableLogging}.
     */
    KeyValueStore<Bytes, byte[]> wrapLogging(KeyValueStore<Bytes, byte[]> inner) {
        return enableLogging ? new ChangeLoggingTimestampedKeyValueBytesStore(inner) : inner;
    }
}
