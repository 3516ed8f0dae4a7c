package dev.millrace.streams.state.internals;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.kstream.Windowed;
import dev.millrace.streams.kstream.internals.TimeWindow;
import dev.millrace.streams.processor.BatchingStateRestoreCallback;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.query.Position;
import dev.millrace.streams.query.PositionBound;
import dev.millrace.streams.query.Query;
import dev.millrace.streams.query.QueryConfig;
import dev.millrace.streams.query.QueryResult;
import dev.millrace.streams.state.KeyValueIterator;
import dev.millrace.streams.state.WindowStore;
import dev.millrace.streams.state.WindowStoreIterator;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A window store over serialized keys and values held in memory, with Kafka Streams' in-memory semantics. One
 * sorted map per window start (a "segment") holds the keys of that window.
 *
 * <p>Retention: the observed stream time is the largest window start put so far (initially -1). A put whose
 * window start is at or before {@code observed - retentionPeriod} is dropped with a warning; reads return no
 * window at or before that bound; segments below it are removed at the start of every operation, except those
 * still read by an open iterator. Windows with a negative start are removed by the next operation.
 *
 * <p>Order: by window start, then stored key (unsigned lexicographic); backward variants reverse both. With
 * duplicates retained, each non-null put is stored under its key plus a sequence number, so values of one key
 * and window come out in insertion order, null puts are ignored and {@link #fetch(Bytes, long)} finds nothing.
 *
 * <p>Thread-safety: the maps are concurrent, iterators weakly consistent; writes come from one thread.
 */
public class InMemoryWindowStore implements WindowStore<Bytes, byte[]> {

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryWindowStore.class);

    private final String name;
    private final long retentionPeriod;
    private final long windowSize;
    private final boolean retainDuplicates;
    private final ConcurrentNavigableMap<Long, ConcurrentNavigableMap<Bytes, byte[]>> segments =
            new ConcurrentSkipListMap<>();
    private final Set<SegmentRecordIterator<?>> openIterators = ConcurrentHashMap.newKeySet();
    private final Position position = Position.emptyPosition();
    private StateStoreContext context;
    private int seqnum;
    private volatile long observedStreamTime = -1L;
    private volatile boolean open;

    /**
     * Creates an empty, closed store.
     *
     * @param name the store name
     * @param retentionPeriod how long windows are kept, in milliseconds of stream time
     * @param windowSize the size of the windows, used for the window ends handed out
     * @param retainDuplicates whether to keep every value put for a key and window
     */
    public InMemoryWindowStore(String name, long retentionPeriod, long windowSize, boolean retainDuplicates) {
        this.name = name;
        this.retentionPeriod = retentionPeriod;
        this.windowSize = windowSize;
        this.retainDuplicates = retainDuplicates;
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
            put(Bytes.wrap(WindowKeySchema.extractStoreKeyBytes(record.key)), record.value,
                    WindowKeySchema.extractStoreTimestamp(record.key));
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
     * Answers {@link dev.millrace.streams.query.WindowKeyQuery} and the time form of
     * {@link dev.millrace.streams.query.WindowRangeQuery} over bytes, as described in {@link StoreQueries}; the
     * check and the opening of the iterator happen under the position's lock, which writes also take.
     */
    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return StoreQueries.queryWindowStore(query, positionBound, config, this, position, context);
    }

    @Override
    public void put(Bytes key, byte[] value, long windowStartTimestamp) {
        removeExpiredSegments();
        observedStreamTime = Math.max(observedStreamTime, windowStartTimestamp);
        synchronized (position) {
            if (windowStartTimestamp <= observedStreamTime - retentionPeriod) {
                LOG.warn("Skipping record for expired segment: store={} "
                        + "windowStart={} observedStreamTime={}", name, windowStartTimestamp, observedStreamTime);
            } else if (value != null) {
                Bytes storedKey = key;
                if (retainDuplicates) {
                    seqnum = (seqnum + 1) & DuplicateKeys.MAX_SEQNUM;
                    storedKey = DuplicateKeys.wrap(key, seqnum);
                }
                segments.computeIfAbsent(windowStartTimestamp, t -> new ConcurrentSkipListMap<>())
                        .put(storedKey, value);
            } else if (!retainDuplicates) {
                segments.computeIfPresent(windowStartTimestamp, (t, segment) -> {
                    segment.remove(key);
                    return segment.isEmpty() ? null : segment;
                });
            }
            StorePositions.update(position, context);
        }
    }

    @Override
    public byte[] fetch(Bytes key, long time) {
        Objects.requireNonNull(key, "reason=nullKey");
        removeExpiredSegments();
        if (time <= observedStreamTime - retentionPeriod) {
            return null;
        }
        ConcurrentNavigableMap<Bytes, byte[]> segment = segments.get(time);
        return segment == null ? null : segment.get(key);
    }

    @Override
    public WindowStoreIterator<byte[]> fetch(Bytes key, long timeFrom, long timeTo) {
        return fetchKey(key, timeFrom, timeTo, true);
    }

    @Override
    public WindowStoreIterator<byte[]> backwardFetch(Bytes key, long timeFrom, long timeTo) {
        return fetchKey(key, timeFrom, timeTo, false);
    }

    private WindowStoreIterator<byte[]> fetchKey(Bytes key, long timeFrom, long timeTo, boolean forward) {
        Objects.requireNonNull(key, "reason=nullKey");
        removeExpiredSegments();
        long minTime = Math.max(timeFrom, observedStreamTime - retentionPeriod + 1);
        if (timeTo < minTime) {
            return KeyValueIterators.emptyWindowStoreIterator();
        }
        return register(new StartTimeIterator(key, segmentsBetween(minTime, timeTo, forward), forward));
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes keyFrom, Bytes keyTo, long timeFrom, long timeTo) {
        return fetchRange(keyFrom, keyTo, timeFrom, timeTo, true);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes keyFrom, Bytes keyTo,
                                                                   long timeFrom, long timeTo) {
        return fetchRange(keyFrom, keyTo, timeFrom, timeTo, false);
    }

    private KeyValueIterator<Windowed<Bytes>, byte[]> fetchRange(Bytes keyFrom, Bytes keyTo, long timeFrom,
                                                                 long timeTo, boolean forward) {
        removeExpiredSegments();
        if (InvalidRangeWarning.isInverted(name, keyFrom, keyTo)) {
            return KeyValueIterators.emptyIterator();
        }
        long minTime = Math.max(timeFrom, observedStreamTime - retentionPeriod + 1);
        if (timeTo < minTime) {
            return KeyValueIterators.emptyIterator();
        }
        return register(new WindowedIterator(keyFrom, keyTo, segmentsBetween(minTime, timeTo, forward), forward));
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetchAll(long timeFrom, long timeTo) {
        return fetchRange(null, null, timeFrom, timeTo, true);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetchAll(long timeFrom, long timeTo) {
        return fetchRange(null, null, timeFrom, timeTo, false);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> all() {
        return allSegments(true);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardAll() {
        return allSegments(false);
    }

    private KeyValueIterator<Windowed<Bytes>, byte[]> allSegments(boolean forward) {
        removeExpiredSegments();
        ConcurrentNavigableMap<Long, ConcurrentNavigableMap<Bytes, byte[]>> live =
                segments.tailMap(observedStreamTime - retentionPeriod, false);
        return register(new WindowedIterator(null, null,
                (forward ? live : live.descendingMap()).entrySet().iterator(), forward));
    }

    private Iterator<Map.Entry<Long, ConcurrentNavigableMap<Bytes, byte[]>>> segmentsBetween(
            long from, long to, boolean forward) {
        ConcurrentNavigableMap<Long, ConcurrentNavigableMap<Bytes, byte[]>> view =
                segments.subMap(from, true, to, true);
        return (forward ? view : view.descendingMap()).entrySet().iterator();
    }

    private <I extends SegmentRecordIterator<?>> I register(I iterator) {
        openIterators.add(iterator);
        return iterator;
    }

    private void removeExpiredSegments() {
        long minLiveTime = Math.max(0L, observedStreamTime - retentionPeriod + 1);
        for (SegmentRecordIterator<?> iterator : openIterators) {
            minLiveTime = Math.min(minLiveTime, iterator.minTime());
        }
        segments.headMap(minLiveTime, false).clear();
    }

    /**
     * Returns the exact number of stored values.
     *
     * @return the count over all live segments
     */
    long numEntries() {
        return segments.values().stream().mapToLong(Map::size).sum();
    }

    @Override
    public void close() {
        if (!openIterators.isEmpty()) {
            LOG.warn("Closing open iterators: store={} count={}",
                    name, openIterators.size());
            for (SegmentRecordIterator<?> iterator : Set.copyOf(openIterators)) {
                iterator.close();
            }
        }
        segments.clear();
        open = false;
    }

    @Override
    public String toString() {
        return "InMemoryWindowStore{name=" + name + ", retentionPeriod=" + retentionPeriod
                + ", windowSize=" + windowSize + ", retainDuplicates=" + retainDuplicates + '}';
    }

    /** Hands out windowed keys. */
    private final class WindowedIterator extends SegmentRecordIterator<Windowed<Bytes>> {

        WindowedIterator(Bytes keyFrom, Bytes keyTo,
                         Iterator<Map.Entry<Long, ConcurrentNavigableMap<Bytes, byte[]>>> segmentIterator,
                         boolean forward) {
            super(keyFrom, keyTo, segmentIterator, retainDuplicates, forward, openIterators::remove);
        }

        @Override
        protected Windowed<Bytes> keyOf(long windowStart, Bytes key) {
            return new Windowed<>(key, new TimeWindow(windowStart, windowStart + windowSize));
        }
    }

    /** Hands out window starts, for fetches of one key. */
    private final class StartTimeIterator extends SegmentRecordIterator<Long> implements WindowStoreIterator<byte[]> {

        StartTimeIterator(Bytes key, Iterator<Map.Entry<Long, ConcurrentNavigableMap<Bytes, byte[]>>> segmentIterator,
                          boolean forward) {
            super(key, key, segmentIterator, retainDuplicates, forward, openIterators::remove);
        }

        @Override
        protected Long keyOf(long windowStart, Bytes key) {
            return windowStart;
        }
    }
}
