package dev.millrace.streams.state.internals.rocksdb;

import java.io.Closeable;
import java.util.Iterator;

/**
 * An ordered iterator over engine entries that holds native resources and must be closed.
 *
 * <p>Iterators belong to the thread that opened them. They tolerate writes to the engine while open, as Kafka
 * Streams' iterators do: a non-transactional iterator reads the database as it was when it was opened; a
 * transactional iterator follows the uncommitted overlay and may or may not see writes made after it was
 * opened, but never fails because of them and never returns a key twice. Closing the engine closes its open
 * iterators; using a closed iterator throws {@link RocksDbStoreException}.
 */
public interface RocksDbIterator extends Iterator<RocksDbEntry>, Closeable {

    /**
     * Returns the key of the entry {@link #next()} would return, without consuming it.
     *
     * @return the next key
     * @throws java.util.NoSuchElementException if there is no next entry
     */
    byte[] peekNextKey();

    /** Releases the native iterator. Closing twice has no effect. */
    @Override
    void close();
}
