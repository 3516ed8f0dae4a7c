package dev.millrace.streams.state.internals;

import dev.millrace.common.serialization.Serializer;
import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.processor.BatchingStateRestoreCallback;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.query.Position;
import dev.millrace.streams.query.PositionBound;
import dev.millrace.streams.query.Query;
import dev.millrace.streams.query.QueryConfig;
import dev.millrace.streams.query.QueryResult;
import dev.millrace.streams.state.KeyValueIterator;
import dev.millrace.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A key-value store over serialized keys and values held in a sorted map, with Kafka Streams' in-memory
 * semantics: keys ordered by unsigned lexicographic byte order; a null value deletes; an inverted range is empty
 * (with a warning); iterators see the keys present when they were created, in order, with the values current
 * when they reach them, and skip the keys deleted meanwhile. Not persistent: {@link #close()} drops the content.
 *
 * <p>Thread-safety: every method is synchronized on the store, so interactive queries may read while the stream
 * thread writes; iterators are safe against concurrent writes.
 *
 * <p>Prefix scans return exactly the keys that start with the prefix. Kafka's in-memory store differs on prefixes
 * ending in {@code 0xFF}: it throws {@link IndexOutOfBoundsException} when the prefix is empty or all
 * {@code 0xFF}, and otherwise also returns some keys just above the prefix range (see {@link PrefixBound}).
 */
public class InMemoryKeyValueStore implements KeyValueStore<Bytes, byte[]> {

    private final String name;
    private final NavigableMap<Bytes, byte[]> map = new TreeMap<>();
    private final Position position = Position.emptyPosition();
    private volatile boolean open;
    private StateStoreContext context;

    /**
     * Creates an empty, closed store.
     *
     * @param name the store name
     */
    public InMemoryKeyValueStore(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        this.context = context;
        if (root != null) {
            context.register(root, (BatchingStateRestoreCallback) this::restoreAll);
        }
        open = true;
    }

    private synchronized void restoreAll(Collection<KeyValue<byte[], byte[]>> records) {
        for (KeyValue<byte[], byte[]> record : records) {
            write(Bytes.wrap(record.key), record.value);
        }
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public Position getPosition() {
        return position;
    }

    /**
     * Answers {@link dev.millrace.streams.query.KeyQuery} and {@link dev.millrace.streams.query.RangeQuery} over
     * bytes, as described in {@link StoreQueries}, under the store's monitor.
     */
    @Override
    public synchronized <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return StoreQueries.queryKeyValueStore(query, positionBound, config, this, position, context);
    }

    @Override
    public synchronized byte[] get(Bytes key) {
        return map.get(key);
    }

    @Override
    public synchronized void put(Bytes key, byte[] value) {
        write(key, value);
    }

    @Override
    public synchronized byte[] putIfAbsent(Bytes key, byte[] value) {
        byte[] existing = map.get(key);
        if (existing == null) {
            write(key, value);
        }
        return existing;
    }

    @Override
    public synchronized void putAll(List<KeyValue<Bytes, byte[]>> entries) {
        for (KeyValue<Bytes, byte[]> entry : entries) {
            write(entry.key, entry.value);
        }
    }

    @Override
    public synchronized byte[] delete(Bytes key) {
        byte[] previous = map.remove(key);
        StorePositions.update(position, context);
        return previous;
    }

    private void write(Bytes key, byte[] value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
        StorePositions.update(position, context);
    }

    @Override
    public synchronized KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        return iterator(from, to, true);
    }

    @Override
    public synchronized KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
        return iterator(from, to, false);
    }

    @Override
    public synchronized KeyValueIterator<Bytes, byte[]> all() {
        return iterator(null, null, true);
    }

    @Override
    public synchronized KeyValueIterator<Bytes, byte[]> reverseAll() {
        return iterator(null, null, false);
    }

    @Override
    public synchronized <PS extends Serializer<P>, P> KeyValueIterator<Bytes, byte[]> prefixScan(
            P prefix, PS prefixKeySerializer) {
        Bytes from = Bytes.wrap(prefixKeySerializer.serialize(null, prefix));
        Bytes to = PrefixBound.upperExclusive(from);
        NavigableMap<Bytes, byte[]> view = to == null ? map.tailMap(from, true) : map.subMap(from, true, to, false);
        return new SnapshotIterator(new ArrayList<>(view.keySet()));
    }

    private KeyValueIterator<Bytes, byte[]> iterator(Bytes from, Bytes to, boolean forward) {
        if (InvalidRangeWarning.isInverted(name, from, to)) {
            return KeyValueIterators.emptyIterator();
        }
        NavigableMap<Bytes, byte[]> view = map;
        if (from != null && to != null) {
            view = map.subMap(from, true, to, true);
        } else if (from != null) {
            view = map.tailMap(from, true);
        } else if (to != null) {
            view = map.headMap(to, true);
        }
        List<Bytes> keys = new ArrayList<>(forward ? view.navigableKeySet() : view.descendingKeySet());
        return new SnapshotIterator(keys);
    }

    @Override
    public long approximateNumEntries() {
        synchronized (this) {
            return map.size();
        }
    }

    @Override
    public synchronized void close() {
        map.clear();
        open = false;
    }

    @Override
    public String toString() {
        return "InMemoryKeyValueStore{name=" + name + '}';
    }

    /** Walks a snapshot of keys, reading each value from the live map when reached; skips deleted keys. */
    private final class SnapshotIterator extends SnapshotKeyIterator<Bytes, byte[]> {

        SnapshotIterator(List<Bytes> keys) {
            super(name, keys);
        }

        @Override
        protected byte[] lookUp(Bytes key) {
            synchronized (InMemoryKeyValueStore.this) {
                return map.get(key);
            }
        }
    }
}
