package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.state.KeyValueIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The record cache of one stream thread, bounded by {@code statestore.cache.max.bytes} and shared by the caching
 * stores of the thread's tasks, with Kafka Streams' semantics. Each store has its own namespace
 * ({@link #nameSpaceFromTaskIdAndStore}: task id, a dash, store name). Writes replace the entry of their key, so a
 * key written many times between two flushes is forwarded once, with its last value and record context.
 *
 * <p>Accounting: every entry costs its key bytes, 24 bytes of references and {@link LRUCacheEntry#size()}. When a
 * write takes the thread's total above the maximum, entries of the namespace written to are evicted, least
 * recently used first (reads move entries to the head), until the total fits or that namespace is empty; as in
 * Kafka, other namespaces are not evicted by that write. Evicting a dirty entry flushes its whole namespace.
 * {@link #flush} (on commit) hands the namespace's dirty entries to its {@link DirtyEntryFlushListener} in the
 * order of their last write.
 *
 * <p>Owning thread: the stream thread. Reads from other threads (interactive queries) are safe: each namespace
 * is synchronized, and the total is atomic.
 */
public class ThreadCache {

    /** The configuration key of the cache size, Kafka's. */
    public static final String STATESTORE_CACHE_MAX_BYTES_CONFIG = "statestore.cache.max.bytes";
    /** The default cache size, Kafka's: 10 MiB. */
    public static final long STATESTORE_CACHE_MAX_BYTES_DEFAULT = 10L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ThreadCache.class);

    private final String logPrefix;
    private final Map<String, NamedCache> caches = new LinkedHashMap<>();
    private final AtomicLong sizeInBytes = new AtomicLong();
    private volatile long maxCacheSizeBytes;
    private long numPuts;
    private long numGets;
    private long numEvicts;
    private long numFlushes;

    /**
     * Receives the dirty entries of a namespace when it is flushed or when one of its dirty entries is evicted.
     */
    @FunctionalInterface
    public interface DirtyEntryFlushListener {

        /**
         * Applies flushed entries, in order.
         *
         * @param dirty the entries; the evicted one first, then the others in the order of their last write
         */
        void apply(List<DirtyEntry> dirty);
    }

    /**
     * A flushed entry: its key, its value (null for a deletion) and the cache entry with its record context.
     *
     * @param key the key
     * @param newValue the value, or null for a deletion
     * @param entry the cache entry
     */
    public record DirtyEntry(Bytes key, byte[] newValue, LRUCacheEntry entry) {
    }

    /**
     * Creates a cache.
     *
     * @param logPrefix the prefix of log lines (the thread name)
     * @param maxCacheSizeBytes the maximum size in bytes, at least 0
     * @throws IllegalArgumentException if the maximum is negative
     */
    public ThreadCache(String logPrefix, long maxCacheSizeBytes) {
        if (maxCacheSizeBytes < 0) {
            throw new IllegalArgumentException("reason=negativeCacheSize " + STATESTORE_CACHE_MAX_BYTES_CONFIG + "="
                    + maxCacheSizeBytes);
        }
        this.logPrefix = logPrefix;
        this.maxCacheSizeBytes = maxCacheSizeBytes;
    }

    /**
     * Returns the namespace of a store of a task.
     *
     * @param taskId the task id as text
     * @param storeName the store name
     * @return {@code taskId + "-" + storeName}
     */
    public static String nameSpaceFromTaskIdAndStore(String taskId, String storeName) {
        return taskId + "-" + storeName;
    }

    /**
     * Returns the task id part of a namespace.
     *
     * @param cacheName a namespace
     * @return the text before the first dash
     */
    public static String taskIdFromCacheName(String cacheName) {
        return cacheName.split("-", 2)[0];
    }

    /**
     * Returns the store part of a namespace.
     *
     * @param cacheName a namespace
     * @return the text after the first dash
     */
    public static String underlyingStoreNameFromCacheName(String cacheName) {
        return cacheName.split("-", 2)[1];
    }

    /**
     * Returns the maximum size.
     *
     * @return bytes
     */
    public long maxCacheSizeBytes() {
        return maxCacheSizeBytes;
    }

    /**
     * Changes the maximum size; when shrinking, evicts from the namespaces in turn (in creation order, one entry
     * each) until the total fits.
     *
     * @param newCacheSizeBytes the new maximum, at least 0
     */
    public synchronized void resize(long newCacheSizeBytes) {
        if (newCacheSizeBytes < 0) {
            throw new IllegalArgumentException("reason=negativeCacheSize " + STATESTORE_CACHE_MAX_BYTES_CONFIG + "="
                    + newCacheSizeBytes);
        }
        boolean shrink = newCacheSizeBytes < maxCacheSizeBytes;
        maxCacheSizeBytes = newCacheSizeBytes;
        if (!shrink) {
            return;
        }
        List<NamedCache> all = new ArrayList<>(caches.values());
        int index = 0;
        while (sizeInBytes.get() > maxCacheSizeBytes && all.stream().anyMatch(cache -> !cache.isEmpty())) {
            NamedCache cache = all.get(index++ % all.size());
            synchronized (cache) {
                long oldSize = cache.sizeInBytes();
                cache.evict();
                sizeInBytes.addAndGet(cache.sizeInBytes() - oldSize);
            }
            numEvicts++;
        }
    }

    /**
     * Sets the listener of a namespace, creating the namespace.
     *
     * @param namespace the namespace
     * @param listener the listener
     */
    public void addDirtyEntryFlushListener(String namespace, DirtyEntryFlushListener listener) {
        getOrCreateCache(namespace).setListener(listener);
    }

    /**
     * Flushes a namespace: hands its dirty entries to its listener.
     *
     * @param namespace the namespace
     * @throws IllegalStateException if the namespace has dirty entries and no listener
     */
    public void flush(String namespace) {
        numFlushes++;
        NamedCache cache = getCache(namespace);
        if (cache == null) {
            return;
        }
        synchronized (cache) {
            long oldSize = cache.sizeInBytes();
            cache.flush();
            sizeInBytes.addAndGet(cache.sizeInBytes() - oldSize);
        }
        LOG.trace("{} Cache stats on flush: puts={} gets={} evicts={} flushes={}",
                logPrefix, numPuts, numGets, numEvicts, numFlushes);
    }

    /**
     * Reads an entry, moving it to the head of its namespace's LRU list.
     *
     * @param namespace the namespace
     * @param key the key
     * @return the entry, or null when absent (a present entry with a null value is a pending deletion)
     */
    public LRUCacheEntry get(String namespace, Bytes key) {
        numGets++;
        if (key == null) {
            return null;
        }
        NamedCache cache = getCache(namespace);
        return cache == null ? null : cache.get(key);
    }

    /**
     * Writes an entry, then evicts from the namespace while the thread's total exceeds the maximum.
     *
     * @param namespace the namespace
     * @param key the key
     * @param value the entry
     * @throws IllegalStateException if a clean entry would replace a dirty one
     */
    public void put(String namespace, Bytes key, LRUCacheEntry value) {
        numPuts++;
        NamedCache cache = getOrCreateCache(namespace);
        synchronized (cache) {
            long oldSize = cache.sizeInBytes();
            cache.put(key, value);
            sizeInBytes.addAndGet(cache.sizeInBytes() - oldSize);
            maybeEvict(namespace, cache);
        }
    }

    /**
     * Writes an entry unless the key is present.
     *
     * @param namespace the namespace
     * @param key the key
     * @param value the entry
     * @return the present entry, or null when the entry was written
     */
    public LRUCacheEntry putIfAbsent(String namespace, Bytes key, LRUCacheEntry value) {
        NamedCache cache = getOrCreateCache(namespace);
        LRUCacheEntry result;
        synchronized (cache) {
            long oldSize = cache.sizeInBytes();
            result = cache.putIfAbsent(key, value);
            sizeInBytes.addAndGet(cache.sizeInBytes() - oldSize);
            maybeEvict(namespace, cache);
        }
        if (result == null) {
            numPuts++;
        }
        return result;
    }

    /**
     * Writes entries in order, as successive {@link #put}s.
     *
     * @param namespace the namespace
     * @param entries the entries
     */
    public void putAll(String namespace, List<KeyValue<Bytes, LRUCacheEntry>> entries) {
        for (KeyValue<Bytes, LRUCacheEntry> entry : entries) {
            put(namespace, entry.key, entry.value);
        }
    }

    /**
     * Removes an entry without flushing it.
     *
     * @param namespace the namespace
     * @param key the key
     * @return the removed entry, or null
     */
    public LRUCacheEntry delete(String namespace, Bytes key) {
        NamedCache cache = getCache(namespace);
        if (cache == null) {
            return null;
        }
        synchronized (cache) {
            long oldSize = cache.sizeInBytes();
            LRUCacheEntry entry = cache.delete(key);
            sizeInBytes.addAndGet(cache.sizeInBytes() - oldSize);
            return entry;
        }
    }

    /**
     * Iterates over the entries of a namespace with keys in {@code [from, to]}, in key order.
     *
     * @param namespace the namespace
     * @param from the lowest key, or null
     * @param to the highest key, or null
     * @return an iterator over a snapshot of the keys, reading each entry when reached
     */
    public MemoryLRUCacheBytesIterator range(String namespace, Bytes from, Bytes to) {
        return range(namespace, from, to, true);
    }

    /**
     * Iterates over the entries of a namespace with keys from {@code from} to {@code to}, in key order.
     *
     * @param namespace the namespace
     * @param from the lowest key (inclusive), or null
     * @param to the highest key, or null
     * @param toInclusive whether {@code to} is included
     * @return an iterator over a snapshot of the keys, reading each entry when reached
     */
    public MemoryLRUCacheBytesIterator range(String namespace, Bytes from, Bytes to, boolean toInclusive) {
        return iterator(namespace, from, to, toInclusive, true);
    }

    /**
     * Like {@link #range(String, Bytes, Bytes)}, in reverse key order.
     *
     * @param namespace the namespace
     * @param from the lowest key, or null
     * @param to the highest key, or null
     * @return the iterator
     */
    public MemoryLRUCacheBytesIterator reverseRange(String namespace, Bytes from, Bytes to) {
        return iterator(namespace, from, to, true, false);
    }

    /**
     * Iterates over the entries of a namespace with keys from {@code from} to {@code to}, in reverse key order.
     *
     * @param namespace the namespace
     * @param from the lowest key (inclusive), or null
     * @param to the highest key, or null
     * @param toInclusive whether {@code to} is included
     * @return the iterator
     */
    public MemoryLRUCacheBytesIterator reverseRange(String namespace, Bytes from, Bytes to, boolean toInclusive) {
        return iterator(namespace, from, to, toInclusive, false);
    }

    /**
     * Iterates over all entries of a namespace, in key order.
     *
     * @param namespace the namespace
     * @return the iterator
     */
    public MemoryLRUCacheBytesIterator all(String namespace) {
        return iterator(namespace, null, null, true, true);
    }

    /**
     * Iterates over all entries of a namespace, in reverse key order.
     *
     * @param namespace the namespace
     * @return the iterator
     */
    public MemoryLRUCacheBytesIterator reverseAll(String namespace) {
        return iterator(namespace, null, null, true, false);
    }

    private MemoryLRUCacheBytesIterator iterator(String namespace, Bytes from, Bytes to, boolean toInclusive,
                                                 boolean forward) {
        NamedCache cache = getCache(namespace);
        if (cache == null) {
            return new MemoryLRUCacheBytesIterator(Collections.emptyIterator(), new NamedCache(namespace));
        }
        return new MemoryLRUCacheBytesIterator(cache.keyRange(from, to, toInclusive, forward), cache);
    }

    /**
     * Returns the number of entries over all namespaces.
     *
     * @return the count
     */
    public synchronized long size() {
        long size = 0;
        for (NamedCache cache : caches.values()) {
            size += cache.size();
        }
        return size;
    }

    /**
     * Returns the estimated size of all entries.
     *
     * @return bytes
     */
    public long sizeBytes() {
        return sizeInBytes.get();
    }

    /**
     * Drops the entries of a namespace without flushing them (the task's state is being discarded).
     *
     * @param namespace the namespace
     */
    public void clear(String namespace) {
        NamedCache cache = getCache(namespace);
        if (cache == null) {
            return;
        }
        synchronized (cache) {
            long oldSize = cache.sizeInBytes();
            cache.clear();
            sizeInBytes.addAndGet(cache.sizeInBytes() - oldSize);
        }
    }

    /**
     * Removes a namespace, dropping its entries without flushing them.
     *
     * @param namespace the namespace
     */
    public void close(String namespace) {
        NamedCache removed;
        synchronized (this) {
            removed = caches.remove(namespace);
        }
        if (removed != null) {
            synchronized (removed) {
                sizeInBytes.addAndGet(-removed.sizeInBytes());
                removed.close();
            }
        }
    }

    /**
     * Returns the number of puts.
     *
     * @return the count
     */
    public long puts() {
        return numPuts;
    }

    /**
     * Returns the number of gets.
     *
     * @return the count
     */
    public long gets() {
        return numGets;
    }

    /**
     * Returns the number of evictions.
     *
     * @return the count
     */
    public long evicts() {
        return numEvicts;
    }

    /**
     * Returns the number of flushes.
     *
     * @return the count
     */
    public long flushes() {
        return numFlushes;
    }

    private void maybeEvict(String namespace, NamedCache cache) {
        int evicted = 0;
        while (sizeInBytes.get() > maxCacheSizeBytes) {
            // a flush triggered here may have written to other namespaces: only this one is evicted
            if (cache.isEmpty()) {
                return;
            }
            long oldSize = cache.sizeInBytes();
            cache.evict();
            sizeInBytes.addAndGet(cache.sizeInBytes() - oldSize);
            numEvicts++;
            evicted++;
        }
        if (evicted > 0) {
            LOG.trace("{} Evicted entries={} cache={}", logPrefix, evicted, namespace);
        }
    }

    private synchronized NamedCache getCache(String namespace) {
        return caches.get(namespace);
    }

    private synchronized NamedCache getOrCreateCache(String namespace) {
        return caches.computeIfAbsent(namespace, NamedCache::new);
    }

    /**
     * Iterates over a snapshot of a namespace's keys, reading each entry from the cache when reached (which moves
     * it to the head of the LRU list) and skipping keys no longer cached.
     */
    public static final class MemoryLRUCacheBytesIterator implements KeyValueIterator<Bytes, LRUCacheEntry> {

        private final Iterator<Bytes> keys;
        private final NamedCache cache;
        private final Predicate<Bytes> filter;
        private KeyValue<Bytes, LRUCacheEntry> nextEntry;

        MemoryLRUCacheBytesIterator(Iterator<Bytes> keys, NamedCache cache) {
            this(keys, cache, key -> true);
        }

        private MemoryLRUCacheBytesIterator(Iterator<Bytes> keys, NamedCache cache, Predicate<Bytes> filter) {
            this.keys = keys;
            this.cache = cache;
            this.filter = filter;
        }

        /**
         * Returns an iterator over the same keys that skips the keys failing a filter; every key is still read from
         * the cache (and moved in the LRU order) when reached, as Kafka's filtered cache iterators do.
         *
         * @param keep the filter
         * @return the filtered iterator, to use instead of this one
         */
        MemoryLRUCacheBytesIterator filtered(Predicate<Bytes> keep) {
            return new MemoryLRUCacheBytesIterator(keys, cache, keep);
        }

        @Override
        public boolean hasNext() {
            while (nextEntry == null && keys.hasNext()) {
                Bytes key = keys.next();
                LRUCacheEntry entry = cache.get(key);
                if (entry != null && filter.test(key)) {
                    nextEntry = new KeyValue<>(key, entry);
                }
            }
            return nextEntry != null;
        }

        @Override
        public KeyValue<Bytes, LRUCacheEntry> next() {
            KeyValue<Bytes, LRUCacheEntry> result = peekNext();
            nextEntry = null;
            return result;
        }

        /**
         * Returns the next entry without moving forward.
         *
         * @return the next entry
         * @throws NoSuchElementException if there is none
         */
        public KeyValue<Bytes, LRUCacheEntry> peekNext() {
            if (!hasNext()) {
                throw new NoSuchElementException("reason=cacheIteratorExhausted cache=" + cache.name());
            }
            return nextEntry;
        }

        @Override
        public Bytes peekNextKey() {
            return peekNext().key;
        }

        @Override
        public void close() {
        }
    }
}
