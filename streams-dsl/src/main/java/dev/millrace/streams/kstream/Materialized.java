package dev.millrace.streams.kstream;

import dev.millrace.common.serialization.Serde;
import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.state.KeyValueBytesStoreSupplier;
import dev.millrace.streams.state.KeyValueStore;
import dev.millrace.streams.state.SessionBytesStoreSupplier;
import dev.millrace.streams.state.SessionStore;
import dev.millrace.streams.state.StoreSupplier;
import dev.millrace.streams.state.WindowBytesStoreSupplier;
import dev.millrace.streams.state.WindowStore;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the state store behind a KTable or an aggregation is materialized: its name or a ready store supplier, key
 * and value serdes, changelog logging (with topic configs), caching, retention for window and session stores, and
 * the built-in store type; mirrors Kafka's {@code Materialized}.
 *
 * <p>Defaults: logging enabled with no topic configs, caching enabled, everything else null ("use the default").
 * Like Kafka's class, the {@code with*} instance methods change this instance and return it, so an instance must
 * not be shared while it is still being configured. A store name is validated like a processor name
 * ({@link Named}); a negative or unconvertible retention and a store type on a supplier-backed instance are
 * rejected with {@link IllegalArgumentException}.
 *
 * <p>Difference from Kafka: Millrace has no {@code DslStoreSuppliers} plug-in yet, so the store type is the
 * {@link StoreType} enum and {@link #as(StoreType)} and {@link #withStoreType(StoreType)} take it; calls written
 * against Kafka with {@code Materialized.StoreType.IN_MEMORY} port unchanged.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param <S> the type of the state store
 */
public class Materialized<K, V, S extends StateStore> {

    /** The store supplier, or null to build the store from the name and store type. */
    protected StoreSupplier<S> storeSupplier;
    /** The store name, or null to generate one. */
    protected String storeName;
    /** The value serde, or null for the default. */
    protected Serde<V> valueSerde;
    /** The key serde, or null for the default. */
    protected Serde<K> keySerde;
    /** Whether the store writes a changelog; true by default. */
    protected boolean loggingEnabled = true;
    /** Whether the store is fronted by the record cache; true by default. */
    protected boolean cachingEnabled = true;
    /** Topic configs for the changelog topic, empty by default. */
    protected Map<String, String> topicConfig = new HashMap<>();
    /** Retention of window and session stores, or null for the window's own. */
    protected Duration retention;
    /** The built-in store type, or null for the configured default. */
    protected StoreType storeType;

    /** The built-in store implementations a DSL store can be built with. */
    public enum StoreType {
        /** Persistent stores backed by RocksDB. */
        ROCKS_DB,
        /** Heap-backed stores, restored from the changelog on start. */
        IN_MEMORY
    }

    private Materialized(StoreSupplier<S> storeSupplier) {
        this.storeSupplier = storeSupplier;
    }

    private Materialized(String storeName) {
        this.storeName = storeName;
    }

    private Materialized(StoreType storeType) {
        this.storeType = storeType;
    }

    /**
     * Copies another instance; for internal subclasses. The topic config map is shared, as in Kafka.
     *
     * @param materialized the instance to copy
     */
    protected Materialized(Materialized<K, V, S> materialized) {
        this.storeSupplier = materialized.storeSupplier;
        this.storeName = materialized.storeName;
        this.keySerde = materialized.keySerde;
        this.valueSerde = materialized.valueSerde;
        this.loggingEnabled = materialized.loggingEnabled;
        this.cachingEnabled = materialized.cachingEnabled;
        this.topicConfig = materialized.topicConfig;
        this.retention = materialized.retention;
        this.storeType = materialized.storeType;
    }

    /**
     * Materializes into a generated store of the given built-in type.
     *
     * @param storeType the store type, not null
     * @param <K> the key type
     * @param <V> the value type
     * @param <S> the store type
     * @return the new instance
     * @throws NullPointerException if the store type is null
     */
    public static <K, V, S extends StateStore> Materialized<K, V, S> as(StoreType storeType) {
        Objects.requireNonNull(storeType, "store type can't be null");
        return new Materialized<>(storeType);
    }

    /**
     * Materializes into a store with the given name, which makes it queryable.
     *
     * @param storeName the store name, validated like a processor name
     * @param <K> the key type
     * @param <V> the value type
     * @param <S> the store type
     * @return the new instance
     * @throws dev.millrace.streams.errors.TopologyException if the name is illegal
     */
    public static <K, V, S extends StateStore> Materialized<K, V, S> as(String storeName) {
        Named.validate(storeName);
        return new Materialized<>(storeName);
    }

    /**
     * Materializes into a window store built by the given supplier.
     *
     * @param supplier the supplier, not null
     * @param <K> the key type
     * @param <V> the value type
     * @return the new instance
     */
    public static <K, V> Materialized<K, V, WindowStore<Bytes, byte[]>> as(WindowBytesStoreSupplier supplier) {
        Objects.requireNonNull(supplier, "supplier can't be null");
        return new Materialized<>(supplier);
    }

    /**
     * Materializes into a session store built by the given supplier.
     *
     * @param supplier the supplier, not null
     * @param <K> the key type
     * @param <V> the value type
     * @return the new instance
     */
    public static <K, V> Materialized<K, V, SessionStore<Bytes, byte[]>> as(SessionBytesStoreSupplier supplier) {
        Objects.requireNonNull(supplier, "supplier can't be null");
        return new Materialized<>(supplier);
    }

    /**
     * Materializes into a key-value store built by the given supplier.
     *
     * @param supplier the supplier, not null
     * @param <K> the key type
     * @param <V> the value type
     * @return the new instance
     */
    public static <K, V> Materialized<K, V, KeyValueStore<Bytes, byte[]>> as(KeyValueBytesStoreSupplier supplier) {
        Objects.requireNonNull(supplier, "supplier can't be null");
        return new Materialized<>(supplier);
    }

    /**
     * Materializes into a generated, non-queryable store with the given serdes.
     *
     * @param keySerde the key serde, or null for the default
     * @param valueSerde the value serde, or null for the default
     * @param <K> the key type
     * @param <V> the value type
     * @param <S> the store type
     * @return the new instance
     */
    public static <K, V, S extends StateStore> Materialized<K, V, S> with(Serde<K> keySerde, Serde<V> valueSerde) {
        return new Materialized<K, V, S>((String) null).withKeySerde(keySerde).withValueSerde(valueSerde);
    }

    /**
     * Sets the value serde on this instance.
     *
     * @param valueSerde the value serde, or null for the default
     * @return this instance
     */
    public Materialized<K, V, S> withValueSerde(Serde<V> valueSerde) {
        this.valueSerde = valueSerde;
        return this;
    }

    /**
     * Sets the key serde on this instance.
     *
     * @param keySerde the key serde, or null for the default
     * @return this instance
     */
    public Materialized<K, V, S> withKeySerde(Serde<K> keySerde) {
        this.keySerde = keySerde;
        return this;
    }

    /**
     * Enables the changelog with the given topic configs (the map is kept, not copied).
     *
     * @param config the changelog topic configs
     * @return this instance
     */
    public Materialized<K, V, S> withLoggingEnabled(Map<String, String> config) {
        this.loggingEnabled = true;
        this.topicConfig = config;
        return this;
    }

    /**
     * Disables the changelog and clears the topic configs.
     *
     * @return this instance
     */
    public Materialized<K, V, S> withLoggingDisabled() {
        this.loggingEnabled = false;
        this.topicConfig.clear();
        return this;
    }

    /**
     * Enables the record cache in front of the store.
     *
     * @return this instance
     */
    public Materialized<K, V, S> withCachingEnabled() {
        this.cachingEnabled = true;
        return this;
    }

    /**
     * Disables the record cache in front of the store.
     *
     * @return this instance
     */
    public Materialized<K, V, S> withCachingDisabled() {
        this.cachingEnabled = false;
        return this;
    }

    /**
     * Sets how long a window or session store keeps its data.
     *
     * @param retention the retention, not null, not negative, convertible to milliseconds
     * @return this instance
     * @throws IllegalArgumentException if the retention is null, negative or too large
     */
    public Materialized<K, V, S> withRetention(Duration retention) throws IllegalArgumentException {
        String prefix = String.format("Invalid value for parameter \"%s\" (value was: %s). ", "retention", retention);
        if (retention == null) {
            throw new IllegalArgumentException(prefix + "It shouldn't be null.");
        }
        long retentionMs;
        try {
            retentionMs = retention.toMillis();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(prefix + "It can't be converted to milliseconds.", e);
        }
        if (retentionMs < 0) {
            throw new IllegalArgumentException("Retention must not be negative.");
        }
        this.retention = retention;
        return this;
    }

    /**
     * Sets the built-in store type.
     *
     * @param storeType the store type, not null
     * @return this instance
     * @throws NullPointerException if the store type is null
     * @throws IllegalArgumentException if this instance was created from a store supplier
     */
    public Materialized<K, V, S> withStoreType(StoreType storeType) throws IllegalArgumentException {
        Objects.requireNonNull(storeType, "store type can't be null");
        if (storeSupplier != null) {
            throw new IllegalArgumentException("Cannot set store type when store supplier is pre-configured.");
        }
        this.storeType = storeType;
        return this;
    }
}
