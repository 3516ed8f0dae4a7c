package dev.millrace.streams.state.internals;

import dev.millrace.common.serialization.Serializer;
import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.errors.InvalidStateStoreException;
import dev.millrace.streams.processor.BatchingStateRestoreCallback;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.query.PositionBound;
import dev.millrace.streams.query.Query;
import dev.millrace.streams.query.QueryConfig;
import dev.millrace.streams.query.QueryResult;
import dev.millrace.streams.state.KeyValueIterator;
import dev.millrace.streams.state.KeyValueStore;
import dev.millrace.streams.state.internals.rocksdb.RocksDbEntry;
import dev.millrace.streams.state.internals.rocksdb.RocksDbKeyValueEngine;
import dev.millrace.streams.state.internals.rocksdb.RocksDbStatistics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A persistent key-value store over serialized keys and values, backed by a {@link RocksDbKeyValueEngine} in
 * {@code stateDir/rocksdb/<name>} (Kafka Streams' layout). Keys are ordered by unsigned lexicographic byte order;
 * a null value deletes; an inverted range is empty (with a warning); a prefix scan returns exactly the keys that
 * start with the prefix (Kafka's store also returns some keys just above the range when the prefix ends in
 * {@code 0xFF}). Iterators read the store as it was when they were opened (in exactly-once mode they
 * follow the uncommitted writes, see {@link RocksDbKeyValueEngine}).
 *
 * <p><b>Offsets (KIP-1035).</b> The store manages its changelog offsets: {@link #commit(Map)} writes pending
 * writes and offsets in one atomic RocksDB batch, and {@link #committedOffset} reads them back after a restart
 * or crash. As in Kafka Streams the write-ahead log is off: a commit becomes durable with the next flush
 * ({@link #flush()}, a full memtable, a clean close), and a crash rolls the store back to an earlier consistent
 * commit, from whose offset the changelog is replayed. Under {@code processing.guarantee=exactly_once_v2} writes
 * stay in an indexed write batch until commit, so closing without a commit (a crash, an aborted transaction)
 * leaves no trace of them.
 *
 * <p><b>Restore.</b> {@link #init} registers a batching restore callback; the first restored batch switches the
 * engine into bulk-load mode, which the first regular write ends (without compacting on the caller's thread).
 * Outside exactly-once mode restored records are written as sorted table files that RocksDB ingests, see
 * {@link RocksDbKeyValueEngine#restore}. The process-wide memory budget and
 * {@code rocksdb.config.setter} apply as described in {@link RocksDBStoreConfigs}.
 *
 * <p>Thread-safety: methods are synchronized, so interactive queries may read while the owning stream thread
 * writes. Every method but {@link #name()}, {@link #isOpen()} and {@link #close()} throws
 * {@link InvalidStateStoreException} when the store is not open.
 */
public class RocksDBStore extends RocksDBStateStore<RocksDbKeyValueEngine>
        implements KeyValueStore<Bytes, byte[]> {

    private final String name;
    private final String metricsScope;

    /**
     * Creates a closed store.
     *
     * @param name the store name
     * @param metricsScope the metrics scope of its supplier
     */
    public RocksDBStore(String name, String metricsScope) {
        super(Objects.requireNonNull(name, "reason=nullStoreName"));
        this.name = Objects.requireNonNull(name, "reason=nullStoreName");
        this.metricsScope = metricsScope;
    }

    @Override
    public String name() {
        return name;
    }

    /** @return the metrics scope this store reports under */
    public String metricsScope() {
        return metricsScope;
    }

    @Override
    public synchronized void init(StateStoreContext context, StateStore root) {
        Path dir = RocksDBStoreConfigs.keyValueDir(context, name);
        lifecycle.open(context, dir,
                () -> RocksDbKeyValueEngine.open(dir, name, null, RocksDBStoreConfigs.engineConfigs(context, name)));
        if (root != null) {
            context.register(root, (BatchingStateRestoreCallback) this::restoreAll);
        }
    }

    private synchronized void restoreAll(Collection<KeyValue<byte[], byte[]>> records) {
        RocksDbKeyValueEngine engine = lifecycle.forRestore();
        List<RocksDbEntry> entries = new ArrayList<>(records.size());
        for (KeyValue<byte[], byte[]> record : records) {
            entries.add(new RocksDbEntry(record.key, record.value));
        }
        engine.restore(entries);
    }

    @Override
    public synchronized byte[] get(Bytes key) {
        Objects.requireNonNull(key, "reason=nullKey");
        return lifecycle.engine().get(key.get());
    }

    @Override
    public synchronized void put(Bytes key, byte[] value) {
        Objects.requireNonNull(key, "reason=nullKey");
        lifecycle.forWrite().put(key.get(), value);
        lifecycle.updatePosition();
    }

    @Override
    public synchronized byte[] putIfAbsent(Bytes key, byte[] value) {
        Objects.requireNonNull(key, "reason=nullKey");
        byte[] existing = get(key);
        if (existing == null) {
            put(key, value);
        }
        return existing;
    }

    @Override
    public synchronized void putAll(List<KeyValue<Bytes, byte[]>> entries) {
        RocksDbKeyValueEngine engine = lifecycle.forWrite();
        List<RocksDbEntry> batch = new ArrayList<>(entries.size());
        for (KeyValue<Bytes, byte[]> entry : entries) {
            Objects.requireNonNull(entry.key, "reason=nullKey");
            batch.add(new RocksDbEntry(entry.key.get(), entry.value));
        }
        engine.putAll(batch);
        lifecycle.updatePosition();
    }

    @Override
    public synchronized byte[] delete(Bytes key) {
        Objects.requireNonNull(key, "reason=nullKey");
        byte[] existing = get(key);
        lifecycle.forWrite().delete(key.get());
        lifecycle.updatePosition();
        return existing;
    }

    @Override
    public synchronized KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        return range(from, to, true);
    }

    @Override
    public synchronized KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
        return range(from, to, false);
    }

    private KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to, boolean forward) {
        RocksDbKeyValueEngine engine = lifecycle.engine();
        if (InvalidRangeWarning.isInverted(name, from, to)) {
            return KeyValueIterators.emptyIterator();
        }
        byte[] low = from == null ? null : from.get();
        byte[] high = to == null ? null : to.get();
        return wrap(forward ? engine.range(low, high) : engine.reverseRange(low, high));
    }

    @Override
    public synchronized KeyValueIterator<Bytes, byte[]> all() {
        return wrap(lifecycle.engine().all());
    }

    @Override
    public synchronized KeyValueIterator<Bytes, byte[]> reverseAll() {
        return wrap(lifecycle.engine().reverseAll());
    }

    @Override
    public synchronized <PS extends Serializer<P>, P> KeyValueIterator<Bytes, byte[]> prefixScan(
            P prefix, PS prefixKeySerializer) {
        Objects.requireNonNull(prefix, "reason=nullPrefix");
        Objects.requireNonNull(prefixKeySerializer, "reason=nullPrefixKeySerializer");
        return wrap(lifecycle.engine().prefixScan(prefixKeySerializer.serialize(null, prefix)));
    }

    private KeyValueIterator<Bytes, byte[]> wrap(dev.millrace.streams.state.internals.rocksdb.RocksDbIterator it) {
        return new RocksDBIteratorAdapter<>(name, it, Bytes::wrap);
    }

    @Override
    public synchronized long approximateNumEntries() {
        return lifecycle.engine().approximateNumEntries();
    }

    /**
     * Returns the RocksDB figures of this store, for metrics.
     *
     * @return the statistics view
     */
    public synchronized RocksDbStatistics statistics() {
        return lifecycle.statistics();
    }

    /**
     * Tells whether uncommitted writes stay out of the database until {@link #commit(Map)} (exactly-once mode).
     *
     * @return true in transactional mode
     */
    public synchronized boolean transactional() {
        return lifecycle.engine().transactional();
    }

    /**
     * Answers {@link dev.millrace.streams.query.KeyQuery} and {@link dev.millrace.streams.query.RangeQuery} over
     * bytes, as described in {@link StoreQueries}; the position check, the read and the position snapshot happen
     * under the store's monitor, so they see the same writes.
     */
    @Override
    public synchronized <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return StoreQueries.queryKeyValueStore(query, positionBound, config, this, lifecycle.position(), lifecycle.context());
    }

    /**
     * Closes the store: open iterators are closed and, in exactly-once mode, uncommitted writes are dropped.
     * Idempotent.
     */
    @Override
    public synchronized void close() {
        lifecycle.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{name=" + name + '}';
    }
}
