package dev.millrace.streams.state.internals;

import dev.millrace.common.serialization.Serde;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.state.StoreBuilder;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The options every store builder shares: name, serdes (null means "the application default at init"), and the
 * caching and changelogging flags (logging on, caching off, until changed). Mutable, not thread-safe.
 *
 * <p>Each builder passes its bytes store through two package-private seams, {@code wrapLogging} (inner) then
 * {@code wrapCaching} (outer), which add the changelogging and caching layers when their flags are set, in Kafka
 * Streams' order: typed, caching, changelogging, bytes store. Initialising a store with logging on needs a
 * context that is an {@link InternalStoreContext} with a {@link ChangelogSink}; with caching on, one with a
 * {@link ThreadCache}.
 *
 * @param <K> the key type
 * @param <V> the value type as the builder's serde sees it
 * @param <T> the store type built
 */
public abstract class AbstractStoreBuilder<K, V, T extends StateStore> implements StoreBuilder<T> {

    /** The store name. */
    protected final String name;
    /** The key serde, or null for the application default. */
    protected final Serde<K> keySerde;
    /** The value serde, or null for the application default. */
    protected final Serde<V> valueSerde;
    private final Map<String, String> logConfig = new HashMap<>();
    /** Whether the caching layer is requested. */
    protected boolean enableCaching;
    /** Whether the changelogging layer is requested. */
    protected boolean enableLogging = true;

    /**
     * Creates a builder.
     *
     * @param name the store name, not null
     * @param keySerde the key serde, or null for the default
     * @param valueSerde the value serde, or null for the default
     */
    protected AbstractStoreBuilder(String name, Serde<K> keySerde, Serde<V> valueSerde) {
        this.name = Objects.requireNonNull(name, "reason=nullStoreName");
        this.keySerde = keySerde;
        this.valueSerde = valueSerde;
    }

    @Override
    public StoreBuilder<T> withCachingEnabled() {
        enableCaching = true;
        return this;
    }

    @Override
    public StoreBuilder<T> withCachingDisabled() {
        enableCaching = false;
        return this;
    }

    @Override
    public StoreBuilder<T> withLoggingEnabled(Map<String, String> config) {
        Objects.requireNonNull(config, "reason=nullLogConfig");
        enableLogging = true;
        logConfig.putAll(config);
        return this;
    }

    @Override
    public StoreBuilder<T> withLoggingDisabled() {
        enableLogging = false;
        logConfig.clear();
        return this;
    }

    @Override
    public Map<String, String> logConfig() {
        return Collections.unmodifiableMap(logConfig);
    }

    @Override
    public boolean loggingEnabled() {
        return enableLogging;
    }

    /**
     * Tells whether the caching layer is requested.
     *
     * @return true when caching is enabled
     */
    public boolean cachingEnabled() {
        return enableCaching;
    }

    @Override
    public String name() {
        return name;
    }
}
