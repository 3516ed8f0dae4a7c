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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A bounded key-value store over serialized keys and values that evicts the least recently used key when a put
 * would exceed {@code maxCacheSize} entries ({@link #get} and {@link #put} count as uses), as Kafka Streams'
 * {@code Stores.lruMap} store does. A listener can be told about each eviction (the changelogging layer turns
 * evictions into deletes).
 *
 * <p>Range queries, {@link #all()} and prefix scans copy the content into a sorted snapshot first, so they cost
 * O(n log n) and iterate over the content at the time of the call; they do not count as uses. Prefix scans
 * return exactly the keys with the prefix (see {@link PrefixBound} for where Kafka's store differs). Not
 * persistent.
 * Thread-safety: every method is synchronized on the store.
 */
public class MemoryLRUCache implements KeyValueStore<Bytes, byte[]> {

    /** Told about each entry evicted to respect the size bound. */
    public interface EldestEntryRemovalListener {

        /**
         * Reacts to an eviction.
         *
         * @param key the evicted key
         * @param value its value
         */
        void apply(Bytes key, byte[] value);
    }

    private final String name;
    private final int maxCacheSize;
    private final Map<Bytes, byte[]> map;
    private final Position position = Position.emptyPosition();
    private volatile boolean open;
    private StateStoreContext context;
    private EldestEntryRemovalListener listener;

    /**
     * Creates an empty, closed cache.
     *
     * @param name the store name
     * @param maxCacheSize the maximum number of entries, at least 0
     */
    public MemoryLRUCache(String name, int maxCacheSize) {
        this.name = name;
        this.maxCacheSize = maxCacheSize;
        this.map = new LinkedHashMap<>(maxCacheSize + 1, 1.01f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Bytes, byte[]> eldest) {
                boolean evict = size() > MemoryLRUCache.this.maxCacheSize;
                if (evict && listener != null) {
                    listener.apply(eldest.getKey(), eldest.getValue());
                }
                return evict;
            }
        };
    }

    /**
     * Sets the listener told about evictions.
     *
     * @param listener the listener, or null for none
     */
    public synchronized void setWhenEldestRemoved(EldestEntryRemovalListener listener) {
        this.listener = listener;
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
            put(Bytes.wrap(record.key), record.value);
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
     * Answers {@link dev.millrace.streams.query.KeyQuery} (which counts as a use of the key, like {@link #get})
     * and {@link dev.millrace.streams.query.RangeQuery} over bytes, as described in {@link StoreQueries}, under
     * the store's monitor.
     */
    @Override
    public synchronized <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return StoreQueries.queryKeyValueStore(query, positionBound, config, this, position, context);
    }

    @Override
    public synchronized byte[] get(Bytes key) {
        Objects.requireNonNull(key, "reason=nullKey");
        return map.get(key);
    }

    @Override
    public synchronized void put(Bytes key, byte[] value) {
        Objects.requireNonNull(key, "reason=nullKey");
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
        StorePositions.update(position, context);
    }

    @Override
    public synchronized byte[] putIfAbsent(Bytes key, byte[] value) {
        byte[] existing = get(key);
        if (existing == null) {
            put(key, value);
        }
        return existing;
    }

    @Override
    public synchronized void putAll(List<KeyValue<Bytes, byte[]>> entries) {
        for (KeyValue<Bytes, byte[]> entry : entries) {
            put(entry.key, entry.value);
        }
    }

    @Override
    public synchronized byte[] delete(Bytes key) {
        Objects.requireNonNull(key, "reason=nullKey");
        StorePositions.update(position, context);
        return map.remove(key);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        return snapshotIterator(from, to, true);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
        return snapshotIterator(from, to, false);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> all() {
        return snapshotIterator(null, null, true);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseAll() {
        return snapshotIterator(null, null, false);
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<Bytes, byte[]> prefixScan(P prefix, PS prefixKeySerializer) {
        Bytes from = Bytes.wrap(prefixKeySerializer.serialize(null, prefix));
        Bytes to = PrefixBound.upperExclusive(from);
        TreeMap<Bytes, byte[]> snapshot = snapshot();
        NavigableMap<Bytes, byte[]> view = to == null
                ? snapshot.tailMap(from, true) : snapshot.subMap(from, true, to, false);
        return iteratorOver(snapshot, new ArrayList<>(view.navigableKeySet()));
    }

    private KeyValueIterator<Bytes, byte[]> snapshotIterator(Bytes from, Bytes to, boolean forward) {
        if (InvalidRangeWarning.isInverted(name, from, to)) {
            return KeyValueIterators.emptyIterator();
        }
        TreeMap<Bytes, byte[]> snapshot = snapshot();
        NavigableMap<Bytes, byte[]> view = snapshot;
        if (from != null && to != null) {
            view = snapshot.subMap(from, true, to, true);
        } else if (from != null) {
            view = snapshot.tailMap(from, true);
        } else if (to != null) {
            view = snapshot.headMap(to, true);
        }
        return iteratorOver(snapshot, new ArrayList<>(forward ? view.navigableKeySet() : view.descendingKeySet()));
    }

    private synchronized TreeMap<Bytes, byte[]> snapshot() {
        return new TreeMap<>(map);
    }

    private KeyValueIterator<Bytes, byte[]> iteratorOver(TreeMap<Bytes, byte[]> snapshot, List<Bytes> keys) {
        return new SnapshotKeyIterator<>(name, keys) {
            @Override
            protected byte[] lookUp(Bytes key) {
                return snapshot.get(key);
            }
        };
    }

    @Override
    public synchronized long approximateNumEntries() {
        return map.size();
    }

    /**
     * Returns the number of entries.
     *
     * @return the exact size
     */
    public synchronized int size() {
        return map.size();
    }

    @Override
    public void close() {
        open = false;
    }

    @Override
    public String toString() {
        return "MemoryLRUCache{name=" + name + ", maxCacheSize=" + maxCacheSize + '}';
    }
}
