package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.errors.InvalidStateStoreException;
import dev.millrace.streams.kstream.Windowed;
import dev.millrace.streams.kstream.internals.Change;
import dev.millrace.streams.kstream.internals.TimeWindow;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.processor.api.Record;
import dev.millrace.streams.state.KeyValueIterator;
import dev.millrace.streams.state.WindowStore;
import dev.millrace.streams.state.WindowStoreIterator;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * The caching layer of a window store (Kafka Streams' {@code CachingWindowStore}). A put is cached as a dirty
 * entry keyed by segment id and {@link WindowKeySchema} binary key (sequence number 0: stores that retain
 * duplicates are never cached), so that repeated updates of a window are forwarded once. Flushed entries are
 * written to the store below with their record context and forwarded to the {@link CacheFlushListener} keyed by
 * the binary window key (key, window start, sequence number 0); with a listener, the deletion of a window absent
 * below is neither written nor forwarded.
 *
 * <p>Reads merge the cache with the store below, the cache winning, over Kafka's cache ranges (reading a range
 * moves every cached entry in it in the LRU order, as in Kafka). Multi-key merges order entries as Kafka does, by
 * segment then binary key; in-memory stores (segment interval 1) iterate by window start then key, which agrees
 * except for keys that are prefixes of one another (a Kafka behaviour kept as is). As in Kafka, a window the store
 * below has already dropped for retention is still returned while it stays in the cache.
 *
 * <p>Thread-safety: synchronized; values read from the store below are not cached. Failure: data methods throw
 * {@link InvalidStateStoreException} when the store is closed.
 */
