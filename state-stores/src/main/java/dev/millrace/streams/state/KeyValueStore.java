package dev.millrace.streams.state;

import dev.millrace.streams.KeyValue;
import dev.millrace.streams.processor.StateStore;

import java.util.List;

/**
 * A key-value store: read access plus writes. Putting a null value deletes the key. Writes come from the owning
 * stream thread.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface KeyValueStore<K, V> extends StateStore, ReadOnlyKeyValueStore<K, V> {

    /**
     * Sets the value of a key; a null value deletes it.
     *
     * @param key the key, not null
     * @param value the value, or null to delete
     */
    void put(K key, V value);

    /**
     * Sets the value of a key only if the key is absent.
     *
     * @param key the key, not null
     * @param value the value
     * @return the existing value (and nothing is written), or null if the key was absent
     */
    V putIfAbsent(K key, V value);

    /**
     * Applies a list of puts in order.
     *
     * @param entries the pairs; a null value deletes its key
     */
    void putAll(List<KeyValue<K, V>> entries);

    /**
     * Deletes a key.
     *
     * @param key the key, not null
     * @return the value it had, or null if it was absent
     */
    V delete(K key);
}
