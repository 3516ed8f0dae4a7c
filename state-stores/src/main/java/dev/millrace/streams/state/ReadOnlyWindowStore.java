package dev.millrace.streams.state;

import dev.millrace.streams.kstream.Windowed;

import java.time.Instant;

/**
 * Read access to a window store: values stored per key and window start timestamp. Time ranges are inclusive
 * and select windows by their start. Results are ordered by window start, then by serialized key (unsigned
 * lexicographic); backward variants reverse that order. Windows older than the retention period are not
 * returned. Iterators must be closed.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface ReadOnlyWindowStore<K, V> {

    /**
     * Returns the value of a key in the window starting at {@code time}.
     *
     * @param key the key, not null
     * @param time the window start
     * @return the value, or null if absent or expired
     */
    V fetch(K key, long time);

    /**
     * Iterates over the windows of a key whose start is in {@code [timeFrom, timeTo]}, oldest first.
     *
     * @param key the key, not null
     * @param timeFrom the earliest window start
     * @param timeTo the latest window start
     * @return an iterator keyed by window start, to close
     * @throws IllegalArgumentException if an instant does not fit in milliseconds
     */
    WindowStoreIterator<V> fetch(K key, Instant timeFrom, Instant timeTo) throws IllegalArgumentException;

    /**
     * Like {@link #fetch(Object, Instant, Instant)}, newest first.
     *
     * @param key the key, not null
     * @param timeFrom the earliest window start
     * @param timeTo the latest window start
     * @return an iterator keyed by window start, to close
     * @throws UnsupportedOperationException by default
     */
    default WindowStoreIterator<V> backwardFetch(K key, Instant timeFrom, Instant timeTo)
            throws IllegalArgumentException {
        throw InstantConversion.unsupported("backwardFetch", this);
    }

    /**
     * Iterates over the windows of the keys in {@code [keyFrom, keyTo]} whose start is in {@code [timeFrom, timeTo]}.
     *
     * @param keyFrom the lowest key, or null for no lower bound
     * @param keyTo the highest key, or null for no upper bound
     * @param timeFrom the earliest window start
     * @param timeTo the latest window start
     * @return an iterator to close
     * @throws IllegalArgumentException if an instant does not fit in milliseconds
     */
    KeyValueIterator<Windowed<K>, V> fetch(K keyFrom, K keyTo, Instant timeFrom, Instant timeTo)
            throws IllegalArgumentException;

    /**
     * Like {@link #fetch(Object, Object, Instant, Instant)}, in reverse order.
     *
     * @param keyFrom the lowest key, or null for no lower bound
     * @param keyTo the highest key, or null for no upper bound
     * @param timeFrom the earliest window start
     * @param timeTo the latest window start
     * @return an iterator to close
     * @throws UnsupportedOperationException by default
     */
    default KeyValueIterator<Windowed<K>, V> backwardFetch(K keyFrom, K keyTo, Instant timeFrom, Instant timeTo)
            throws IllegalArgumentException {
        throw InstantConversion.unsupported("backwardFetch", this);
    }

    /**
     * Iterates over every stored window.
     *
     * @return an iterator to close
     */
    KeyValueIterator<Windowed<K>, V> all();

    /**
     * Like {@link #all()}, in reverse order.
     *
     * @return an iterator to close
     * @throws UnsupportedOperationException by default
     */
    default KeyValueIterator<Windowed<K>, V> backwardAll() {
        throw InstantConversion.unsupported("backwardAll", this);
    }

    /**
     * Iterates over the windows of all keys whose start is in {@code [timeFrom, timeTo]}.
     *
     * @param timeFrom the earliest window start
     * @param timeTo the latest window start
     * @return an iterator to close
     * @throws IllegalArgumentException if an instant does not fit in milliseconds
     */
    KeyValueIterator<Windowed<K>, V> fetchAll(Instant timeFrom, Instant timeTo) throws IllegalArgumentException;

    /**
     * Like {@link #fetchAll(Instant, Instant)}, in reverse order.
     *
     * @param timeFrom the earliest window start
     * @param timeTo the latest window start
     * @return an iterator to close
     * @throws UnsupportedOperationException by default
     */
    default KeyValueIterator<Windowed<K>, V> backwardFetchAll(Instant timeFrom, Instant timeTo)
            throws IllegalArgumentException {
        throw InstantConversion.unsupported("backwardFetchAll", this);
    }
}
