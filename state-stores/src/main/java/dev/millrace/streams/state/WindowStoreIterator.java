package dev.millrace.streams.state;

import java.io.Closeable;

/**
 * Iterates over the windows of one key: the key of each pair is the window start timestamp in milliseconds.
 * Must be closed; not thread-safe.
 *
 * @param <V> the value type
 */
public interface WindowStoreIterator<V> extends KeyValueIterator<Long, V>, Closeable {

    @Override
    void close();
}
