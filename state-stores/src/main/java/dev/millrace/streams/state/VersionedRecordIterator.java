package dev.millrace.streams.state;

import java.io.Closeable;
import java.util.Iterator;

/**
 * An iterator over the versions of one key returned by a multi-version query. It must be closed when done; it
 * belongs to the thread that obtained it.
 *
 * @param <V> the value type
 */
public interface VersionedRecordIterator<V> extends Iterator<VersionedRecord<V>>, Closeable {

    /** Releases the resources of the iterator; it cannot be used afterwards. Never throws a checked exception. */
    @Override
    void close();
}
