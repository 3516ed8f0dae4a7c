package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.errors.InvalidStateStoreException;
import dev.millrace.streams.kstream.Windowed;
import dev.millrace.streams.kstream.internals.Change;
import dev.millrace.streams.kstream.internals.SessionWindow;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.processor.api.Record;
import dev.millrace.streams.state.KeyValueIterator;
import dev.millrace.streams.state.SessionStore;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The caching layer of a session store (Kafka Streams' {@code CachingSessionStore}). Puts and removes (a null
 * aggregate) are cached as dirty entries keyed by the segment id of the session end and the
 * {@link SessionKeySchema} binary key, so that repeated updates of a session are forwarded once. Flushed entries
 * are written to the store below with their record context and forwarded to the {@link CacheFlushListener} keyed
 * by the binary session key (key, end, start); with a listener, the removal of a session absent below is neither
 * written nor forwarded.
 *
 * <p>Reads merge the cache with the store below, the cache winning, over Kafka's cache ranges (reading a range
 * moves every cached entry in it in the LRU order, as in Kafka), ordered by segment (of the session end) then
 * binary key as Kafka's caching layer; in-memory stores (segment interval 1) iterate by end, key, start, which
 * agrees except for keys that are prefixes of one another (a Kafka behaviour kept as is).
 *
 * <p>Thread-safety: synchronized. Failure: data methods throw {@link InvalidStateStoreException} when closed.
 */
