package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.state.KeyValueIterator;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.function.Consumer;

/**
 * Walks the records of an in-memory window store: segment after segment (one per window start, in the order of
 * the given segment iterator), and within each segment the stored keys in {@code [keyFrom, keyTo]} in ascending
 * or descending order. The maps are concurrent skip lists, so the walk is weakly consistent: it never fails on
 * concurrent writes and sees some of them.
 *
 * <p>With duplicates retained the stored keys carry a sequence number; they are unwrapped, and keys outside the
 * requested range (which a range over wrapped keys may let through) are skipped. Without duplicates, a fetch of one
 * key looks the key up in each segment instead of walking a one-key view of it. While open, the iterator pins
 * the segment it reads ({@link #minTime()}) against retention. After {@link #close()} it has no next element.
 * Not thread-safe.
 *
 * @param <K> the key type handed out
 */
abstract class SegmentRecordIterator<K> implements KeyValueIterator<K, byte[]> {

    private final Bytes keyFrom;
    private final Bytes keyTo;
    private final Bytes storedFrom;
    private final Bytes storedTo;
    private final boolean retainDuplicates;
    private final boolean forward;
    private final boolean point;
    private final Iterator<Map.Entry<Long, ConcurrentNavigableMap<Bytes, byte[]>>> segments;
    private final Consumer<SegmentRecordIterator<?>> onClose;
    private Iterator<Map.Entry<Bytes, byte[]>> records;
    private KeyValue<K, byte[]> next;
    private long currentTime;

    SegmentRecordIterator(Bytes keyFrom, Bytes keyTo,
                          Iterator<Map.Entry<Long, ConcurrentNavigableMap<Bytes, byte[]>>> segments,
                          boolean retainDuplicates, boolean forward, Consumer<SegmentRecordIterator<?>> onClose) {
        this.keyFrom = keyFrom;
        this.keyTo = keyTo;
        this.retainDuplicates = retainDuplicates;
        this.storedFrom = retainDuplicates && keyFrom != null ? DuplicateKeys.wrap(keyFrom, 0) : keyFrom;
        this.storedTo = retainDuplicates && keyTo != null ? DuplicateKeys.wrap(keyTo, DuplicateKeys.MAX_SEQNUM) : keyTo;
        this.forward = forward;
        this.point = !retainDuplicates && keyFrom != null && keyFrom.equals(keyTo);
        this.segments = segments;
        this.onClose = onClose;
        advanceSegment();
    }

    /**
     * Builds the key handed out for a record.
     *
     * @param windowStart the window start of the record
     * @param key the serialized key (unwrapped)
     * @return the key to hand out
     */
    protected abstract K keyOf(long windowStart, Bytes key);

    /** Returns the window start of the segment being read; retention keeps it while the iterator is open. */
    long minTime() {
        return currentTime;
    }

    private boolean advanceSegment() {
        if (!segments.hasNext()) {
            records = null;
            return false;
        }
        Map.Entry<Long, ConcurrentNavigableMap<Bytes, byte[]>> segment = segments.next();
        currentTime = segment.getKey();
        if (point) {
            byte[] value = segment.getValue().get(keyFrom);
            records = value == null ? Collections.emptyIterator() : List.of(Map.entry(keyFrom, value)).iterator();
            return true;
        }
        NavigableMap<Bytes, byte[]> view = segment.getValue();
        if (storedFrom != null && storedTo != null) {
            view = view.subMap(storedFrom, true, storedTo, true);
        } else if (storedFrom != null) {
            view = view.tailMap(storedFrom, true);
        } else if (storedTo != null) {
            view = view.headMap(storedTo, true);
        }
        records = (forward ? view : view.descendingMap()).entrySet().iterator();
        return true;
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            if (records == null) {
                return false;
            }
            if (!records.hasNext()) {
                advanceSegment();
                continue;
            }
            Map.Entry<Bytes, byte[]> record = records.next();
            Bytes key = retainDuplicates ? DuplicateKeys.unwrap(record.getKey()) : record.getKey();
            if (retainDuplicates && !withinRange(key)) {
                continue;
            }
            next = new KeyValue<>(keyOf(currentTime, key), record.getValue());
        }
        return true;
    }

    private boolean withinRange(Bytes key) {
        return (keyFrom == null || key.compareTo(keyFrom) >= 0) && (keyTo == null || key.compareTo(keyTo) <= 0);
    }

    @Override
    public KeyValue<K, byte[]> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("reason=iteratorExhausted");
        }
        KeyValue<K, byte[]> result = next;
        next = null;
        return result;
    }

    @Override
    public K peekNextKey() {
        if (!hasNext()) {
            throw new NoSuchElementException("reason=iteratorExhausted");
        }
        return next.key;
    }

    @Override
    public void close() {
        next = null;
        records = null;
        onClose.accept(this);
    }
}
