package dev.millrace.streams.state.internals;

import dev.millrace.common.serialization.Serde;
import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.state.TimestampedBytesStore;
import dev.millrace.streams.state.TimestampedWindowStore;
import dev.millrace.streams.state.WindowBytesStoreSupplier;
import dev.millrace.streams.state.WindowStore;

import java.util.Objects;

/**
 * Builds {@link TimestampedWindowStore}s: a {@link TypedTimestampedWindowStore} over the supplier's bytes store,
 * which holds the timestamped values as they are. In-memory stores take timestamped values directly; a
 * persistent store must be a {@link TimestampedBytesStore} ({@link #build()} refuses others for now). A store
 * that retains duplicates is never cached. See {@link AbstractStoreBuilder} for the seams.
 *
 * @param <K> the key type
 * @param <V> the plain value type
 */
public class TimestampedWindowStoreBuilder<K, V> extends AbstractStoreBuilder<K, V, TimestampedWindowStore<K, V>> {

    private final WindowBytesStoreSupplier storeSupplier;

    /**
     * Creates a builder.
     *
     * @param storeSupplier supplies the bytes store, not null
     * @param keySerde the key serde, or null for the default
     * @param valueSerde the plain value serde, or null for the default
     */
    public TimestampedWindowStoreBuilder(WindowBytesStoreSupplier storeSupplier, Serde<K> keySerde,
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
    public TimestampedWindowStore<K, V> build() {
        WindowStoreBuilder.disableCachingForDuplicates(this, storeSupplier);
        WindowStore<Bytes, byte[]> store = storeSupplier.get();
        if (store.persistent() && !(store instanceof TimestampedBytesStore)) {
            throw new IllegalStateException("reason=persistentStoreNotTimestamped store=" + name
                    + " supplier=" + storeSupplier.getClass().getName());
        }
        return new TypedTimestampedWindowStore<>(wrapCaching(wrapLogging(store)),
                SerdeSource.key(keySerde), SerdeSource.timestampedValue(valueSerde));
    }

    /**
     * Returns the retention period of the supplier.
     *
     * @return the retention period in milliseconds
     */
    public long retentionPeriod() {
        return storeSupplier.retentionPeriod();
    }

    /** Adds the caching layer ({@link CachingWindowStore}) when {@link #enableCaching}. */
    WindowStore<Bytes, byte[]> wrapCaching(WindowStore<Bytes, byte[]> inner) {
        return enableCaching
                ? new CachingWindowStore(inner, storeSupplier.windowSize(), storeSupplier.segmentIntervalMs()) : inner;
    }

    /** Adds the changelogging layer ({@link ChangeLoggingTimestampedWindowBytesStore}) when {@link #enableLogging}. */
    WindowStore<Bytes, byte[]> wrapLogging(WindowStore<Bytes, byte[]> inner) {
        return enableLogging
                ? new ChangeLoggingTimestampedWindowBytesStore(inner, storeSupplier.retainDuplicates()) : inner;
    }
}
