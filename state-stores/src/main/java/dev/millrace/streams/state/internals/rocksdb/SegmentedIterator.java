package dev.millrace.streams.state.internals.rocksdb;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.rocksdb.ColumnFamilyHandle;

/**
 * Entries of several segments in turn, each between the same key bounds, keeping those the filter accepts:
 * segment by segment (ascending or descending), and within a segment in stored-key order. A segment's native
 * iterator is opened when the previous one is exhausted. Confined to one thread.
 */
final class SegmentedIterator implements RocksDbIterator {
    private final RocksDbDatabase database;
    private final Iterator<ColumnFamilyHandle> segments;
    private final byte[] lower;
    private final byte[] upper;
    private final boolean forward;
    private final Predicate<byte[]> filter;
    private final Consumer<SegmentedIterator> onClose;
    private RocksDbIterator current;
    private RocksDbEntry pending;
    private boolean closed;

    SegmentedIterator(RocksDbDatabase database, List<ColumnFamilyHandle> segments, byte[] lower, byte[] upper,
                      boolean forward, Predicate<byte[]> filter, Consumer<SegmentedIterator> onClose) {
        this.database = database;
        this.segments = segments.iterator();
        this.lower = lower;
        this.upper = upper;
        this.forward = forward;
        this.filter = filter;
        this.onClose = onClose;
    }

    @Override
    public boolean hasNext() {
        if (closed) {
            throw new RocksDbStoreException("iterator is closed store=" + database.name());
        }
        while (pending == null) {
            if (current != null && current.hasNext()) {
                RocksDbEntry entry = current.next();
                if (filter.test(entry.key())) {
                    pending = entry;
                }
            } else {
                if (current != null) {
                    current.close();
                    current = null;
                }
                if (!segments.hasNext()) {
                    return false;
                }
                current = database.iterator(segments.next(), lower, upper, null, forward);
            }
        }
        return true;
    }

    @Override
    public RocksDbEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more entries store=" + database.name());
        }
        RocksDbEntry entry = pending;
        pending = null;
        return entry;
    }

    @Override
    public byte[] peekNextKey() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more entries store=" + database.name());
        }
        return pending.key().clone();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pending = null;
        if (current != null) {
            current.close();
            current = null;
        }
        onClose.accept(this);
    }
}
