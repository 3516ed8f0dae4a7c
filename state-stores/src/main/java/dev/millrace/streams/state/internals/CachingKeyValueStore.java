package dev.millrace.streams.state.internals;

import dev.millrace.common.serialization.Serializer;
import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.errors.InvalidStateStoreException;
import dev.millrace.streams.kstream.internals.Change;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.processor.api.Record;
import dev.millrace.streams.query.KeyQuery;
import dev.millrace.streams.query.Position;
import dev.millrace.streams.query.PositionBound;
import dev.millrace.streams.query.Query;
import dev.millrace.streams.query.QueryConfig;
import dev.millrace.streams.query.QueryResult;
import dev.millrace.streams.state.KeyValueIterator;
import dev.millrace.streams.state.KeyValueStore;

import java.util.List;
import java.util.Objects;

/**
 * The caching layer of a key-value store (Kafka Streams' {@code CachingKeyValueStore}). Writes go to the stream
 * thread's {@link ThreadCache} as dirty entries carrying the current record context; a deletion is cached as a
 * null value. Reads look in the cache first; a value read from the store below is cached clean, but only on the
 * stream thread (other threads never trigger evictions). Ranges merge the cache with the store below, the cache
 * winning. When the cache flushes (on {@link #flush}/{@link #commit}, or on eviction), each dirty entry is written
 * to the store below with its record context installed, then forwarded to the {@link CacheFlushListener}, if
 * any; a deletion of a key absent below is neither written nor forwarded when a listener is set.
 *
 * <p>Interactive queries (as in Kafka Streams): a {@link KeyQuery} is checked against the merged position of the
 * cache and the store below and answered from the cache when the key is cached there (a cached deletion answers
 * null), otherwise by the store below; every other query, range queries included, goes to the store below and
 * does not see the cached writes.
 *
 * <p>Thread-safety: the store's methods are synchronized, so interactive queries may read while the stream
 * thread writes. Failure: every data method throws {@link InvalidStateStoreException} when the store is closed.
 */
