package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.kstream.Windowed;
import dev.millrace.streams.kstream.internals.SessionWindow;
import dev.millrace.streams.state.KeyValueIterator;

import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.function.Consumer;

/**
 * Walks the sessions of an in-memory session store, nested as session end, key, session start. Ends follow the
 * given end iterator; keys in {@code [keyFrom, keyTo]} ascend when walking forward and descend when walking
 * backward; starts at or before {@code latestSessionStartTime} descend when walking forward and ascend when
 * walking backward (Kafka Streams' order). Weakly consistent over concurrent maps; pins the session end it
 * reads ({@link #minTime()}) against retention while open; has no next element after {@link #close()}.
 * Not thread-safe.
 */
final class SessionRecordIterator implements KeyValueIterator<Windowed<Bytes>, byte[]> {

    private final Bytes keyFrom;
    private final Bytes keyTo;
    private final long latestSessionStartTime;
    private final boolean forward;
    private final Iterator<Map.Entry<Long, ConcurrentNavigableMap<Bytes, ConcurrentNavigableMap<Long, byte[]>>>> ends;
    private final Consumer<SessionRecordIterator> onClose;
    private Iterator<Map.Entry<Bytes, ConcurrentNavigableMap<Long, byte[]>>> keys;
    private Iterator<Map.Entry<Long, byte[]>> starts;
    private Bytes currentKey;
    private long currentEndTime;
    private KeyValue<Windowed<Bytes>, byte[]> next;
    private boolean closed;

    SessionRecordIterator(Bytes keyFrom, Bytes keyTo, long latestSessionStartTime,
                          Iterator<Map.Entry<Long, ConcurrentNavigableMap<Bytes, ConcurrentNavigableMap<Long, byte[]>>>>
                                  ends, boolean forward, Consumer<SessionRecordIterator> onClose) {
        this.keyFrom = keyFrom;
        this.keyTo = keyTo;
        this.latestSessionStartTime = latestSessionStartTime;
        this.ends = ends;
        this.forward = forward;
        this.onClose = onClose;
        advanceEnd();
    }

    /** Returns the session end being read; retention keeps it while the iterator is open. */
    long minTime() {
        return currentEndTime;
    }

    private boolean advanceEnd() {
        while (ends.hasNext()) {
            Map.Entry<Long, ConcurrentNavigableMap<Bytes, ConcurrentNavigableMap<Long, byte[]>>> end = ends.next();
            currentEndTime = end.getKey();
            NavigableMap<Bytes, ConcurrentNavigableMap<Long, byte[]>> view = end.getValue();
            if (keyFrom != null && keyTo != null) {
                view = view.subMap(keyFrom, true, keyTo, true);
            } else if (keyFrom != null) {
                view = view.tailMap(keyFrom, true);
            } else if (keyTo != null) {
                view = view.headMap(keyTo, true);
            }
            keys = (forward ? view : view.descendingMap()).entrySet().iterator();
            if (advanceKey()) {
                return true;
            }
        }
        starts = null;
        return false;
    }

    private boolean advanceKey() {
        while (keys.hasNext()) {
            Map.Entry<Bytes, ConcurrentNavigableMap<Long, byte[]>> key = keys.next();
            currentKey = key.getKey();
            NavigableMap<Long, byte[]> view = latestSessionStartTime == Long.MAX_VALUE
                    ? key.getValue() : key.getValue().headMap(latestSessionStartTime, true);
            starts = (forward ? view.descendingMap() : view).entrySet().iterator();
            if (starts.hasNext()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean hasNext() {
        while (next == null && !closed && starts != null) {
            if (starts.hasNext()) {
                Map.Entry<Long, byte[]> start = starts.next();
                Windowed<Bytes> sessionKey =
                        new Windowed<>(currentKey, new SessionWindow(start.getKey(), currentEndTime));
                next = new KeyValue<>(sessionKey, start.getValue());
            } else if (!advanceKey()) {
                advanceEnd();
            }
        }
        return next != null;
    }

    @Override
    public KeyValue<Windowed<Bytes>, byte[]> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("reason=iteratorExhausted");
        }
        KeyValue<Windowed<Bytes>, byte[]> result = next;
        next = null;
        return result;
    }

    @Override
    public Windowed<Bytes> peekNextKey() {
        if (!hasNext()) {
            throw new NoSuchElementException("reason=iteratorExhausted");
        }
        return next.key;
    }

    @Override
    public void close() {
        closed = true;
        next = null;
        starts = null;
        onClose.accept(this);
    }
}
