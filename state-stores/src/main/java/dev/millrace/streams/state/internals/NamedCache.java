package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.HashMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The part of a {@link ThreadCache} that belongs to one store of one task: entries sorted by key, an LRU list
 * (reads and writes move an entry to the head; eviction takes the tail), and the dirty keys in the order of
 * their last write. A flush hands every dirty entry, in that order, to the listener, marks them clean and drops
 * the pending deletions; evicting a dirty entry flushes the whole namespace, the evicted entry first, as Kafka
 * Streams does. All methods are synchronized: interactive queries may read while the stream thread writes.
 */
final class NamedCache {

    private static final Logger LOG = LoggerFactory.getLogger(NamedCache.class);
    private static final int NODE_OVERHEAD = 3 * 8;

    private final String name;
    /** Key order, for range iteration; the same nodes as {@link #index}. */
    private final TreeMap<Bytes, Node> entries = new TreeMap<>();
    /** Point lookups: a hash index over the same nodes (cheaper than the tree's byte comparisons). */
    private final HashMap<Bytes, Node> index = new HashMap<>();
    private final Set<Bytes> dirtyKeys = new LinkedHashSet<>();
    private ThreadCache.DirtyEntryFlushListener listener;
    private Node head;
    private Node tail;
    private long sizeBytes;
    private long hits;
    private long misses;
    private long overwrites;
    private long flushes;

    NamedCache(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    synchronized void setListener(ThreadCache.DirtyEntryFlushListener listener) {
        this.listener = listener;
    }

    synchronized long sizeInBytes() {
        return sizeBytes;
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized boolean isEmpty() {
        return entries.isEmpty();
    }

    synchronized long hits() {
        return hits;
    }

    synchronized long misses() {
        return misses;
    }

    synchronized long overwrites() {
        return overwrites;
    }

    synchronized long flushes() {
        return flushes;
    }

    synchronized LRUCacheEntry get(Bytes key) {
        if (key == null) {
            return null;
        }
        Node node = lookUp(key);
        if (node == null) {
            return null;
        }
        moveToHead(node);
        return node.entry;
    }

    synchronized void put(Bytes key, LRUCacheEntry entry) {
        if (!entry.isDirty() && dirtyKeys.contains(key)) {
            throw new IllegalStateException("reason=cleanEntryOverDirtyEntry cache=" + name + " key=" + key);
        }
        Node node = index.get(key);
        if (node != null) {
            overwrites++;
            sizeBytes -= node.size();
            node.entry = entry;
            moveToHead(node);
        } else {
            node = new Node(key, entry);
            linkAtHead(node);
            entries.put(key, node);
            index.put(key, node);
        }
        if (entry.isDirty()) {
            dirtyKeys.remove(key);
            dirtyKeys.add(key);
        }
        sizeBytes += node.size();
    }

    synchronized LRUCacheEntry putIfAbsent(Bytes key, LRUCacheEntry entry) {
        LRUCacheEntry existing = get(key);
        if (existing == null) {
            put(key, entry);
        }
        return existing;
    }

    synchronized LRUCacheEntry delete(Bytes key) {
        Node node = index.remove(key);
        if (node == null) {
            return null;
        }
        entries.remove(key);
        unlink(node);
        dirtyKeys.remove(key);
        sizeBytes -= node.size();
        return node.entry;
    }

    synchronized void flush() {
        flush(null);
    }

    /** Removes the least recently used entry; flushes the namespace if it was dirty. */
    synchronized void evict() {
        if (tail == null) {
            return;
        }
        Node eldest = tail;
        sizeBytes -= eldest.size();
        unlink(eldest);
        entries.remove(eldest.key);
        index.remove(eldest.key);
        if (eldest.entry.isDirty()) {
            flush(eldest);
        }
    }

    private void flush(Node evicted) {
        flushes++;
        if (listener == null) {
            throw new IllegalStateException("reason=noFlushListener cache=" + name);
        }
        if (dirtyKeys.isEmpty()) {
            return;
        }
        List<ThreadCache.DirtyEntry> dirty = new ArrayList<>(dirtyKeys.size() + 1);
        List<Bytes> deleted = new ArrayList<>();
        if (evicted != null) {
            dirty.add(new ThreadCache.DirtyEntry(evicted.key, evicted.entry.value(), evicted.entry));
            dirtyKeys.remove(evicted.key);
        }
        for (Bytes key : dirtyKeys) {
            Node node = index.get(key);
            if (node == null) {
                throw new IllegalStateException("reason=dirtyKeyWithoutEntry cache=" + name + " key=" + key);
            }
            dirty.add(new ThreadCache.DirtyEntry(key, node.entry.value(), node.entry));
            node.entry.markClean();
            if (node.entry.value() == null) {
                deleted.add(key);
            }
        }
        // cleared before the listener runs: the listener may write to this cache again
        dirtyKeys.clear();
        LOG.trace("Flushing cache={} dirtyEntries={} hits={} misses={}", name, dirty.size(), hits, misses);
        listener.apply(dirty);
        for (Bytes key : deleted) {
            delete(key);
        }
    }

    synchronized Iterator<Bytes> keyRange(Bytes from, Bytes to, boolean toInclusive, boolean forward) {
        TreeSet<Bytes> snapshot = new TreeSet<>(keys(from, to, toInclusive));
        return forward ? snapshot.iterator() : snapshot.descendingIterator();
    }

    synchronized NavigableSet<Bytes> keys(Bytes from, Bytes to, boolean toInclusive) {
        NavigableSet<Bytes> keys = entries.navigableKeySet();
        if (from != null && to != null && from.compareTo(to) > 0) {
            return new TreeSet<>();
        }
        if (from != null && to != null) {
            keys = keys.subSet(from, true, to, toInclusive);
        } else if (from != null) {
            keys = keys.tailSet(from, true);
        } else if (to != null) {
            keys = keys.headSet(to, toInclusive);
        }
        return keys;
    }

    synchronized void clear() {
        head = null;
        tail = null;
        sizeBytes = 0;
        dirtyKeys.clear();
        entries.clear();
        index.clear();
    }

    synchronized void close() {
        clear();
        listener = null;
    }

    private Node lookUp(Bytes key) {
        Node node = index.get(key);
        if (node == null) {
            misses++;
        } else {
            hits++;
        }
        return node;
    }

    private void moveToHead(Node node) {
        unlink(node);
        linkAtHead(node);
    }

    private void unlink(Node node) {
        if (node.previous != null) {
            node.previous.next = node.next;
        } else {
            head = node.next;
        }
        if (node.next != null) {
            node.next.previous = node.previous;
        } else {
            tail = node.previous;
        }
    }

    private void linkAtHead(Node node) {
        node.next = head;
        node.previous = null;
        if (head != null) {
            head.previous = node;
        }
        head = node;
        if (tail == null) {
            tail = node;
        }
    }

    /** An entry in the LRU list; its size counts the key, three references and the entry (Kafka's estimate). */
    private static final class Node {
        private final Bytes key;
        private LRUCacheEntry entry;
        private Node previous;
        private Node next;

        Node(Bytes key, LRUCacheEntry entry) {
            this.key = key;
            this.entry = entry;
        }

        long size() {
            return key.get().length + NODE_OVERHEAD + entry.size();
        }
    }
}
