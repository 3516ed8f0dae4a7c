package dev.millrace.streams.state;

import dev.millrace.streams.KeyValue;

import java.io.Closeable;
import java.util.Iterator;

/**
 * Iterates over key-value pairs of a store in the order the query defines (for range queries, the unsigned
 * lexicographic order of the serialized keys, or its reverse). Iterators hold resources and must be closed;
 * after {@link #close()} they must not be used. Not thread-safe.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface KeyValueIterator<K, V> extends Iterator<KeyValue<K, V>>, Closeable {

    /** Releases the resources of the iterator; never throws a checked exception. */
    @Override
    void close();

    /**
     * Returns the key of the next pair without moving forward.
     *
     * @return the next key
     * @throws java.util.NoSuchElementException if there is no next pair
     */
    K peekNextKey();
}