public class CachingSessionStore extends CachingLayer<SessionStore<Bytes, byte[]>>
        implements SessionStore<Bytes, byte[]> {

    private static final int SUFFIX_SIZE = 2 * Long.BYTES;

    private final SegmentedCacheKeys cacheKeys;

    /**
     * Wraps a bytes session store.
     *
     * @param inner the store below
     * @param segmentInterval the segment interval of the store below
     */
    public CachingSessionStore(SessionStore<Bytes, byte[]> inner, long segmentInterval) {
        super(inner);
        this.cacheKeys = new SegmentedCacheKeys(segmentInterval);
    }

    @Override
    public synchronized void init(StateStoreContext context, StateStore root) {
        joinCache(context, this::putAndMaybeForward);
        super.init(context, root);
    }

    private static long end(byte[] binary) {
        return ByteBuffer.wrap(binary).getLong(binary.length - SUFFIX_SIZE);
    }

    private static long start(byte[] binary) {
        return ByteBuffer.wrap(binary).getLong(binary.length - Long.BYTES);
    }

    private void putAndMaybeForward(ThreadCache.DirtyEntry entry) {
        byte[] binary = SegmentedCacheKeys.binaryKey(entry.key());
        Windowed<Bytes> sessionKey = SessionKeySchema.from(binary);
        byte[] rawNewValue = entry.newValue();
        byte[] rawOldValue = null;
        if (flushListener != null) {
            rawOldValue = rawNewValue == null || sendOldValues ? wrapped().fetchSession(sessionKey.key(),
                    sessionKey.window().start(), sessionKey.window().end()) : null;
            if (rawNewValue == null && rawOldValue == null) {
                return;
            }
        }
        ProcessorRecordContext current = internalContext.recordContext();
        try {
            internalContext.setRecordContext(entry.entry().context());
            wrapped().put(sessionKey, rawNewValue);
            if (flushListener != null) {
                flushListener.apply(new Record<>(binary, new Change<>(rawNewValue, sendOldValues ? rawOldValue : null),
                        entry.entry().context().timestamp(), entry.entry().context().headers()));
            }
        } finally {
            internalContext.setRecordContext(current);
        }
    }

    @Override
    public synchronized void put(Windowed<Bytes> sessionKey, byte[] aggregate) {
        Objects.requireNonNull(sessionKey, "reason=nullSessionKey");
        Objects.requireNonNull(sessionKey.key(), "reason=nullKey");
        validateStoreOpen();
        cache.put(cacheName, cacheKeys.cacheKey(SessionKeySchema.toBinary(sessionKey), sessionKey.window().end()),
                new LRUCacheEntry(aggregate, internalContext.recordContext(), true));
    }

    @Override
    public synchronized void remove(Windowed<Bytes> sessionKey) {
        put(sessionKey, null);
    }

    @Override
    public synchronized byte[] fetchSession(Bytes key, long sessionStartTime, long sessionEndTime) {
        Objects.requireNonNull(key, "reason=nullKey");
        validateStoreOpen();
        Windowed<Bytes> sessionKey = new Windowed<>(key, new SessionWindow(sessionStartTime, sessionEndTime));
        LRUCacheEntry entry = cache.get(cacheName,
                cacheKeys.cacheKey(SessionKeySchema.toBinary(sessionKey), sessionEndTime));
        return entry == null ? wrapped().fetchSession(key, sessionStartTime, sessionEndTime) : entry.value();
    }

    /**
     * Merges the cached sessions of keys in {@code [keyFrom, keyTo]} ending in {@code [earliestEnd, latestEnd]} and
     * starting no later than {@code latestStart} with the store iterator. The cache range is Kafka's: from (segment
     * of earliestEnd, keyFrom, end earliestEnd, start 0) to (last segment, keyTo, end max, start latestStart), or
     * to the end of the segment of latestEnd when no key bound applies.
     */
    private KeyValueIterator<Windowed<Bytes>, byte[]> merged(Bytes keyFrom, Bytes keyTo, long earliestEnd,
                                                             long latestStart, long latestEnd, boolean forward,
                                                             KeyValueIterator<Windowed<Bytes>, byte[]> store) {
        long from = Math.max(0, earliestEnd);
        Bytes lower = keyFrom == null ? cacheKeys.lowerBound(from) : cacheKeys.cacheKey(
                SessionKeySchema.toBinary(new Windowed<>(keyFrom, new SessionWindow(0, from))), from);
        Bytes upper;
        boolean upperInclusive;
        if (keyTo == null) {
            upper = latestEnd == Long.MAX_VALUE ? null : cacheKeys.upperBoundExclusive(latestEnd);
            upperInclusive = false;
        } else {
            upper = cacheKeys.cacheKey(SessionKeySchema.toBinary(
                    new Windowed<>(keyTo, new SessionWindow(latestStart, Long.MAX_VALUE))), Long.MAX_VALUE);
            upperInclusive = true;
        }
        Predicate<Bytes> filter = cacheKey -> {
            byte[] binary = SegmentedCacheKeys.binaryKey(cacheKey);
            Bytes key = SessionKeySchema.from(binary).key();
            long end = end(binary);
            return end >= earliestEnd && end <= latestEnd && start(binary) <= latestStart
                    && (keyFrom == null || key.compareTo(keyFrom) >= 0) && (keyTo == null || key.compareTo(keyTo) <= 0);
        };
        ThreadCache.MemoryLRUCacheBytesIterator range = forward ? cache.range(cacheName, lower, upper, upperInclusive)
                : cache.reverseRange(cacheName, lower, upper, upperInclusive);
        return new SessionIterator(range.filtered(filter), store, forward);
    }

    @Override
    public synchronized KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(Bytes key, long earliestSessionEndTime,
                                                                               long latestSessionStartTime) {
        Objects.requireNonNull(key, "reason=nullKey");
        validateStoreOpen();
        return merged(key, key, earliestSessionEndTime, latestSessionStartTime, Long.MAX_VALUE, true,
                wrapped().findSessions(key, earliestSessionEndTime, latestSessionStartTime));
    }

    @Override
    public synchronized KeyValueIterator<Windowed<Bytes>, byte[]> backwardFindSessions(
            Bytes key, long earliestSessionEndTime, long latestSessionStartTime) {
        Objects.requireNonNull(key, "reason=nullKey");
        validateStoreOpen();
        return merged(key, key, earliestSessionEndTime, latestSessionStartTime, Long.MAX_VALUE, false,
                wrapped().backwardFindSessions(key, earliestSessionEndTime, latestSessionStartTime));
    }

    @Override
    public synchronized KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(
            Bytes keyFrom, Bytes keyTo, long earliestSessionEndTime, long latestSessionStartTime) {
        if (InvalidRangeWarning.isInverted(name(), keyFrom, keyTo)) {
            return KeyValueIterators.emptyIterator();
        }
        validateStoreOpen();
        return merged(keyFrom, keyTo, earliestSessionEndTime, latestSessionStartTime, Long.MAX_VALUE, true,
                wrapped().findSessions(keyFrom, keyTo, earliestSessionEndTime, latestSessionStartTime));
    }

    @Override
    public synchronized KeyValueIterator<Windowed<Bytes>, byte[]> backwardFindSessions(
            Bytes keyFrom, Bytes keyTo, long earliestSessionEndTime, long latestSessionStartTime) {
        if (InvalidRangeWarning.isInverted(name(), keyFrom, keyTo)) {
            return KeyValueIterators.emptyIterator();
        }
        validateStoreOpen();
        return merged(keyFrom, keyTo, earliestSessionEndTime, latestSessionStartTime, Long.MAX_VALUE, false,
                wrapped().backwardFindSessions(keyFrom, keyTo, earliestSessionEndTime, latestSessionStartTime));
    }

    @Override
    public synchronized KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(long earliestSessionEndTime,
                                                                               long latestSessionEndTime) {
        validateStoreOpen();
        return merged(null, null, earliestSessionEndTime, Long.MAX_VALUE, latestSessionEndTime, true,
                wrapped().findSessions(earliestSessionEndTime, latestSessionEndTime));
    }

    @Override
    public synchronized KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes key) {
        return findSessions(key, 0, Long.MAX_VALUE);
    }

    @Override
    public synchronized KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes key) {
        return backwardFindSessions(key, 0, Long.MAX_VALUE);
    }

    @Override
    public synchronized KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes keyFrom, Bytes keyTo) {
        return findSessions(keyFrom, keyTo, 0, Long.MAX_VALUE);
    }

    @Override
    public synchronized KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes keyFrom, Bytes keyTo) {
        return backwardFindSessions(keyFrom, keyTo, 0, Long.MAX_VALUE);
    }

    /** Merges cached and stored sessions, ordered by segment then binary key as Kafka's caching layer. */
    private final class SessionIterator extends MergedSortedCacheIterator<Windowed<Bytes>, Windowed<Bytes>, byte[]> {

        SessionIterator(ThreadCache.MemoryLRUCacheBytesIterator cacheIterator,
                        KeyValueIterator<Windowed<Bytes>, byte[]> store, boolean forward) {
            super(cacheIterator, store, forward);
        }

        @Override
        int compare(Bytes cacheKey, Windowed<Bytes> storeKey) {
            return cacheKeys.compareSegmentedKeys(cacheKey, SessionKeySchema.toBinary(storeKey).get(),
                    storeKey.window().end());
        }

        @Override
        Windowed<Bytes> cacheKeyToKey(Bytes cacheKey) {
            return SessionKeySchema.from(SegmentedCacheKeys.binaryKey(cacheKey));
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
