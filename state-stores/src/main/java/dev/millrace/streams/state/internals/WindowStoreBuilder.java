package dev.millrace.streams.state.internals;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.millrace.common.serialization.Serde;
import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.state.WindowBytesStoreSupplier;
import dev.millrace.streams.state.WindowStore;

import java.util.Objects;

/**
 * Builds {@link WindowStore}s: a {@link TypedWindowStore} over the supplier's bytes store. A store that retains
 * duplicates is never cached (the caching flag is cleared at build, as in Kafka Streams). See
 * {@link AbstractStoreBuilder} for the caching and logging seams.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class WindowStoreBuilder<K, V> extends AbstractStoreBuilder<K, V, WindowStore<K, V>> {

    private static final Logger LOG = LoggerFactory.getLogger(WindowStoreBuilder.class);

    private final WindowBytesStoreSupplier storeSupplier;

    /**
     * Creates a builder.
     *
     * @param storeSupplier supplies the bytes store, not null
     * @param keySerde the key serde, or null for the default
     * @param valueSerde the value serde, or null for the default
     */
    public WindowStoreBuilder(WindowBytesStoreSupplier storeSupplier, Serde<K> keySerde, Serde<V> valueSerde) {
        super(Objects.requireNonNull(storeSupplier, "reason=nullStoreSupplier").name(), keySerde, valueSerde);
        Objects.requireNonNull(storeSupplier.metricsScope(), "reason=nullMetricsScope");
        this.storeSupplier = storeSupplier;
    }

    @Override
    public WindowStore<K, V> build() {
        disableCachingForDuplicates(this, storeSupplier);
        return new TypedWindowStore<>(wrapCaching(wrapLogging(storeSupplier.get())),
                SerdeSource.key(keySerde), SerdeSource.value(valueSerde));
    }

    static void disableCachingForDuplicates(AbstractStoreBuilder<?, ?, ?> builder, WindowBytesStoreSupplier supplier) {
        if (builder.enableCaching && supplier.retainDuplicates()) {
            LOG.warn("Disabling caching: store={} reason=retainsDuplicates",
                    builder.name());
            builder.enableCaching = false;
        }
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

    /** Adds the changelogging layer ({@link ChangeLoggingWindowBytesStore}) when {@link #enableLogging}. */
    WindowStore<Bytes, byte[]> wrapLogging(WindowStore<Bytes, byte[]> inner) {
        return enableLogging ? new ChangeLoggingWindowBytesStore(inner, storeSupplier.retainDuplicates()) : inner;
    }
}
