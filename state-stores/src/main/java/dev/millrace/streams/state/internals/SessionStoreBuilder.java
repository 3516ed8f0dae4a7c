package dev.millrace.streams.state.internals;

import dev.millrace.common.serialization.Serde;
import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.state.SessionBytesStoreSupplier;
import dev.millrace.streams.state.SessionStore;

import java.util.Objects;

/**
 * Builds {@link SessionStore}s: a {@link TypedSessionStore} over the supplier's bytes store. See
 * {@link AbstractStoreBuilder} for the caching and logging seams.
 *
 * @param <K> the key type
 * @param <V> the aggregate type
 */
public class SessionStoreBuilder<K, V> extends AbstractStoreBuilder<K, V, SessionStore<K, V>> {

    private final SessionBytesStoreSupplier storeSupplier;

    /**
     * Creates a builder.
     *
     * @param storeSupplier supplies the bytes store, not null
     * @param keySerde the key serde, or null for the default
     * @param valueSerde the aggregate serde, or null for the default
     */
    public SessionStoreBuilder(SessionBytesStoreSupplier storeSupplier, Serde<K> keySerde, Serde<V> valueSerde) {
        super(Objects.requireNonNull(storeSupplier, "reason=nullStoreSupplier").name(), keySerde, valueSerde);
        Objects.requireNonNull(storeSupplier.metricsScope(), "reason=nullMetricsScope");
        this.storeSupplier = storeSupplier;
    }

    @Override
    public SessionStore<K, V> build() {
        return new TypedSessionStore<>(wrapCaching(wrapLogging(storeSupplier.get())),
                SerdeSource.key(keySerde), SerdeSource.value(valueSerde));
    }

    /**
     * Returns the retention period of the supplier.
     *
     * @return the retention period in milliseconds
     */
    public long retentionPeriod() {
        return storeSupplier.retentionPeriod();
    }

    /** Adds the caching layer ({@link CachingSessionStore}) when {@link #enableCaching}. */
    SessionStore<Bytes, byte[]> wrapCaching(SessionStore<Bytes, byte[]> inner) {
        return enableCaching ? new CachingSessionStore(inner, storeSupplier.segmentIntervalMs()) : inner;
    }

    /** Adds the changelogging layer ({@link ChangeLoggingSessionBytesStore}) when {@link #enableLogging}. */
    SessionStore<Bytes, byte[]> wrapLogging(SessionStore<Bytes, byte[]> inner) {
        return enableLogging ? new ChangeLoggingSessionBytesStore(inner) : inner;
    }
}
