package dev.millrace.streams.query;

import dev.millrace.streams.state.ValueAndTimestamp;

import java.util.Objects;

/**
 * Looks up the value and timestamp of one key in a timestamped key-value store; the result is null if the key is
 * absent. Stores that are not timestamped answer it with {@link FailureReason#UNKNOWN_QUERY_TYPE}. Immutable.
 *
 * @param <K> the key type
 * @param <V> the plain value type
 */
public final class TimestampedKeyQuery<K, V> implements Query<ValueAndTimestamp<V>> {

    private final K key;
    private final boolean skipCache;

    private TimestampedKeyQuery(K key, boolean skipCache) {
        this.key = key;
        this.skipCache = skipCache;
    }

    /**
     * Creates a query for one key.
     *
     * @param key the key, not null
     * @param <K> the key type
     * @param <V> the plain value type
     * @return the query
     * @throws NullPointerException if {@code key} is null
     */
    public static <K, V> TimestampedKeyQuery<K, V> withKey(K key) {
        Objects.requireNonNull(key, "the key should not be null");
        return new TimestampedKeyQuery<>(key, false);
    }

    /**
     * Returns the same query with the skip-cache flag set; see {@link KeyQuery#skipCache()}.
     *
     * @return a new query with the flag set
     */
    public TimestampedKeyQuery<K, V> skipCache() {
        return new TimestampedKeyQuery<>(key, true);
    }

    /**
     * Returns the key to look up.
     *
     * @return the key
     */
    public K key() {
        return key;
    }

    /**
     * Tells whether the caching layer should be skipped.
     *
     * @return true if {@link #skipCache()} was called
     */
    public boolean isSkipCache() {
        return skipCache;
    }
}
