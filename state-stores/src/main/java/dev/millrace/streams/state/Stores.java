package dev.millrace.streams.state;

import dev.millrace.common.serialization.Serde;
import dev.millrace.streams.state.internals.InMemoryKeyValueBytesStoreSupplier;
import dev.millrace.streams.state.internals.InMemorySessionBytesStoreSupplier;
import dev.millrace.streams.state.internals.InMemoryVersionedBytesStoreSupplier;
import dev.millrace.streams.state.internals.InMemoryWindowBytesStoreSupplier;
import dev.millrace.streams.state.internals.KeyValueStoreBuilder;
import dev.millrace.streams.state.internals.MemoryLRUCacheBytesStoreSupplier;
import dev.millrace.streams.state.internals.RocksDBKeyValueBytesStoreSupplier;
import dev.millrace.streams.state.internals.RocksDbSessionBytesStoreSupplier;
import dev.millrace.streams.state.internals.RocksDbVersionedKeyValueBytesStoreSupplier;
import dev.millrace.streams.state.internals.RocksDbWindowBytesStoreSupplier;
import dev.millrace.streams.state.internals.SessionStoreBuilder;
import dev.millrace.streams.state.internals.TimestampedKeyValueStoreBuilder;
import dev.millrace.streams.state.internals.TimestampedWindowStoreBuilder;
import dev.millrace.streams.state.internals.VersionedKeyValueStoreBuilder;
import dev.millrace.streams.state.internals.WindowStoreBuilder;

import java.time.Duration;
import java.util.Objects;

/**
 * Factory of store suppliers and store builders, the entry point for creating state stores.
 *
 * <p>Suppliers create the bytes stores: in memory ({@code inMemory*}, {@link #lruMap}) or persistent in RocksDB
 * ({@code persistent*}). Builders wrap a supplier's store in a typed layer with the given serdes (null serdes
 * mean the application defaults). Arguments are validated as Kafka Streams does: null names are rejected with
 * {@link NullPointerException}, negative durations and sizes with {@link IllegalArgumentException}.
 *
 * <p>The {@code persistent*WithHeaders} suppliers validate their arguments and then throw
 * {@link UnsupportedOperationException}: stores with headers are not implemented yet.
 */
public final class Stores {

    /** Not meant to be instantiated; public only because Kafka Streams' class has a public constructor. */
    public Stores() {
    }

    /**
     * Supplies persistent (RocksDB) key-value stores.
     *
     * @param name the store name
     * @return the supplier
     */
    public static KeyValueBytesStoreSupplier persistentKeyValueStore(String name) {
        Objects.requireNonNull(name, "reason=nullStoreName");
        return new RocksDBKeyValueBytesStoreSupplier(name, false);
    }

    /**
     * Supplies persistent (RocksDB) key-value stores whose values carry timestamps.
     *
     * @param name the store name
     * @return the supplier
     */
    public static KeyValueBytesStoreSupplier persistentTimestampedKeyValueStore(String name) {
        Objects.requireNonNull(name, "reason=nullStoreName");
        return new RocksDBKeyValueBytesStoreSupplier(name, true);
    }

    /**
     * Supplies persistent (RocksDB) key-value stores whose values carry timestamps and headers.
     *
     * @param name the store name
     * @return the supplier
     */
    public static KeyValueBytesStoreSupplier persistentTimestampedKeyValueStoreWithHeaders(String name) {
        Objects.requireNonNull(name, "reason=nullStoreName");
        throw rocksDbNotAvailable("persistentTimestampedKeyValueStoreWithHeaders", name);
    }

    /**
     * Supplies persistent (RocksDB) versioned key-value stores with the default segment interval.
     *
     * @param name the store name
     * @param historyRetention how far back reads as of a timestamp are answered (also the grace period)
     * @return the supplier
     * @throws IllegalArgumentException if {@code historyRetention} is negative or not representable in ms
     */
    public static VersionedBytesStoreSupplier persistentVersionedKeyValueStore(String name,
                                                                               Duration historyRetention) {
        Objects.requireNonNull(name, "reason=nullStoreName");
        return new RocksDbVersionedKeyValueBytesStoreSupplier(name,
                nonNegativeMillis(historyRetention, "historyRetention"));
    }

