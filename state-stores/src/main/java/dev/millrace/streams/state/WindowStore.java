package dev.millrace.streams.state;

import dev.millrace.streams.kstream.Windowed;
import dev.millrace.streams.processor.StateStore;

import java.time.Instant;

/**
 * A window store: values per key and window start, kept for a retention period of stream time (the largest
 * window start written). A put older than the retention period is dropped. Unless duplicates are retained, a put
 * replaces the value of its key and window, and a null value deletes it; with duplicates retained every non-null
 * put adds a value and null values are ignored.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface WindowStore<K, V> extends StateStore, ReadOnlyWindowStore<K, V> {

    /**
     * Writes a value for a key and window start.
     *
     * @param key the key, not null
     * @param value the value, or null to delete
     * @param windowStartTimestamp the window start
     */
    void put(K key, V value, long windowStartTimestamp);

    /**
     * Iterates over the windows of a key whose start is in {@code [timeFrom, timeTo]}, oldest first.
     *
     * @param key the key, not null
     * @param timeFrom the earliest window start
     * @param timeTo the latest window start
     * @return an iterator keyed by window start, to close
     */
    WindowStoreIterator<V> fetch(K key, long timeFrom, long timeTo);

    @Override
    default WindowStoreIterator<V> fetch(K key, Instant timeFrom, Instant timeTo) throws IllegalArgumentException {
        return fetch(key, InstantConversion.toEpochMillis(timeFrom, "timeFrom"),
                InstantConversion.toEpochMillis(timeTo, "timeTo"));
    }

    /**
     * Like {@link #fetch(Object, long, long)}, newest first.
     *
     * @param key the key, not null
     * @param timeFrom the earliest window start
     * @param timeTo the latest window start
     * @return an iterator keyed by window start, to close
     * @throws UnsupportedOperationException by default
     */
    default WindowStoreIterator<V> backwardFetch(K key, long timeFrom, long timeTo) {
        throw InstantConversion.unsupported("backwardFetch", this);
    }

    @Override
    default WindowStoreIterator<V> backwardFetch(K key, Instant timeFrom, Instant timeTo)
            throws IllegalArgumentException {
        return backwardFetch(key, InstantConversion.toEpochMillis(timeFrom, "timeFrom"),
                InstantConversion.toEpochMillis(timeTo, "timeTo"));
    }

    /**
     * Iterates over the windows of the keys in {@code [keyFrom, keyTo]} whose start is in {@code [timeFrom, timeTo]}.
     *
     * @param keyFrom the lowest key, or null for no lower bound
     * @param keyTo the highest key, or null for no upper bound
     * @param timeFrom the earliest window start
     * @param timeTo the latest window start
     * @return an iterator to close
     */
    KeyValueIterator<Windowed<K>, V> fetch(K keyFrom, K keyTo, long timeFrom, long timeTo);

    @Override
    default KeyValueIterator<Windowed<K>, V> fetch(K keyFrom, K keyTo, Instant timeFrom, Instant timeTo)
            throws IllegalArgumentException {
        return fetch(keyFrom, keyTo, InstantConversion.toEpochMillis(timeFrom, "timeFrom"),
                InstantConversion.toEpochMillis(timeTo, "timeTo"));
    }

    /**
     * Like {@link #fetch(Object, Object, long, long)}, in reverse order.
     *
     * @param keyFrom the lowest key, or null for no lower bound
     * @param keyTo the highest key, or null for no upper bound
     * @param timeFrom the earliest window start
     * @param timeTo the latest window start
     * @return an iterator to close
     * @throws UnsupportedOperationException by default
     */
    default KeyValueIterator<Windowed<K>, V> backwardFetch(K keyFrom, K keyTo, long timeFrom, long timeTo) {
        throw InstantConversion.unsupported("backwardFetch", this);
    }

    @Override
    default KeyValueIterator<Windowed<K>, V> backwardFetch(K keyFrom, K keyTo, Instant timeFrom, Instant timeTo)
            throws IllegalArgumentException {
        return backwardFetch(keyFrom, keyTo, InstantConversion.toEpochMillis(timeFrom, "timeFrom"),
                InstantConversion.toEpochMillis(timeTo, "timeTo"));
    }

    /**
     * Iterates over the windows of all keys whose start is in {@code [timeFrom, timeTo]}.
     *
     * @param timeFrom the earliest window start
     * @param timeTo the latest window start
     * @return an iterator to close
     */
    KeyValueIterator<Windowed<K>, V> fetchAll(long timeFrom, long timeTo);

    @Override
    default KeyValueIterator<Windowed<K>, V> fetchAll(Instant timeFrom, Instant timeTo)
            throws IllegalArgumentException {
        return fetchAll(InstantConversion.toEpochMillis(timeFrom, "timeFrom"),
                InstantConversion.toEpochMillis(timeTo, "timeTo"));
    }

    /**
     * Like {@link #fetchAll(long, long)}, in reverse order.
     *
     * @param timeFrom the earliest window start
     * @param timeTo the latest window start
     * @return an iterator to close
     * @throws UnsupportedOperationException by default
     */
    default KeyValueIterator<Windowed<K>, V> backwardFetchAll(long timeFrom, long timeTo) {
        throw InstantConversion.unsupported("backwardFetchAll", this);
    }

    @Override
    default KeyValueIterator<Windowed<K>, V> backwardFetchAll(Instant timeFrom, Instant timeTo)
            throws IllegalArgumentException {
        return backwardFetchAll(InstantConversion.toEpochMillis(timeFrom, "timeFrom"),
                InstantConversion.toEpochMillis(timeTo, "timeTo"));
    }
}
