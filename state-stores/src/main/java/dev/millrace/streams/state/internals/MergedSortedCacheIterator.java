package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.state.KeyValueIterator;

import java.util.NoSuchElementException;

/**
 * Merges a cache iterator with an iterator of the store below into one ordered view in which the cache wins:
 * a key present in both yields the cache value once, and a cached deletion (null value) hides the key of the
 * store (Kafka Streams' {@code AbstractMergedSortedCacheStoreIterator}). Both iterators must run in the same
 * direction over the same order; {@link #compare} orders a cache key against a store key.
 *
 * @param <K> the key type of the merged view
 * @param <KS> the key type of the store iterator
 * @param <V> the value type
 */
abstract class MergedSortedCacheIterator<K, KS, V> implements KeyValueIterator<K, V> {

    private final ThreadCache.MemoryLRUCacheBytesIterator cacheIterator;
    private final KeyValueIterator<KS, V> storeIterator;
    private final boolean forward;

    MergedSortedCacheIterator(ThreadCache.MemoryLRUCacheBytesIterator cacheIterator,
                              KeyValueIterator<KS, V> storeIterator, boolean forward) {
        this.cacheIterator = cacheIterator;
        this.storeIterator = storeIterator;
        this.forward = forward;
    }

    /** Compares a cache key with a store key in the ascending order of both iterators. */
    abstract int compare(Bytes cacheKey, KS storeKey);

    abstract K cacheKeyToKey(Bytes cacheKey);

    abstract K storeKeyToKey(KS storeKey);

    /** Returns a negative number when the cache key comes first in the iteration direction. */
    private int order(Bytes cacheKey, KS storeKey) {
        int comparison = compare(cacheKey, storeKey);
        return forward ? comparison : -comparison;
    }

    @Override
    public boolean hasNext() {
        while (cacheIterator.hasNext() && cacheIterator.peekNext().value.value() == null) {
            if (storeIterator.hasNext()) {
                int order = order(cacheIterator.peekNextKey(), storeIterator.peekNextKey());
                if (order > 0) {
                    return true;
                }
                if (order == 0) {
                    storeIterator.next();
                }
            }
            cacheIterator.next();
        }
        return cacheIterator.hasNext() || storeIterator.hasNext();
    }

    @Override
    public KeyValue<K, V> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("reason=mergedIteratorExhausted");
        }
        if (!cacheIterator.hasNext()) {
            return fromStore();
        }
        if (!storeIterator.hasNext()) {
            return fromCache();
        }
        int order = order(cacheIterator.peekNextKey(), storeIterator.peekNextKey());
        if (order > 0) {
            return fromStore();
        }
        if (order == 0) {
            storeIterator.next();
        }
        return fromCache();
    }

    private KeyValue<K, V> fromStore() {
        KeyValue<KS, V> next = storeIterator.next();
        return KeyValue.pair(storeKeyToKey(next.key), next.value);
    }

    private KeyValue<K, V> fromCache() {
        KeyValue<Bytes, LRUCacheEntry> next = cacheIterator.next();
        return KeyValue.pair(cacheKeyToKey(next.key), cacheValue(next.value));
    }

    abstract V cacheValue(LRUCacheEntry entry);

    @Override
    public K peekNextKey() {
        if (!hasNext()) {
            throw new NoSuchElementException("reason=mergedIteratorExhausted");
        }
        if (!cacheIterator.hasNext()) {
            return storeKeyToKey(storeIterator.peekNextKey());
        }
        if (!storeIterator.hasNext()) {
            return cacheKeyToKey(cacheIterator.peekNextKey());
        }
        Bytes cacheKey = cacheIterator.peekNextKey();
        KS storeKey = storeIterator.peekNextKey();
        return order(cacheKey, storeKey) > 0 ? storeKeyToKey(storeKey) : cacheKeyToKey(cacheKey);
    }

    @Override
    public void close() {
        try {
            cacheIterator.close();
        } finally {
            storeIterator.close();
        }
    }

    /** The merged view of a key-value store: cache and store keys are the same bytes. */
    static final class KeyValueBytes extends MergedSortedCacheIterator<Bytes, Bytes, byte[]> {

        KeyValueBytes(ThreadCache.MemoryLRUCacheBytesIterator cacheIterator,
                      KeyValueIterator<Bytes, byte[]> storeIterator, boolean forward) {
            super(cacheIterator, storeIterator, forward);
        }

        @Override
        int compare(Bytes cacheKey, Bytes storeKey) {
            return cacheKey.compareTo(storeKey);
        }

        @Override
        Bytes cacheKeyToKey(Bytes cacheKey) {
            return cacheKey;
        }

        @Override
        Bytes storeKeyToKey(Bytes storeKey) {
            return storeKey;
        }

        @Override
        byte[] cacheValue(LRUCacheEntry entry) {
            return entry.value();
        }
    }
}