public class CachingKeyValueStore extends CachingLayer<KeyValueStore<Bytes, byte[]>>
        implements KeyValueStore<Bytes, byte[]> {

    private final Position position = Position.emptyPosition();
    private StateStoreContext context;
    private Thread streamThread;

    /**
     * Wraps a bytes store.
     *
     * @param inner the store below (a change-logging layer or the bytes store itself)
     */
    public CachingKeyValueStore(KeyValueStore<Bytes, byte[]> inner) {
        super(inner);
    }

    @Override
    public synchronized void init(StateStoreContext context, StateStore root) {
        this.context = context;
        joinCache(context, this::putAndMaybeForward);
        super.init(context, root);
        streamThread = Thread.currentThread();
    }

    private void putAndMaybeForward(ThreadCache.DirtyEntry entry) {
        byte[] rawNewValue = entry.newValue();
        if (flushListener != null) {
            byte[] rawOldValue = rawNewValue == null || sendOldValues ? wrapped().get(entry.key()) : null;
            // a deletion of a key that the store below does not hold is neither written nor forwarded
            if (rawNewValue == null && rawOldValue == null) {
                return;
            }
            ProcessorRecordContext current = internalContext.recordContext();
            try {
                internalContext.setRecordContext(entry.entry().context());
                wrapped().put(entry.key(), rawNewValue);
                flushListener.apply(new Record<>(entry.key().get(),
                        new Change<>(rawNewValue, sendOldValues ? rawOldValue : null),
                        entry.entry().context().timestamp(), entry.entry().context().headers()));
            } finally {
                internalContext.setRecordContext(current);
            }
        } else {
            ProcessorRecordContext current = internalContext.recordContext();
            try {
                internalContext.setRecordContext(entry.entry().context());
                wrapped().put(entry.key(), rawNewValue);
            } finally {
                internalContext.setRecordContext(current);
            }
        }
    }

    @Override
    public synchronized byte[] get(Bytes key) {
        Objects.requireNonNull(key, "reason=nullKey");
        validateStoreOpen();
        return getInternal(key);
    }

    private byte[] getInternal(Bytes key) {
        LRUCacheEntry entry = cache.get(cacheName, key);
        if (entry != null) {
            return entry.value();
        }
        byte[] rawValue = wrapped().get(key);
        if (rawValue == null) {
            return null;
        }
        if (Thread.currentThread() == streamThread) {
            cache.put(cacheName, key, new LRUCacheEntry(rawValue));
        }
        return rawValue;
    }

    @Override
    public synchronized void put(Bytes key, byte[] value) {
        Objects.requireNonNull(key, "reason=nullKey");
        validateStoreOpen();
        putInternal(key, value);
    }

    private void putInternal(Bytes key, byte[] value) {
        ProcessorRecordContext record = internalContext.recordContext();
        cache.put(cacheName, key, new LRUCacheEntry(value, record, true));
        StorePositions.update(position, context);
    }

    @Override
    public synchronized byte[] putIfAbsent(Bytes key, byte[] value) {
        Objects.requireNonNull(key, "reason=nullKey");
        validateStoreOpen();
        byte[] existing = getInternal(key);
        if (existing == null) {
            putInternal(key, value);
        }
        return existing;
    }

    @Override
    public synchronized void putAll(List<KeyValue<Bytes, byte[]>> entries) {
        validateStoreOpen();
        for (KeyValue<Bytes, byte[]> entry : entries) {
            Objects.requireNonNull(entry.key, "reason=nullKey");
            putInternal(entry.key, entry.value);
        }
    }

    @Override
    public synchronized byte[] delete(Bytes key) {
        Objects.requireNonNull(key, "reason=nullKey");
        validateStoreOpen();
        byte[] existing = getInternal(key);
        putInternal(key, null);
        return existing;
    }

    @Override
    public synchronized KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        return rangeIterator(from, to, true);
    }

    @Override
    public synchronized KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
        return rangeIterator(from, to, false);
    }

    private KeyValueIterator<Bytes, byte[]> rangeIterator(Bytes from, Bytes to, boolean forward) {
        if (InvalidRangeWarning.isInverted(name(), from, to)) {
            return KeyValueIterators.emptyIterator();
        }
        validateStoreOpen();
        KeyValueIterator<Bytes, byte[]> storeIterator = forward ? wrapped().range(from, to)
                : wrapped().reverseRange(from, to);
        ThreadCache.MemoryLRUCacheBytesIterator cacheIterator = forward ? cache.range(cacheName, from, to)
                : cache.reverseRange(cacheName, from, to);
        return new MergedSortedCacheIterator.KeyValueBytes(cacheIterator, storeIterator, forward);
    }

    @Override
    public synchronized KeyValueIterator<Bytes, byte[]> all() {
        validateStoreOpen();
        return new MergedSortedCacheIterator.KeyValueBytes(cache.all(cacheName), wrapped().all(), true);
    }

    @Override
    public synchronized KeyValueIterator<Bytes, byte[]> reverseAll() {
        validateStoreOpen();
        return new MergedSortedCacheIterator.KeyValueBytes(cache.reverseAll(cacheName), wrapped().reverseAll(),
                false);
    }

    /**
     * Scans the keys starting with a prefix, merging the cache with the store below. The cache side uses the exact
     * prefix bound (see {@link PrefixBound}).
     */
    @Override
    public synchronized <PS extends Serializer<P>, P> KeyValueIterator<Bytes, byte[]> prefixScan(
            P prefix, PS prefixKeySerializer) {
        validateStoreOpen();
        KeyValueIterator<Bytes, byte[]> storeIterator = wrapped().prefixScan(prefix, prefixKeySerializer);
        Bytes from = Bytes.wrap(prefixKeySerializer.serialize(null, prefix));
        Bytes to = PrefixBound.upperExclusive(from);
        return new MergedSortedCacheIterator.KeyValueBytes(cache.range(cacheName, from, to, false), storeIterator,
                true);
    }

    @Override
    public synchronized long approximateNumEntries() {
        validateStoreOpen();
        return wrapped().approximateNumEntries();
    }

    /**
     * Answers a {@link KeyQuery} from the cache when it holds the key, else from the store below, after checking
     * the bound against the merged position (which the answer carries); a key query with
     * {@link KeyQuery#isSkipCache()} is checked the same way and then goes to the store below unchanged, as every
     * other query does directly.
     *
     * @throws InvalidStateStoreException for a key query when the store is closed
     */
    @Override
    public synchronized <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        long start = config.isCollectExecutionInfo() ? System.nanoTime() : -1L;
        QueryResult<R> result;
        if (query instanceof KeyQuery<?, ?> keyQuery) {
            result = runKeyQuery(query, keyQuery, positionBound, config);
        } else {
            result = wrapped().query(query, positionBound, config);
        }
        if (config.isCollectExecutionInfo()) {
            result.addExecutionInfo(StoreQueries.executionInfo(this, start));
        }
        return result;
    }

    private <R> QueryResult<R> runKeyQuery(Query<R> query, KeyQuery<?, ?> keyQuery, PositionBound positionBound,
                                           QueryConfig config) {
        validateStoreOpen();
        Position merged = getPosition();
        Integer partition = context == null ? null : context.taskId().partition();
        if (partition == null || !StoreQueries.isPermitted(merged, positionBound, partition)) {
            return QueryResult.notUpToBound(merged, positionBound, partition);
        }
        if (keyQuery.isSkipCache()) {
            return wrapped().query(query, positionBound, config);
        }
        LRUCacheEntry cached = cache.get(cacheName, (Bytes) keyQuery.getKey());
        QueryResult<R> result = cached != null ? StoreQueries.resultOf(QueryResult.forResult(cached.value()))
                // the merged position covers the store below, so it need not check the bound again
                : wrapped().query(query, PositionBound.unbounded(), config);
        result.setPosition(merged.copy());
        return result;
    }

    /** Returns the merge of this layer's position (cached writes) and the position of the store below. */
    @Override
    public synchronized Position getPosition() {
        Position merged = Position.emptyPosition();
        merged.merge(position);
        merged.merge(wrapped().getPosition());
        return merged;
    }
}