    /**
     * Supplies persistent (RocksDB) versioned key-value stores.
     *
     * @param name the store name
     * @param historyRetention how far back reads as of a timestamp are answered (also the grace period)
     * @param segmentInterval the time span of one storage segment, positive
     * @return the supplier
     * @throws IllegalArgumentException if a duration is out of range
     */
    public static VersionedBytesStoreSupplier persistentVersionedKeyValueStore(String name,
                                                                               Duration historyRetention,
                                                                               Duration segmentInterval) {
        Objects.requireNonNull(name, "reason=nullStoreName");
        long historyRetentionMs = nonNegativeMillis(historyRetention, "historyRetention");
        long segmentIntervalMs = millis(segmentInterval, "segmentInterval");
        if (segmentIntervalMs < 1L) {
            throw new IllegalArgumentException("reason=segmentIntervalNotPositive store=" + name
                    + " segmentInterval=" + segmentInterval);
        }
        return new RocksDbVersionedKeyValueBytesStoreSupplier(name, historyRetentionMs, segmentIntervalMs);
    }

    /**
     * Supplies in-memory key-value stores.
     *
     * @param name the store name
     * @return the supplier
     */
    public static KeyValueBytesStoreSupplier inMemoryKeyValueStore(String name) {
        Objects.requireNonNull(name, "reason=nullStoreName");
        return new InMemoryKeyValueBytesStoreSupplier(name);
    }

    /**
     * Supplies in-memory versioned key-value stores (a Millrace addition: Kafka Streams has only the RocksDB
     * versioned store). Same semantics as {@link #persistentVersionedKeyValueStore(String, Duration)}.
     *
     * @param name the store name
     * @param historyRetention how far back reads as of a timestamp are answered (also the grace period)
     * @return the supplier
     * @throws IllegalArgumentException if {@code historyRetention} is negative or not representable in ms
     */
    public static VersionedBytesStoreSupplier inMemoryVersionedKeyValueStore(String name, Duration historyRetention) {
        Objects.requireNonNull(name, "reason=nullStoreName");
        return new InMemoryVersionedBytesStoreSupplier(name, nonNegativeMillis(historyRetention, "historyRetention"));
    }

    /**
     * Supplies in-memory key-value stores bounded to {@code maxCacheSize} entries, evicting the least recently
     * used.
     *
     * @param name the store name
     * @param maxCacheSize the maximum number of entries, at least 0
     * @return the supplier
     * @throws IllegalArgumentException if {@code maxCacheSize} is negative
     */
    public static KeyValueBytesStoreSupplier lruMap(String name, int maxCacheSize) {
        Objects.requireNonNull(name, "reason=nullStoreName");
        if (maxCacheSize < 0) {
            throw new IllegalArgumentException("reason=negativeMaxCacheSize store=" + name
                    + " maxCacheSize=" + maxCacheSize);
        }
        return new MemoryLRUCacheBytesStoreSupplier(name, maxCacheSize);
    }

    /**
     * Supplies persistent (RocksDB) window stores.
     *
     * @param name the store name
     * @param retentionPeriod how long windows are kept, at least {@code windowSize}
     * @param windowSize the window size
     * @param retainDuplicates whether to keep every value put for a key and window
     * @return the supplier
     * @throws IllegalArgumentException if a duration is out of range
     */
    public static WindowBytesStoreSupplier persistentWindowStore(String name, Duration retentionPeriod,
                                                                 Duration windowSize, boolean retainDuplicates)
            throws IllegalArgumentException {
        long[] validated = validateWindowStore(name, retentionPeriod, windowSize);
        return new RocksDbWindowBytesStoreSupplier(name, validated[0], defaultWindowSegmentInterval(validated[0]),
                validated[1], retainDuplicates, false);
    }

    /**
     * Supplies persistent (RocksDB) window stores whose values carry timestamps.
     *
     * @param name the store name
     * @param retentionPeriod how long windows are kept, at least {@code windowSize}
     * @param windowSize the window size
     * @param retainDuplicates whether to keep every value put for a key and window
     * @return the supplier
     * @throws IllegalArgumentException if a duration is out of range
     */
    public static WindowBytesStoreSupplier persistentTimestampedWindowStore(String name, Duration retentionPeriod,
                                                                            Duration windowSize,
                                                                            boolean retainDuplicates)
            throws IllegalArgumentException {
        long[] validated = validateWindowStore(name, retentionPeriod, windowSize);
        return new RocksDbWindowBytesStoreSupplier(name, validated[0], defaultWindowSegmentInterval(validated[0]),
                validated[1], retainDuplicates, true);
    }

