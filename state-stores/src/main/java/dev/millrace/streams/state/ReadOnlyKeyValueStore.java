package dev.millrace.streams.state;

import dev.millrace.common.serialization.Serializer;

/**
 * Read access to a key-value store. Keys are ordered by their serialized bytes, compared as unsigned bytes
 * lexicographically (a proper prefix first), so range results follow that order, not the order of the key type.
 * A range whose lower bound is greater than its upper bound is empty. Iterators must be closed.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface ReadOnlyKeyValueStore<K, V> {

    /**
     * Returns the value of a key.
     *
     * @param key the key, not null
     * @return the value, or null if the key is absent
     */
    V get(K key);

    /**
     * Iterates over the keys in {@code [from, to]} in ascending order.
     *
     * @param from the inclusive lower bound, or null for no lower bound
     * @param to the inclusive upper bound, or null for no upper bound
     * @return an iterator to close
     */
    KeyValueIterator<K, V> range(K from, K to);

    /**
     * Iterates over the keys in {@code [from, to]} in descending order.
     *
     * @param from the inclusive lower bound, or null for no lower bound
     * @param to the inclusive upper bound, or null for no upper bound
     * @return an iterator to close
     * @throws UnsupportedOperationException by default
     */
    default KeyValueIterator<K, V> reverseRange(K from, K to) {
        throw InstantConversion.unsupported("reverseRange", this);
    }

    /**
     * Iterates over all keys in ascending order.
     *
     * @return an iterator to close
     */
    KeyValueIterator<K, V> all();

    /**
     * Iterates over all keys in descending order.
     *
     * @return an iterator to close
     * @throws UnsupportedOperationException by default
     */
    default KeyValueIterator<K, V> reverseAll() {
        throw InstantConversion.unsupported("reverseAll", this);
    }

    /**
     * Iterates in ascending order over the keys whose serialized form starts with the serialized prefix.
     *
     * @param prefix the prefix, not null
     * @param prefixKeySerializer serializes the prefix
     * @param <PS> the serializer type
     * @param <P> the prefix type
     * @return an iterator to close
     * @throws UnsupportedOperationException by default
     */
    default <PS extends Serializer<P>, P> KeyValueIterator<K, V> prefixScan(P prefix, PS prefixKeySerializer) {
        throw InstantConversion.unsupported("prefixScan", this);
    }

    /**
     * Returns an estimate of the number of keys.
     *
     * @return the estimate, at least 0
     */
    long approximateNumEntries();
}
