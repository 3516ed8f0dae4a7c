package dev.millrace.streams.state.internals.rocksdb;

import java.util.ArrayDeque;
import java.util.NoSuchElementException;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * An iterator over one column family between inclusive bounds, forward or backward, optionally limited to keys
 * with a prefix. Reads the transactional overlay merged with the database when the database has one.
 *
 * <p>The native iterator always rests on the last key already copied out, so a write to the overlay never
 * changes the entry under it while it is used: when the database reports a modification since the last
 * native call, the iterator is re-created and re-positioned just past that key. The next entry is copied
 * eagerly by {@link #hasNext()}, as Kafka's iterators do.
 *
 * <p>Without an overlay nothing invalidates the native iterator (it reads the snapshot it was created on, as
 * Kafka's do), so entries are copied out in batches under one lock acquisition: 1, 2, 4, ... up to
 * {@value #MAX_BATCH} at a time, so that a point-like range still copies one entry and a long one takes the lock
 * once per {@value #MAX_BATCH} entries instead of once per entry. With an overlay the batch stays at one, so a
 * write made while iterating is seen from the next entry on. Confined to one thread; native calls hold the
 * database lock.
 */
final class ColumnFamilyIterator implements RocksDbIterator {
    static final int MAX_BATCH = 64;

    private final RocksDbDatabase database;
    private final ColumnFamilyHandle column;
    private final byte[] from;
    private final byte[] to;
    private final byte[] prefix;
    private final boolean forward;
    private RocksIterator nativeIterator;
    private long seenModifications;
    private byte[] lastKey;
    private RocksDbEntry pending;
    private final ArrayDeque<RocksDbEntry> copied = new ArrayDeque<>();
    private final int maxBatch;
    private int batch = 1;
    private boolean exhausted;
    private boolean closed;

    ColumnFamilyIterator(RocksDbDatabase database, ColumnFamilyHandle column, byte[] from, byte[] to, byte[] prefix,
                         boolean forward) {
        this.database = database;
        this.column = column;
        this.from = from;
        this.to = to;
        this.prefix = prefix;
        this.forward = forward;
        this.exhausted = from != null && to != null && UnsignedBytes.compare(from, to) > 0;
        this.maxBatch = database.transactional() ? 1 : MAX_BATCH;
    }

    @Override
    public boolean hasNext() {
        if (closed) {
            throw new RocksDbStoreException("iterator is closed store=" + database.name());
        }
        if (pending == null) {
            pending = copied.poll();
        }
        if (pending == null && !exhausted) {
            synchronized (database) {
                for (int i = 0; i < batch && !exhausted; i++) {
                    advance();
                }
            }
            batch = Math.min(batch * 2, maxBatch);
            pending = copied.poll();
        }
        return pending != null;
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

    private void advance() {
        database.checkOpen();
        if (nativeIterator == null) {
            nativeIterator = database.nativeIterator(column);
            seenModifications = database.modifications();
            if (lastKey == null) {
                seekStart();
            } else {
                seekPast(lastKey);
            }
        } else if (seenModifications != database.modifications()) {
            nativeIterator.close();
            nativeIterator = null;
            advance();
            return;
        } else {
            step();
        }
        read();
    }

    private void seekStart() {
        if (forward) {
            byte[] start = from != null ? from : prefix;
            if (start == null) {
                nativeIterator.seekToFirst();
            } else {
                nativeIterator.seek(start);
            }
        } else if (to != null) {
            nativeIterator.seekForPrev(to);
        } else {
            nativeIterator.seekToLast();
        }
    }

    private void seekPast(byte[] key) {
        if (forward) {
            nativeIterator.seek(key);
        } else {
            nativeIterator.seekForPrev(key);
        }
        if (nativeIterator.isValid() && UnsignedBytes.compare(nativeIterator.key(), key) == 0) {
            step();
        }
    }

    private void step() {
        if (forward) {
            nativeIterator.next();
        } else {
            nativeIterator.prev();
        }
    }

    private void read() {
        if (!nativeIterator.isValid()) {
            checkStatus();
            finish();
            return;
        }
        byte[] key = nativeIterator.key();
        if (outOfBounds(key)) {
            finish();
            return;
        }
        lastKey = key;
        copied.add(new RocksDbEntry(key, nativeIterator.value()));
    }

    private boolean outOfBounds(byte[] key) {
        if (forward) {
            return (to != null && UnsignedBytes.compare(key, to) > 0)
                    || (prefix != null && !UnsignedBytes.startsWith(key, prefix));
        }
        return from != null && UnsignedBytes.compare(key, from) < 0;
    }

    private void checkStatus() {
        try {
            nativeIterator.status();
        } catch (RocksDBException e) {
            throw database.failure("iterate", e);
        }
    }

    private void finish() {
        exhausted = true;
        releaseNative();
    }

    private void releaseNative() {
        if (nativeIterator != null) {
            synchronized (database) {
                nativeIterator.close();
            }
            nativeIterator = null;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pending = null;
        copied.clear();
        releaseNative();
        database.iteratorClosed(this);
    }
}