    /**
     * Supplies persistent (RocksDB) window stores whose values carry timestamps and headers.
     *
     * @param name the store name
     * @param retentionPeriod how long windows are kept, at least {@code windowSize}
     * @param windowSize the window size
     * @param retainDuplicates whether to keep every value put for a key and window
     * @return the supplier
     * @throws IllegalArgumentException if a duration is out of range
     */
    public static WindowBytesStoreSupplier persistentTimestampedWindowStoreWithHeaders(String name,
                                                                                       Duration retentionPeriod,
                                                                                       Duration windowSize,
                                                                                       boolean retainDuplicates)
            throws IllegalArgumentException {
        validateWindowStore(name, retentionPeriod, windowSize);
        throw rocksDbNotAvailable("persistentTimestampedWindowStoreWithHeaders", name);
    }

    /**
     * Supplies in-memory window stores.
     *
     * @param name the store name
     * @param retentionPeriod how long windows are kept, at least {@code windowSize}
     * @param windowSize the window size
     * @param retainDuplicates whether to keep every value put for a key and window
     * @return the supplier
     * @throws IllegalArgumentException if a duration is out of range
     */
    public static WindowBytesStoreSupplier inMemoryWindowStore(String name, Duration retentionPeriod,
                                                               Duration windowSize, boolean retainDuplicates)
            throws IllegalArgumentException {
        long[] validated = validateWindowStore(name, retentionPeriod, windowSize);
        return new InMemoryWindowBytesStoreSupplier(name, validated[0], validated[1], retainDuplicates);
    }

    /**
     * Supplies persistent (RocksDB) session stores.
     *
     * @param name the store name
     * @param retentionPeriod how long sessions are kept after stream time passes their end
     * @return the supplier
     * @throws IllegalArgumentException if the duration is out of range
     */
    public static SessionBytesStoreSupplier persistentSessionStore(String name, Duration retentionPeriod) {
        Objects.requireNonNull(name, "reason=nullStoreName");
        return new RocksDbSessionBytesStoreSupplier(name, nonNegativeMillis(retentionPeriod, "retentionPeriod"));
    }

    /**
     * Supplies persistent (RocksDB) session stores whose aggregates carry headers.
     *
     * @param name the store name
     * @param retentionPeriod how long sessions are kept after stream time passes their end
     * @return the supplier
     * @throws IllegalArgumentException if the duration is out of range
     */
    public static SessionBytesStoreSupplier persistentSessionStoreWithHeaders(String name, Duration retentionPeriod) {
        Objects.requireNonNull(name, "reason=nullStoreName");
        nonNegativeMillis(retentionPeriod, "retentionPeriod");
        throw rocksDbNotAvailable("persistentSessionStoreWithHeaders", name);
    }

    /**
     * Supplies in-memory session stores.
     *
     * @param name the store name
     * @param retentionPeriod how long sessions are kept after stream time passes their end
     * @return the supplier
     * @throws IllegalArgumentException if the duration is out of range
     */
    public static SessionBytesStoreSupplier inMemorySessionStore(String name, Duration retentionPeriod) {
        Objects.requireNonNull(name, "reason=nullStoreName");
        return new InMemorySessionBytesStoreSupplier(name, nonNegativeMillis(retentionPeriod, "retentionPeriod"));
    }

    /**
     * Creates a builder of key-value stores.
     *
     * @param supplier supplies the bytes store
     * @param keySerde the key serde, or null for the application default
     * @param valueSerde the value serde, or null for the application default
     * @param <K> the key type
     * @param <V> the value type
     * @return the builder
     */
    public static <K, V> StoreBuilder<KeyValueStore<K, V>> keyValueStoreBuilder(KeyValueBytesStoreSupplier supplier,
                                                                                Serde<K> keySerde,
                                                                                Serde<V> valueSerde) {
        Objects.requireNonNull(supplier, "reason=nullSupplier");
        return new KeyValueStoreBuilder<>(supplier, keySerde, valueSerde);
    }

    /**
     * Creates a builder of timestamped key-value stores.
     *
     * @param supplier supplies the bytes store
     * @param keySerde the key serde, or null for the application default
     * @param valueSerde the plain value serde, or null for the application default
     * @param <K> the key type
     * @param <V> the plain value type
     * @return the builder
     */
    public static <K, V> StoreBuilder<TimestampedKeyValueStore<K, V>> timestampedKeyValueStoreBuilder(
            KeyValueBytesStoreSupplier supplier, Serde<K> keySerde, Serde<V> valueSerde) {
        Objects.requireNonNull(supplier, "reason=nullSupplier");
        return new TimestampedKeyValueStoreBuilder<>(supplier, keySerde, valueSerde);
    }

