package dev.millrace.streams.state.internals;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.kstream.Windowed;
import dev.millrace.streams.processor.BatchingStateRestoreCallback;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.query.Position;
import dev.millrace.streams.query.PositionBound;
import dev.millrace.streams.query.Query;
import dev.millrace.streams.query.QueryConfig;
import dev.millrace.streams.query.QueryResult;
import dev.millrace.streams.state.KeyValueIterator;
import dev.millrace.streams.state.SessionStore;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A session store over serialized keys and aggregates held in memory, with Kafka Streams' in-memory semantics.
 * Sessions are nested by session end, then key, then session start.
 *
 * <p>Retention: the observed stream time is the largest session end put so far (initially -1). A put whose
 * session ends at or before {@code observed - retentionPeriod} is dropped with a warning;
 * {@link #fetchSession} returns nothing at or before that bound; session ends below
 * {@code max(0, observed - retentionPeriod + 1)} are removed at the start of every operation, except those still
 * read by an open iterator. Searches themselves do not filter by retention beyond that removal.
 *
 * <p>Searches: {@code findSessions(keys, earliestSessionEndTime, latestSessionStartTime)} returns the sessions
 * with {@code end >= earliestSessionEndTime} and {@code start <= latestSessionStartTime}, ordered by end, then
 * key, then start descending; backward variants reverse the whole order. {@code findSessions(earliestEnd,
 * latestEnd)} returns every session whose end lies in that closed range. An inverted key range gives an empty
 * result with a warning; Kafka's store does the same except for {@code fetch(keyFrom, keyTo)}, where it throws
 * {@link IllegalArgumentException}.
 *
 * <p>Thread-safety: the maps are concurrent, iterators weakly consistent; writes come from one thread.
 */
public class InMemorySessionStore implements SessionStore<Bytes, byte[]> {

    private static final Logger LOG = LoggerFactory.getLogger(InMemorySessionStore.class);

    private final String name;
    private final long retentionPeriod;
    private final ConcurrentNavigableMap<Long, ConcurrentNavigableMap<Bytes, ConcurrentNavigableMap<Long, byte[]>>>
            endTimeMap = new ConcurrentSkipListMap<>();
    private final Set<SessionRecordIterator> openIterators = ConcurrentHashMap.newKeySet();
    private final Position position = Position.emptyPosition();
    private StateStoreContext context;
    private volatile long observedStreamTime = -1L;
    private volatile boolean open;

    /**
     * Creates an empty, closed store.
     *
     * @param name the store name
     * @param retentionPeriod how long sessions are kept after stream time passes their end, in milliseconds
     */
    public InMemorySessionStore(String name, long retentionPeriod) {
        this.name = name;
        this.retentionPeriod = retentionPeriod;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        this.context = context;
        if (root != null) {
            context.register(root, (BatchingStateRestoreCallback) this::restoreAll);
        }
        open = true;
    }

    private void restoreAll(Collection<KeyValue<byte[], byte[]>> records) {
        for (KeyValue<byte[], byte[]> record : records) {
            put(SessionKeySchema.from(record.key), record.value);
        }
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public Position getPosition() {
        return position;
    }

    /**
     * Answers the key form of {@link dev.millrace.streams.query.WindowRangeQuery} (every session of the key) over
     * bytes, as described in {@link StoreQueries}; the check and the opening of the iterator happen under the
     * position's lock, which writes also take.
     */
    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return StoreQueries.querySessionStore(query, positionBound, config, this, position, context);
    }

    @Override
    public void put(Windowed<Bytes> sessionKey, byte[] aggregate) {
        removeExpiredSegments();
        long windowEnd = sessionKey.window().end();
        observedStreamTime = Math.max(observedStreamTime, windowEnd);
        synchronized (position) {
            if (windowEnd <= observedStreamTime - retentionPeriod) {
                LOG.warn("Skipping record for expired segment: store={} "
                        + "sessionEnd={} observedStreamTime={}", name, windowEnd, observedStreamTime);
            } else if (aggregate != null) {
                endTimeMap.computeIfAbsent(windowEnd, t -> new ConcurrentSkipListMap<>())
                        .computeIfAbsent(sessionKey.key(), k -> new ConcurrentSkipListMap<>())
                        .put(sessionKey.window().start(), aggregate);
            } else {
                remove(sessionKey);
            }
            StorePositions.update(position, context);
        }
    }

    @Override
    public void remove(Windowed<Bytes> sessionKey) {
        long end = sessionKey.window().end();
        ConcurrentNavigableMap<Bytes, ConcurrentNavigableMap<Long, byte[]>> keyMap = endTimeMap.get(end);
        if (keyMap == null) {
            return;
        }
        ConcurrentNavigableMap<Long, byte[]> startTimeMap = keyMap.get(sessionKey.key());
        if (startTimeMap == null) {
            return;
        }
        startTimeMap.remove(sessionKey.window().start());
        if (startTimeMap.isEmpty()) {
            keyMap.remove(sessionKey.key());
            if (keyMap.isEmpty()) {
                endTimeMap.remove(end);
            }
        }
    }

    @Override
    public byte[] fetchSession(Bytes key, long sessionStartTime, long sessionEndTime) {
        removeExpiredSegments();
        Objects.requireNonNull(key, "reason=nullKey");
        if (sessionEndTime <= observedStreamTime - retentionPeriod) {
            return null;
        }
        ConcurrentNavigableMap<Bytes, ConcurrentNavigableMap<Long, byte[]>> keyMap = endTimeMap.get(sessionEndTime);
        if (keyMap == null) {
            return null;
        }
        ConcurrentNavigableMap<Long, byte[]> startTimeMap = keyMap.get(key);
        return startTimeMap == null ? null : startTimeMap.get(sessionStartTime);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(long earliestSessionEndTime,
                                                                  long latestSessionEndTime) {
        removeExpiredSegments();
        return register(null, null, Long.MAX_VALUE,
                endTimeMap.subMap(earliestSessionEndTime, true, latestSessionEndTime, true), true);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(Bytes key, long earliestSessionEndTime,
                                                                  long latestSessionStartTime) {
        Objects.requireNonNull(key, "reason=nullKey");
        removeExpiredSegments();
        return register(key, key, latestSessionStartTime, endTimeMap.tailMap(earliestSessionEndTime, true), true);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFindSessions(Bytes key, long earliestSessionEndTime,
                                                                          long latestSessionStartTime) {
        Objects.requireNonNull(key, "reason=nullKey");
        removeExpiredSegments();
        return register(key, key, latestSessionStartTime, endTimeMap.tailMap(earliestSessionEndTime, true), false);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> findSessions(Bytes keyFrom, Bytes keyTo,
                                                                  long earliestSessionEndTime,
                                                                  long latestSessionStartTime) {
        return findRange(keyFrom, keyTo, earliestSessionEndTime, latestSessionStartTime, true);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFindSessions(Bytes keyFrom, Bytes keyTo,
                                                                          long earliestSessionEndTime,
                                                                          long latestSessionStartTime) {
        return findRange(keyFrom, keyTo, earliestSessionEndTime, latestSessionStartTime, false);
    }

    private KeyValueIterator<Windowed<Bytes>, byte[]> findRange(Bytes keyFrom, Bytes keyTo, long earliestEnd,
                                                                long latestStart, boolean forward) {
        removeExpiredSegments();
        if (InvalidRangeWarning.isInverted(name, keyFrom, keyTo)) {
            return KeyValueIterators.emptyIterator();
        }
        return register(keyFrom, keyTo, latestStart, endTimeMap.tailMap(earliestEnd, true), forward);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes key) {
        Objects.requireNonNull(key, "reason=nullKey");
        removeExpiredSegments();
        return register(key, key, Long.MAX_VALUE, endTimeMap, true);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes key) {
        Objects.requireNonNull(key, "reason=nullKey");
        removeExpiredSegments();
        return register(key, key, Long.MAX_VALUE, endTimeMap, false);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes keyFrom, Bytes keyTo) {
        return findRange(keyFrom, keyTo, Long.MIN_VALUE, Long.MAX_VALUE, true);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes keyFrom, Bytes keyTo) {
        return findRange(keyFrom, keyTo, Long.MIN_VALUE, Long.MAX_VALUE, false);
    }

    private KeyValueIterator<Windowed<Bytes>, byte[]> register(
            Bytes keyFrom, Bytes keyTo, long latestSessionStartTime,
            ConcurrentNavigableMap<Long, ConcurrentNavigableMap<Bytes, ConcurrentNavigableMap<Long, byte[]>>> ends,
            boolean forward) {
        Iterator<Map.Entry<Long, ConcurrentNavigableMap<Bytes, ConcurrentNavigableMap<Long, byte[]>>>> endIterator =
                (forward ? ends : ends.descendingMap()).entrySet().iterator();
        SessionRecordIterator iterator = new SessionRecordIterator(keyFrom, keyTo, latestSessionStartTime,
                endIterator, forward, openIterators::remove);
        openIterators.add(iterator);
        return iterator;
    }

    private void removeExpiredSegments() {
        long minLiveTime = Math.max(0L, observedStreamTime - retentionPeriod + 1);
        for (SessionRecordIterator iterator : openIterators) {
            minLiveTime = Math.min(minLiveTime, iterator.minTime());
        }
        endTimeMap.headMap(minLiveTime, false).clear();
    }

    /**
     * Returns the exact number of stored sessions.
     *
     * @return the count
     */
    long numEntries() {
        return endTimeMap.values().stream().flatMap(keys -> keys.values().stream()).mapToLong(Map::size).sum();
    }

    @Override
    public void close() {
        if (!openIterators.isEmpty()) {
            LOG.warn("Closing open iterators: store={} count={}",
                    name, openIterators.size());
            for (SessionRecordIterator iterator : Set.copyOf(openIterators)) {
                iterator.close();
            }
        }
        endTimeMap.clear();
        openIterators.clear();
        open = false;
    }

    @Override
    public String toString() {
        return "InMemorySessionStore{name=" + name + ", retentionPeriod=" + retentionPeriod + '}';
    }
}
