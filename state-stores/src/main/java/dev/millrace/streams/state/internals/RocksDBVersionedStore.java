package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.errors.InvalidStateStoreException;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.query.PositionBound;
import dev.millrace.streams.query.Query;
import dev.millrace.streams.query.QueryConfig;
import dev.millrace.streams.query.QueryResult;
import dev.millrace.streams.query.ResultOrder;
import dev.millrace.streams.state.VersionedKeyValueStore;
import dev.millrace.streams.state.VersionedRecord;
import dev.millrace.streams.state.internals.rocksdb.RocksDbEntry;
import dev.millrace.streams.state.internals.rocksdb.RocksDbIterator;
import dev.millrace.streams.state.internals.rocksdb.RocksDbKeyValueEngine;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A persistent versioned key-value store with Kafka Streams' semantics, backed by a {@link RocksDbKeyValueEngine}
 * in {@code stateDir/<name>}. Every version is one RocksDB entry keyed {@code key length (int32), key, timestamp
 * (int64, sign bit flipped)}, so the versions of a key are adjacent and in time order; the value is a one-byte
 * tombstone flag followed by the value bytes. The observed stream time lives in a reserved entry, so it is
 * committed atomically with the data.
 *
 * <ul>
 *   <li>{@code put(key, value, timestamp)} with {@code timestamp < observedStreamTime - historyRetention} is
 *       refused ({@link #PUT_RETURN_CODE_NOT_PUT}); otherwise it returns the timestamp of the next newer version,
 *       or {@link #PUT_RETURN_CODE_VALID_TO_UNDEFINED}. A null value writes a tombstone.</li>
 *   <li>{@code delete(key, timestamp)} writes a tombstone and returns the record valid at {@code timestamp}.</li>
 *   <li>{@code get(key, asOf)} below the history bound only answers from the latest version.</li>
 *   <li>History no read can reach is dropped: per key on each write to it, and for all keys by a sweep after
 *       as many writes as the previous sweep found keys (at least 1000).</li>
 * </ul>
 *
 * <p>Offsets (KIP-1035), exactly-once mode, restore (through a {@link VersionedRestoreCallback}, in bulk-load
 * mode), position tracking and configuration are as in {@link RocksDBStore}. The segment interval is recorded
 * but not used: history is not segmented. Methods are synchronized; they throw
 * {@link InvalidStateStoreException} when the store is not open.
 */
public class RocksDBVersionedStore extends RocksDBStateStore<RocksDbKeyValueEngine>
        implements VersionedKeyValueStore<Bytes, byte[]> {

    private static final Logger LOG = LoggerFactory.getLogger(RocksDBVersionedStore.class);
    private static final byte[] STREAM_TIME_KEY = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
    private static final byte TOMBSTONE = 0;
    private static final byte VALUE = 1;
    private static final int MIN_SWEEP_INTERVAL = 1000;

    private final String name;
    private final String metricsScope;
    private final long historyRetention;
    private final long segmentInterval;
    private RocksDbKeyValueEngine engine;
    private long observedStreamTime = -1L;
    private long writesSinceSweep;
    private long keysAtLastSweep;

    /**
     * Creates a closed store.
     *
     * @param name the store name
     * @param metricsScope the metrics scope of its supplier
     * @param historyRetention how far behind stream time reads as of a timestamp are answered, in ms
     * @param segmentInterval Kafka's segment interval for this store, in ms (recorded only)
     */
    public RocksDBVersionedStore(String name, String metricsScope, long historyRetention, long segmentInterval) {
        super(Objects.requireNonNull(name, "reason=nullStoreName"));
        this.name = Objects.requireNonNull(name, "reason=nullStoreName");
        this.metricsScope = metricsScope;
        this.historyRetention = historyRetention;
        this.segmentInterval = segmentInterval;
    }

    @Override
    public String name() {
        return name;
    }

    /** @return the metrics scope this store reports under */
    public String metricsScope() {
        return metricsScope;
    }

    /** @return the history retention in ms */
    public long historyRetention() {
        return historyRetention;
    }

    /** @return the segment interval in ms given at creation */
    public long segmentInterval() {
        return segmentInterval;
    }

    @Override
    public synchronized void init(StateStoreContext context, StateStore root) {
        Path dir = RocksDBStoreConfigs.segmentedDir(context, name);
        lifecycle.open(context, dir,
                () -> RocksDbKeyValueEngine.open(dir, name, null, RocksDBStoreConfigs.engineConfigs(context, name)));
        engine = lifecycle.engine();
        byte[] streamTime = engine.get(STREAM_TIME_KEY);
        observedStreamTime = streamTime == null ? -1L : ByteBuffer.wrap(streamTime).getLong();
        if (root != null) {
            context.register(root, (VersionedRestoreCallback) this::restore);
        }
    }

    private synchronized void restore(byte[] key, byte[] value, long timestamp) {
        lifecycle.forRestore();
        doPut(Bytes.wrap(key), value, timestamp);
    }

    private void validateOpen() {
        lifecycle.validateOpen();
    }

    private void beforeWrite() {
        lifecycle.forWrite();
    }

    private long bound() {
        return observedStreamTime - historyRetention;
    }

    @Override
    public synchronized long put(Bytes key, byte[] value, long timestamp) {
        Objects.requireNonNull(key, "reason=nullKey");
        beforeWrite();
        long validTo = doPut(key, value, timestamp);
        lifecycle.updatePosition();
        return validTo;
    }

    private long doPut(Bytes key, byte[] value, long timestamp) {
        if (timestamp < bound()) {
            LOG.warn("Skipping record for expired put: store={} timestamp={} observedStreamTime={}",
                    name, timestamp, observedStreamTime);
            return PUT_RETURN_CODE_NOT_PUT;
        }
        advanceStreamTime(timestamp);
        return write(key, value, timestamp);
    }

    @Override
    public synchronized VersionedRecord<byte[]> delete(Bytes key, long timestamp) {
        Objects.requireNonNull(key, "reason=nullKey");
        beforeWrite();
        if (timestamp < bound()) {
            LOG.warn("Skipping record for expired delete: store={} timestamp={} observedStreamTime={}",
                    name, timestamp, observedStreamTime);
            return null;
        }
        VersionedRecord<byte[]> existing = get(key, timestamp);
        advanceStreamTime(timestamp);
        write(key, null, timestamp);
        lifecycle.updatePosition();
        return existing;
    }

    private void advanceStreamTime(long timestamp) {
        if (timestamp > observedStreamTime) {
            observedStreamTime = timestamp;
            engine.put(STREAM_TIME_KEY, ByteBuffer.allocate(Long.BYTES).putLong(timestamp).array());
        }
    }

    private long write(Bytes key, byte[] value, long timestamp) {
        byte[] prefix = prefix(key.get());
        engine.put(versionKey(prefix, timestamp), encode(value));
        RocksDbEntry next = timestamp == Long.MAX_VALUE ? null
                : first(engine.range(versionKey(prefix, timestamp + 1), versionKey(prefix, Long.MAX_VALUE)));
        dropUnreachable(prefix);
        if (++writesSinceSweep >= Math.max(MIN_SWEEP_INTERVAL, keysAtLastSweep)) {
            sweep();
        }
        return next == null ? PUT_RETURN_CODE_VALID_TO_UNDEFINED : timestampOf(next.key());
    }

    @Override
    public synchronized VersionedRecord<byte[]> get(Bytes key) {
        Objects.requireNonNull(key, "reason=nullKey");
        validateOpen();
        byte[] prefix = prefix(key.get());
        RocksDbEntry latest = first(engine.reverseRange(versionKey(prefix, Long.MIN_VALUE),
                versionKey(prefix, Long.MAX_VALUE)));
        if (latest == null || latest.value()[0] == TOMBSTONE) {
            return null;
        }
        return new VersionedRecord<>(valueOf(latest), timestampOf(latest.key()));
    }

    @Override
    public synchronized VersionedRecord<byte[]> get(Bytes key, long asOfTimestamp) {
        Objects.requireNonNull(key, "reason=nullKey");
        validateOpen();
        if (asOfTimestamp < bound()) {
            VersionedRecord<byte[]> latest = get(key);
            return latest != null && latest.timestamp() <= asOfTimestamp ? latest : null;
        }
        byte[] prefix = prefix(key.get());
        RocksDbEntry found = first(engine.reverseRange(versionKey(prefix, Long.MIN_VALUE),
                versionKey(prefix, asOfTimestamp)));
        if (found == null || found.value()[0] == TOMBSTONE) {
            return null;
        }
        long timestamp = timestampOf(found.key());
        RocksDbEntry next = timestamp == Long.MAX_VALUE ? null
                : first(engine.range(versionKey(prefix, timestamp + 1), versionKey(prefix, Long.MAX_VALUE)));
        return next == null ? new VersionedRecord<>(valueOf(found), timestamp)
                : new VersionedRecord<>(valueOf(found), timestamp, timestampOf(next.key()));
    }

    /**
     * Returns the versions of {@code key} valid at some point of {@code [fromTimestamp, toTimestamp]}, as selected
     * by {@link ListVersionedRecordIterator#select}; they are copied out, so the iterator holds no RocksDB
     * resource.
     *
     * @param key the key
     * @param fromTimestamp the start of the range
     * @param toTimestamp the end of the range
     * @param order the order of timestamps
     * @return the versions
     * @throws InvalidStateStoreException if the store is not open
     */
    synchronized ListVersionedRecordIterator<byte[]> get(Bytes key, long fromTimestamp, long toTimestamp,
                                                         ResultOrder order) {
        Objects.requireNonNull(key, "reason=nullKey");
        validateOpen();
        byte[] prefix = prefix(key.get());
        TreeMap<Long, byte[]> history = new TreeMap<>();
        try (RocksDbIterator versions = engine.range(versionKey(prefix, Long.MIN_VALUE),
                versionKey(prefix, Long.MAX_VALUE))) {
            while (versions.hasNext()) {
                RocksDbEntry version = versions.next();
                history.put(timestampOf(version.key()), version.value()[0] == TOMBSTONE ? null : valueOf(version));
            }
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
        return StoreQueries.queryVersionedStore(query, positionBound, config, this, this::get, lifecycle.position(),
                lifecycle.context());
    }

    /**
     * Deletes the versions of one key that no read can reach: those older than the newest version at or before
     * the history bound, and that version too when it is a tombstone.
     */
    private void dropUnreachable(byte[] prefix) {
        long bound = bound();
        RocksDbEntry reachableFrom = first(engine.reverseRange(versionKey(prefix, Long.MIN_VALUE),
                versionKey(prefix, bound)));
        if (reachableFrom == null) {
            return;
        }
        List<byte[]> unreachable = new ArrayList<>();
        try (RocksDbIterator older = engine.range(versionKey(prefix, Long.MIN_VALUE), reachableFrom.key())) {
            while (older.hasNext()) {
                unreachable.add(older.next().key());
            }
        }
        if (!(reachableFrom.value()[0] == TOMBSTONE && timestampOf(reachableFrom.key()) < bound)) {
            unreachable.remove(unreachable.size() - 1);
        }
        List<RocksDbEntry> deletes = new ArrayList<>(unreachable.size());
        for (byte[] versionKey : unreachable) {
            deletes.add(new RocksDbEntry(versionKey, null));
        }
        if (!deletes.isEmpty()) {
            engine.putAll(deletes);
        }
    }

    private void sweep() {
        writesSinceSweep = 0;
        List<byte[]> prefixes = new ArrayList<>();
        byte[] last = null;
        try (RocksDbIterator all = engine.range(null, STREAM_TIME_KEY)) {
            while (all.hasNext()) {
                byte[] key = all.next().key();
                if (key.length > Long.BYTES && !Arrays.equals(key, STREAM_TIME_KEY)) {
                    byte[] prefix = Arrays.copyOf(key, key.length - Long.BYTES);
                    if (!Arrays.equals(prefix, last)) {
                        prefixes.add(prefix);
                        last = prefix;
                    }
                }
            }
        }
        for (byte[] prefix : prefixes) {
            dropUnreachable(prefix);
        }
        keysAtLastSweep = prefixes.size();
    }

    /** @return the number of stored versions, tombstones included (a full scan, for tests) */
    synchronized long numVersions() {
        validateOpen();
        long count = 0;
        try (RocksDbIterator all = engine.all()) {
            while (all.hasNext()) {
                if (!Arrays.equals(all.next().key(), STREAM_TIME_KEY)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static RocksDbEntry first(RocksDbIterator iterator) {
        try (iterator) {
            return iterator.hasNext() ? iterator.next() : null;
        }
    }

    private static byte[] prefix(byte[] key) {
        return ByteBuffer.allocate(Integer.BYTES + key.length).putInt(key.length).put(key).array();
    }

    private static byte[] versionKey(byte[] prefix, long timestamp) {
        return ByteBuffer.allocate(prefix.length + Long.BYTES).put(prefix).putLong(timestamp ^ Long.MIN_VALUE)
                .array();
    }

    private static long timestampOf(byte[] versionKey) {
        return ByteBuffer.wrap(versionKey).getLong(versionKey.length - Long.BYTES) ^ Long.MIN_VALUE;
    }

    private static byte[] encode(byte[] value) {
        if (value == null) {
            return new byte[] {TOMBSTONE};
        }
        byte[] encoded = new byte[value.length + 1];
        encoded[0] = VALUE;
        System.arraycopy(value, 0, encoded, 1, value.length);
        return encoded;
    }

    private static byte[] valueOf(RocksDbEntry entry) {
        return Arrays.copyOfRange(entry.value(), 1, entry.value().length);
    }

    /** Closes the store; in exactly-once mode uncommitted writes are dropped. Idempotent. */
    @Override
    public synchronized void close() {
        lifecycle.close();
    }

    @Override
    public String toString() {
        return "RocksDBVersionedStore{name=" + name + ", historyRetention=" + historyRetention + '}';
    }
}
