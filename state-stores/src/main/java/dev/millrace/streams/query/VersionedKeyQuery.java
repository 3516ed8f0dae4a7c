package dev.millrace.streams.query;

import dev.millrace.streams.state.VersionedRecord;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Looks up one key in a versioned store: the latest version, or with {@link #asOf(Instant)} the version valid at
 * that time (the one with the largest timestamp not after it). The result is null if there is no such version;
 * a version that is not the latest carries the end of its validity. Immutable.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class VersionedKeyQuery<K, V> implements Query<VersionedRecord<V>> {

    private final K key;
    private final Optional<Instant> asOfTimestamp;

    private VersionedKeyQuery(K key, Optional<Instant> asOfTimestamp) {
        this.key = key;
        this.asOfTimestamp = asOfTimestamp;
    }

    /**
     * Creates a query for the latest version of a key.
     *
     * @param key the key, not null
     * @param <K> the key type
     * @param <V> the value type
     * @return the query
     * @throws NullPointerException if {@code key} is null
     */
    public static <K, V> VersionedKeyQuery<K, V> withKey(K key) {
        Objects.requireNonNull(key, "key cannot be null.");
        return new VersionedKeyQuery<>(key, Optional.empty());
    }

    /**
     * Returns the same query for the version valid at a given time.
     *
     * @param asOfTimestamp the time, not null
     * @return a new query
     * @throws NullPointerException if {@code asOfTimestamp} is null
     */
    public VersionedKeyQuery<K, V> asOf(Instant asOfTimestamp) {
        Objects.requireNonNull(asOfTimestamp, "asOf timestamp cannot be null.");
        return new VersionedKeyQuery<>(key, Optional.of(asOfTimestamp));
    }

    /**
     * Returns the key.
     *
     * @return the key
     */
    public K key() {
        return key;
    }

    /**
     * Returns the time the version must be valid at.
     *
     * @return the time, empty for the latest version
     */
    public Optional<Instant> asOfTimestamp() {
        return asOfTimestamp;
    }
}
