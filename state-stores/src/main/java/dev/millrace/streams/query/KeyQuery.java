package dev.millrace.streams.query;

import java.util.Objects;

/**
 * Looks up the value of one key in a key-value store; the result is the value, or null if the key is absent.
 * On a timestamped store the result is the plain value (use {@link TimestampedKeyQuery} for the timestamp too).
 * Immutable.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class KeyQuery<K, V> implements Query<V> {

    private final K key;
    private final boolean skipCache;

    private KeyQuery(K key, boolean skipCache) {
        this.key = key;
        this.skipCache = skipCache;
    }

    /**
     * Creates a query for one key.
     *
     * @param key the key, not null
     * @param <K> the key type
     * @param <V> the value type
     * @return the query
     * @throws NullPointerException if {@code key} is null
     */
    public static <K, V> KeyQuery<K, V> withKey(K key) {
        Objects.requireNonNull(key, "the key should not be null");
        return new KeyQuery<>(key, false);
    }

    /**
     * Returns the same query asking the caching layer to forward it to the store below instead of answering from
     * the cache. As in Kafka Streams, only a query sent to the caching layer itself carries the flag: the typed
     * store layer re-creates the query over bytes without it.
     *
     * @return a new query with the flag set
     */
    public KeyQuery<K, V> skipCache() {
        return new KeyQuery<>(key, true);
    }

    /**
     * Returns the key to look up.
     *
     * @return the key
     */
    public K getKey() {
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