    /**
     * Creates a builder of versioned key-value stores.
     *
     * @param supplier supplies the versioned bytes store
     * @param keySerde the key serde, or null for the application default
     * @param valueSerde the value serde, or null for the application default
     * @param <K> the key type
     * @param <V> the value type
     * @return the builder
     */
    public static <K, V> StoreBuilder<VersionedKeyValueStore<K, V>> versionedKeyValueStoreBuilder(
            VersionedBytesStoreSupplier supplier, Serde<K> keySerde, Serde<V> valueSerde) {
        Objects.requireNonNull(supplier, "reason=nullSupplier");
        return new VersionedKeyValueStoreBuilder<>(supplier, keySerde, valueSerde);
    }

    /**
     * Creates a builder of window stores.
     *
     * @param supplier supplies the bytes store
     * @param keySerde the key serde, or null for the application default
     * @param valueSerde the value serde, or null for the application default
     * @param <K> the key type
     * @param <V> the value type
     * @return the builder
     */
    public static <K, V> StoreBuilder<WindowStore<K, V>> windowStoreBuilder(WindowBytesStoreSupplier supplier,
                                                                            Serde<K> keySerde, Serde<V> valueSerde) {
        Objects.requireNonNull(supplier, "reason=nullSupplier");
        return new WindowStoreBuilder<>(supplier, keySerde, valueSerde);
    }

    /**
     * Creates a builder of timestamped window stores.
     *
     * @param supplier supplies the bytes store
     * @param keySerde the key serde, or null for the application default
     * @param valueSerde the plain value serde, or null for the application default
     * @param <K> the key type
     * @param <V> the plain value type
     * @return the builder
     */
    public static <K, V> StoreBuilder<TimestampedWindowStore<K, V>> timestampedWindowStoreBuilder(
            WindowBytesStoreSupplier supplier, Serde<K> keySerde, Serde<V> valueSerde) {
        Objects.requireNonNull(supplier, "reason=nullSupplier");
        return new TimestampedWindowStoreBuilder<>(supplier, keySerde, valueSerde);
    }

    /**
     * Creates a builder of session stores.
     *
     * @param supplier supplies the bytes store
     * @param keySerde the key serde, or null for the application default
     * @param valueSerde the aggregate serde, or null for the application default
     * @param <K> the key type
     * @param <V> the aggregate type
     * @return the builder
     */
    public static <K, V> StoreBuilder<SessionStore<K, V>> sessionStoreBuilder(SessionBytesStoreSupplier supplier,
                                                                              Serde<K> keySerde, Serde<V> valueSerde) {
        Objects.requireNonNull(supplier, "reason=nullSupplier");
        return new SessionStoreBuilder<>(supplier, keySerde, valueSerde);
    }

    /**
     * The single place where the stores with headers are not available yet.
     *
     * @param factory the factory method called
     * @param name the store name
     * @return the exception to throw
     */
    private static UnsupportedOperationException rocksDbNotAvailable(String factory, String name) {
        return new UnsupportedOperationException("reason=headersStoresNotImplemented factory=" + factory
                + " store=" + name);
    }

    /** Kafka Streams' segment interval of window stores: half the retention, at least one minute. */
    private static long defaultWindowSegmentInterval(long retentionMs) {
        return Math.max(retentionMs / 2, 60_000L);
    }

    private static long[] validateWindowStore(String name, Duration retentionPeriod, Duration windowSize) {
        Objects.requireNonNull(name, "reason=nullStoreName");
        long retentionMs = nonNegativeMillis(retentionPeriod, "retentionPeriod");
        long windowSizeMs = nonNegativeMillis(windowSize, "windowSize");
        if (windowSizeMs > retentionMs) {
            throw new IllegalArgumentException("reason=retentionSmallerThanWindowSize store=" + name
                    + " windowSize=" + windowSizeMs + " retentionPeriod=" + retentionMs);
        }
        return new long[] {retentionMs, windowSizeMs};
    }

    private static long nonNegativeMillis(Duration duration, String parameter) {
        long ms = millis(duration, parameter);
        if (ms < 0) {
            throw new IllegalArgumentException("reason=negativeDuration parameter=" + parameter + " value=" + duration);
        }
        return ms;
    }

    private static long millis(Duration duration, String parameter) {
        if (duration == null) {
            throw new IllegalArgumentException("reason=nullDuration parameter=" + parameter);
        }
        try {
            return duration.toMillis();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("reason=durationOutOfMillisecondRange parameter=" + parameter
                    + " value=" + duration, e);
        }
    }
}
