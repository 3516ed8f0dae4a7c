package dev.millrace.streams.state.internals;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.query.Position;
import dev.millrace.streams.query.PositionBound;
import dev.millrace.streams.query.Query;
import dev.millrace.streams.query.QueryConfig;
import dev.millrace.streams.query.QueryResult;
import dev.millrace.streams.query.ResultOrder;
import dev.millrace.streams.state.VersionedKeyValueStore;
import dev.millrace.streams.state.VersionedRecord;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A versioned key-value store over serialized keys and values held in memory (beyond Kafka Streams, which only
 * has a RocksDB versioned store), with the semantics of Kafka Streams' RocksDB versioned store:
 *
 * <ul>
 *   <li>The observed stream time is the largest timestamp put or deleted (initially -1); the
 *       grace period equals the history retention, so a put or delete with
 *       {@code timestamp < observed - historyRetention} is refused ({@link #PUT_RETURN_CODE_NOT_PUT}, or null
 *       for a delete) and leaves the store unchanged.</li>
 *   <li>{@link #put} stores a version (a null value is a tombstone) and returns the timestamp of the next later
 *       version, or {@link #PUT_RETURN_CODE_VALID_TO_UNDEFINED} when there is none.</li>
 *   <li>{@link #get(Bytes, long)} with {@code asOf >= observed - historyRetention} returns the version with the
 *       largest timestamp not after {@code asOf} (null for a tombstone), with its end of validity unless it is the
 *       latest; for an older {@code asOf} it returns the latest version only if that is valid at {@code asOf}.</li>
 *   <li>{@link #delete} returns the version valid at its timestamp and writes a tombstone there.</li>
 * </ul>
 *
 * <p>Versions that no read within the history retention can reach (those whose validity ended at or before
 * {@code observed - historyRetention}) are dropped: always for the key written, and for all keys in a sweep that
 * runs once per as many writes as there are keys. Not persistent; synchronized on the store.
 */
public class InMemoryVersionedKeyValueStore implements VersionedKeyValueStore<Bytes, byte[]> {

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryVersionedKeyValueStore.class);
    private static final byte[] TOMBSTONE = new byte[0];

    private final String name;
    private final long historyRetention;
    private final Map<Bytes, TreeMap<Long, byte[]>> versions = new HashMap<>();
    private final Position position = Position.emptyPosition();
    private StateStoreContext context;
    private long observedStreamTime = -1L;
    private long writesSinceSweep;
    private volatile boolean open;

    /**
     * Creates an empty, closed store.
     *
     * @param name the store name
     * @param historyRetention how far back in stream time reads as of a timestamp are answered, in milliseconds
     */
    public InMemoryVersionedKeyValueStore(String name, long historyRetention) {
        this.name = name;
        this.historyRetention = historyRetention;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        this.context = context;
        if (root != null) {
            context.register(root, (VersionedRestoreCallback) (key, value, timestamp) -> {
                synchronized (this) {
                    put(Bytes.wrap(key), value, timestamp);
                }
            });
        }
        open = true;
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

    private long bound() {
        return observedStreamTime - historyRetention;
    }

    @Override
    public synchronized long put(Bytes key, byte[] value, long timestamp) {
        Objects.requireNonNull(key, "reason=nullKey");
        if (timestamp < bound()) {
            LOG.warn("Skipping record for expired put: store={} timestamp={} "
                    + "observedStreamTime={}", name, timestamp, observedStreamTime);
            StorePositions.update(position, context);
            return PUT_RETURN_CODE_NOT_PUT;
        }
        observedStreamTime = Math.max(observedStreamTime, timestamp);
        long validTo = write(key, value, timestamp);
        StorePositions.update(position, context);
        return validTo;
    }

    @Override
    public synchronized VersionedRecord<byte[]> delete(Bytes key, long timestamp) {
        Objects.requireNonNull(key, "reason=nullKey");
        if (timestamp < bound()) {
            LOG.warn("Skipping record for expired delete: store={} timestamp={} "
                    + "observedStreamTime={}", name, timestamp, observedStreamTime);
            return null;
        }
        VersionedRecord<byte[]> existing = get(key, timestamp);
        observedStreamTime = Math.max(observedStreamTime, timestamp);
        write(key, null, timestamp);
        StorePositions.update(position, context);
        return existing;
    }

    private long write(Bytes key, byte[] value, long timestamp) {
        TreeMap<Long, byte[]> history = versions.computeIfAbsent(key, k -> new TreeMap<>());
        history.put(timestamp, value == null ? TOMBSTONE : value);
        Long next = history.higherKey(timestamp);
        dropUnreachable(key, history);
        if (++writesSinceSweep >= versions.size()) {
            sweep();
        }
        return next == null ? PUT_RETURN_CODE_VALID_TO_UNDEFINED : next;
    }

    @Override
    public synchronized VersionedRecord<byte[]> get(Bytes key) {
        Objects.requireNonNull(key, "reason=nullKey");
        TreeMap<Long, byte[]> history = versions.get(key);
        if (history == null) {
            return null;
        }
        Map.Entry<Long, byte[]> latest = history.lastEntry();
        return latest.getValue() == TOMBSTONE ? null : new VersionedRecord<>(latest.getValue(), latest.getKey());
    }

    @Override
    public synchronized VersionedRecord<byte[]> get(Bytes key, long asOfTimestamp) {
        Objects.requireNonNull(key, "reason=nullKey");
        TreeMap<Long, byte[]> history = versions.get(key);
        if (asOfTimestamp < bound()) {
            VersionedRecord<byte[]> latest = get(key);
            if (latest != null && latest.timestamp() <= asOfTimestamp) {
                return latest;
            }
            LOG.debug("Returning null for expired get: store={} asOf={}",
                    name, asOfTimestamp);
            return null;
        }
        if (history == null) {
            return null;
        }
        Map.Entry<Long, byte[]> found = history.floorEntry(asOfTimestamp);
        if (found == null || found.getValue() == TOMBSTONE) {
            return null;
        }
        Long validTo = history.higherKey(found.getKey());
        return validTo == null
                ? new VersionedRecord<>(found.getValue(), found.getKey())
                : new VersionedRecord<>(found.getValue(), found.getKey(), validTo);
    }

    /**
     * Returns the versions of {@code key} valid at some point of {@code [fromTimestamp, toTimestamp]}, as selected
     * by {@link ListVersionedRecordIterator#select}; they are copied out, so later writes do not show.
     *
     * @param key the key
     * @param fromTimestamp the start of the range
     * @param toTimestamp the end of the range
     * @param order the order of timestamps
     * @return the versions
     */
    synchronized ListVersionedRecordIterator<byte[]> get(Bytes key, long fromTimestamp, long toTimestamp,
                                                         ResultOrder order) {
        Objects.requireNonNull(key, "reason=nullKey");
        TreeMap<Long, byte[]> history = new TreeMap<>();
        TreeMap<Long, byte[]> stored = versions.get(key);
        if (stored != null) {
            stored.forEach((timestamp, value) -> history.put(timestamp, value == TOMBSTONE ? null : value));
        }
        return ListVersionedRecordIterator.select(history, bound(), fromTimestamp, toTimestamp, order);
    }

    /**
     * Answers {@link dev.millrace.streams.query.VersionedKeyQuery} and
     * {@link dev.millrace.streams.query.MultiVersionedKeyQuery} over bytes, as described in {@link StoreQueries},
     * under the store's monitor.
     */
    @Override
    public synchronized <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return StoreQueries.queryVersionedStore(query, positionBound, config, this, this::get, position, context);
    }

    private void dropUnreachable(Bytes key, TreeMap<Long, byte[]> history) {
        long bound = bound();
        Long reachableFrom = history.floorKey(bound);
        if (reachableFrom != null) {
            history.headMap(reachableFrom, false).clear();
        }
        if (history.size() == 1 && history.firstEntry().getValue() == TOMBSTONE && history.firstKey() < bound) {
            versions.remove(key);
        }
    }

    private void sweep() {
        writesSinceSweep = 0;
        Iterator<Map.Entry<Bytes, TreeMap<Long, byte[]>>> entries = versions.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<Bytes, TreeMap<Long, byte[]>> entry = entries.next();
            NavigableMap<Long, byte[]> history = entry.getValue();
            Long reachableFrom = history.floorKey(bound());
            if (reachableFrom != null) {
                history.headMap(reachableFrom, false).clear();
            }
            if (history.size() == 1 && history.firstEntry().getValue() == TOMBSTONE && history.firstKey() < bound()) {
                entries.remove();
            }
        }
    }

    /**
     * Returns the number of versions held, tombstones included.
     *
     * @return the count
     */
    synchronized long numVersions() {
        return versions.values().stream().mapToLong(Map::size).sum();
    }

    @Override
    public synchronized void close() {
        versions.clear();
        open = false;
    }

    @Override
    public String toString() {
        return "InMemoryVersionedKeyValueStore{name=" + name + ", historyRetention=" + historyRetention + '}';
    }
}
