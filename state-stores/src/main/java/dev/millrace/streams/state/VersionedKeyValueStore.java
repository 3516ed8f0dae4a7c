package dev.millrace.streams.state;

import dev.millrace.streams.processor.StateStore;

/**
 * A key-value store that keeps, per key, the versions of the value over time, so that reads can ask for the
 * value as of a timestamp.
 *
 * <p>The store tracks the observed stream time (the largest timestamp written). It keeps the history needed to
 * answer reads as of any timestamp no older than {@code observed stream time - history retention}; writes older
 * than that bound (the grace period, equal to the history retention) are rejected. The latest version of a key is
 * kept regardless of its age. A null value (or {@link #delete}) writes a tombstone version.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface VersionedKeyValueStore<K, V> extends StateStore {

    /** Returned by {@link #put} when the new version is the latest, so its validity has no known end. */
    long PUT_RETURN_CODE_VALID_TO_UNDEFINED = -1L;

    /** Returned by {@link #put} when the timestamp is older than the grace period and nothing was written. */
    long PUT_RETURN_CODE_NOT_PUT = Long.MIN_VALUE;

    /**
     * Writes a version of a key valid from {@code timestamp}; a version with the same timestamp is replaced.
     *
     * @param key the key, not null
     * @param value the value, or null for a tombstone
     * @param timestamp the timestamp from which the version is valid
     * @return the timestamp of the next later version (the end of validity of the written one),
     *     {@link #PUT_RETURN_CODE_VALID_TO_UNDEFINED} when the written version is the latest, or
     *     {@link #PUT_RETURN_CODE_NOT_PUT} when the timestamp was too old to write
     */
    long put(K key, V value, long timestamp);

    /**
     * Writes a tombstone at {@code timestamp} and returns the version it hides.
     *
     * @param key the key, not null
     * @param timestamp the timestamp of the tombstone
     * @return the version valid at {@code timestamp} before the delete, or null if none (or if the timestamp was
     *     too old to write, in which case nothing is written)
     */
    VersionedRecord<V> delete(K key, long timestamp);

    /**
     * Returns the latest version of a key.
     *
     * @param key the key, not null
     * @return the latest version, or null if the key is absent or its latest version is a tombstone
     */
    VersionedRecord<V> get(K key);

    /**
     * Returns the version of a key valid at a timestamp: the one with the largest timestamp not after
     * {@code asOfTimestamp}.
     *
     * @param key the key, not null
     * @param asOfTimestamp the timestamp
     * @return the version, or null if none, if it is a tombstone, or if {@code asOfTimestamp} is older than the
     *     history retention (unless the latest version is valid at it)
     */
    VersionedRecord<V> get(K key, long asOfTimestamp);
}