public class CachingWindowStore extends CachingLayer<WindowStore<Bytes, byte[]>>
        implements WindowStore<Bytes, byte[]> {

    private final long windowSize;
    private final SegmentedCacheKeys cacheKeys;

    /**
     * Wraps a bytes window store.
     *
     * @param inner the store below
     * @param windowSize the window size, to rebuild windows from binary keys
     * @param segmentInterval the segment interval of the store below
     */
    public CachingWindowStore(WindowStore<Bytes, byte[]> inner, long windowSize, long segmentInterval) {
        super(inner);
        this.windowSize = windowSize;
        this.cacheKeys = new SegmentedCacheKeys(segmentInterval);
    }

    @Override
    public synchronized void init(StateStoreContext context, StateStore root) {
        joinCache(context, this::putAndMaybeForward);
        super.init(context, root);
    }

    private void putAndMaybeForward(ThreadCache.DirtyEntry entry) {
        byte[] binaryWindowKey = SegmentedCacheKeys.binaryKey(entry.key());
        Bytes key = Bytes.wrap(WindowKeySchema.extractStoreKeyBytes(binaryWindowKey));
        long windowStart = WindowKeySchema.extractStoreTimestamp(binaryWindowKey);
        byte[] rawNewValue = entry.newValue();
        byte[] rawOldValue = null;
        if (flushListener != null) {
            rawOldValue = rawNewValue == null || sendOldValues ? wrapped().fetch(key, windowStart) : null;
            if (rawNewValue == null && rawOldValue == null) {
                return;
            }
        }
        ProcessorRecordContext current = internalContext.recordContext();
        try {
            internalContext.setRecordContext(entry.entry().context());
            wrapped().put(key, rawNewValue, windowStart);
            if (flushListener != null) {
                flushListener.apply(new Record<>(binaryWindowKey,
                        new Change<>(rawNewValue, sendOldValues ? rawOldValue : null),
                        entry.entry().context().timestamp(), entry.entry().context().headers()));
            }
        } finally {
            internalContext.setRecordContext(current);
        }
    }

    @Override
    public synchronized void put(Bytes key, byte[] value, long windowStartTimestamp) {
        Objects.requireNonNull(key, "reason=nullKey");
        validateStoreOpen();
        Bytes binary = WindowKeySchema.toStoreKeyBinary(key, windowStartTimestamp, 0);
        cache.put(cacheName, cacheKeys.cacheKey(binary, windowStartTimestamp),
                new LRUCacheEntry(value, internalContext.recordContext(), true));
    }

    @Override
    public synchronized byte[] fetch(Bytes key, long timestamp) {
        Objects.requireNonNull(key, "reason=nullKey");
        validateStoreOpen();
        Bytes binary = WindowKeySchema.toStoreKeyBinary(key, timestamp, 0);
        LRUCacheEntry entry = cache.get(cacheName, cacheKeys.cacheKey(binary, timestamp));
        return entry == null ? wrapped().fetch(key, timestamp) : entry.value();
    }

    /**
     * Iterates over the cached windows of keys in {@code [keyFrom, keyTo]} starting in {@code [timeFrom, timeTo]}, in
     * cache order, over Kafka's cache range: from (segment of timeFrom, keyFrom, timeFrom, seqnum 0) to (segment of
     * timeTo, keyTo, timeTo, max seqnum), or to the end of the segment of timeTo when keyTo is null.
     */
    private ThreadCache.MemoryLRUCacheBytesIterator cached(Bytes keyFrom, Bytes keyTo, long timeFrom, long timeTo,
                                                           boolean forward) {
        long from = Math.max(0, timeFrom);
        Bytes lower = keyFrom == null ? cacheKeys.lowerBound(from)
                : cacheKeys.cacheKey(WindowKeySchema.toStoreKeyBinary(keyFrom, from, 0), from);
        Bytes upper = keyTo == null ? cacheKeys.upperBoundExclusive(timeTo)
                : cacheKeys.cacheKey(WindowKeySchema.toStoreKeyBinary(keyTo, timeTo, Integer.MAX_VALUE), timeTo);
        boolean upperInclusive = keyTo != null;
        Predicate<Bytes> filter = cacheKey -> {
            byte[] binary = SegmentedCacheKeys.binaryKey(cacheKey);
            long start = WindowKeySchema.extractStoreTimestamp(binary);
            Bytes key = Bytes.wrap(WindowKeySchema.extractStoreKeyBytes(binary));
            return start >= timeFrom && start <= timeTo && (keyFrom == null || key.compareTo(keyFrom) >= 0)
                    && (keyTo == null || key.compareTo(keyTo) <= 0);
        };
        ThreadCache.MemoryLRUCacheBytesIterator range = forward ? cache.range(cacheName, lower, upper, upperInclusive)
                : cache.reverseRange(cacheName, lower, upper, upperInclusive);
        return range.filtered(filter);
    }

    @Override
    public synchronized WindowStoreIterator<byte[]> fetch(Bytes key, long timeFrom, long timeTo) {
        return fetchKey(key, timeFrom, timeTo, true);
    }

    @Override
    public synchronized WindowStoreIterator<byte[]> backwardFetch(Bytes key, long timeFrom, long timeTo) {
        return fetchKey(key, timeFrom, timeTo, false);
    }

    private WindowStoreIterator<byte[]> fetchKey(Bytes key, long timeFrom, long timeTo, boolean forward) {
        Objects.requireNonNull(key, "reason=nullKey");
        validateStoreOpen();
        WindowStoreIterator<byte[]> store = forward ? wrapped().fetch(key, timeFrom, timeTo)
                : wrapped().backwardFetch(key, timeFrom, timeTo);
        return new StartTimeIterator(cached(key, key, timeFrom, timeTo, forward), store, forward);
    }

    @Override
    public synchronized KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes keyFrom, Bytes keyTo, long timeFrom,
                                                                        long timeTo) {
        return fetchRange(keyFrom, keyTo, timeFrom, timeTo, true);
    }

    @Override
    public synchronized KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes keyFrom, Bytes keyTo,
                                                                                long timeFrom, long timeTo) {
        return fetchRange(keyFrom, keyTo, timeFrom, timeTo, false);
    }

    private KeyValueIterator<Windowed<Bytes>, byte[]> fetchRange(Bytes keyFrom, Bytes keyTo, long timeFrom,
                                                                 long timeTo, boolean forward) {
        if (InvalidRangeWarning.isInverted(name(), keyFrom, keyTo)) {
            return KeyValueIterators.emptyIterator();
        }
        validateStoreOpen();
        KeyValueIterator<Windowed<Bytes>, byte[]> store = forward ? wrapped().fetch(keyFrom, keyTo, timeFrom, timeTo)
                : wrapped().backwardFetch(keyFrom, keyTo, timeFrom, timeTo);
        return new WindowedIterator(cached(keyFrom, keyTo, timeFrom, timeTo, forward), store, forward);
    }

    @Override
    public synchronized KeyValueIterator<Windowed<Bytes>, byte[]> fetchAll(long timeFrom, long timeTo) {
        validateStoreOpen();
        return new WindowedIterator(cached(null, null, timeFrom, timeTo, true),
                wrapped().fetchAll(timeFrom, timeTo), true);
    }

    @Override
    public synchronized KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetchAll(long timeFrom, long timeTo) {
        validateStoreOpen();
        return new WindowedIterator(cached(null, null, timeFrom, timeTo, false),
                wrapped().backwardFetchAll(timeFrom, timeTo), false);
    }

    @Override
    public synchronized KeyValueIterator<Windowed<Bytes>, byte[]> all() {
        validateStoreOpen();
        return new WindowedIterator(cache.all(cacheName), wrapped().all(), true);
    }

    @Override
    public synchronized KeyValueIterator<Windowed<Bytes>, byte[]> backwardAll() {
        validateStoreOpen();
        return new WindowedIterator(cache.reverseAll(cacheName), wrapped().backwardAll(), false);
    }

    private Windowed<Bytes> windowed(byte[] binary) {
        long start = WindowKeySchema.extractStoreTimestamp(binary);
        long end = Long.MAX_VALUE - windowSize < start ? Long.MAX_VALUE : start + windowSize;
        return new Windowed<>(Bytes.wrap(WindowKeySchema.extractStoreKeyBytes(binary)), new TimeWindow(start, end));
    }

    /** Merges the windows of one key, keyed by window start. */
    private final class StartTimeIterator extends MergedSortedCacheIterator<Long, Long, byte[]>
            implements WindowStoreIterator<byte[]> {

        StartTimeIterator(ThreadCache.MemoryLRUCacheBytesIterator cacheIterator, WindowStoreIterator<byte[]> store,
                          boolean forward) {
            super(cacheIterator, store, forward);
        }

        @Override
        int compare(Bytes cacheKey, Long storeKey) {
            return Long.compare(cacheKeyToKey(cacheKey), storeKey);
        }

        @Override
        Long cacheKeyToKey(Bytes cacheKey) {
            return WindowKeySchema.extractStoreTimestamp(SegmentedCacheKeys.binaryKey(cacheKey));
        }

        @Override
        Long storeKeyToKey(Long storeKey) {
            return storeKey;
        }

        @Override
        byte[] cacheValue(LRUCacheEntry entry) {
            return entry.value();
        }
    }

    /** Merges the windows of several keys, ordered by segment then binary key as Kafka's caching layer. */
    private final class WindowedIterator extends MergedSortedCacheIterator<Windowed<Bytes>, Windowed<Bytes>, byte[]> {

        WindowedIterator(ThreadCache.MemoryLRUCacheBytesIterator cacheIterator,
                         KeyValueIterator<Windowed<Bytes>, byte[]> store, boolean forward) {
            super(cacheIterator, store, forward);
        }

        @Override
        int compare(Bytes cacheKey, Windowed<Bytes> storeKey) {
            long start = storeKey.window().start();
            return cacheKeys.compareSegmentedKeys(cacheKey,
                    WindowKeySchema.toStoreKeyBinary(storeKey.key(), start, 0).get(), start);
        }

        @Override
        Windowed<Bytes> cacheKeyToKey(Bytes cacheKey) {
            return windowed(SegmentedCacheKeys.binaryKey(cacheKey));
        }

        @Override
        Windowed<Bytes> storeKeyToKey(Windowed<Bytes> storeKey) {
            return storeKey;
        }

        @Override
        byte[] cacheValue(LRUCacheEntry entry) {
            return entry.value();
        }
    }
}
