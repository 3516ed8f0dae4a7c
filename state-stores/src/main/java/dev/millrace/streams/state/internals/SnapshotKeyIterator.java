package dev.millrace.streams.state.internals;

import dev.millrace.streams.KeyValue;
import dev.millrace.streams.state.KeyValueIterator;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Iterates over a fixed list of keys taken when the iterator was created, looking each value up when the key is
 * reached and skipping keys whose value is gone. Using it after {@link #close()} throws
 * {@link IllegalStateException}. Not thread-safe; safe against concurrent writes to the store if
 * {@link #lookUp} is.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
abstract class SnapshotKeyIterator<K, V> implements KeyValueIterator<K, V> {

    private final String storeName;
    private final Iterator<K> keys;
    private KeyValue<K, V> next;
    private boolean open = true;

    SnapshotKeyIterator(String storeName, List<K> keys) {
        this.storeName = storeName;
        this.keys = keys.iterator();
    }

    /**
     * Returns the current value of a key.
     *
     * @param key the key
     * @return the value, or null if the key is gone
     */
    protected abstract V lookUp(K key);

    @Override
    public boolean hasNext() {
        if (!open) {
            throw new IllegalStateException("reason=iteratorClosed store=" + storeName);
        }
        while (next == null && keys.hasNext()) {
            K key = keys.next();
            V value = lookUp(key);
            if (value != null) {
                next = new KeyValue<>(key, value);
            }
        }
        return next != null;
    }

    @Override
    public KeyValue<K, V> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("reason=iteratorExhausted store=" + storeName);
        }
        KeyValue<K, V> result = next;
        next = null;
        return result;
    }

    @Override
    public K peekNextKey() {
        if (!hasNext()) {
            throw new NoSuchElementException("reason=iteratorExhausted store=" + storeName);
        }
        return next.key;
    }

    @Override
    public void close() {
        open = false;
        next = null;
    }
}
