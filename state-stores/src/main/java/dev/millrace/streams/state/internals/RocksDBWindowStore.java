package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.kstream.Windowed;
import dev.millrace.streams.kstream.internals.TimeWindow;
import dev.millrace.streams.query.PositionBound;
import dev.millrace.streams.query.Query;
import dev.millrace.streams.query.QueryConfig;
import dev.millrace.streams.query.QueryResult;
import dev.millrace.streams.state.KeyValueIterator;
import dev.millrace.streams.state.WindowStore;
import dev.millrace.streams.state.WindowStoreIterator;
import dev.millrace.streams.state.internals.rocksdb.RocksDbIterator;
import dev.millrace.streams.state.internals.rocksdb.WindowKeySchema;
import java.util.Objects;

/**
 * A persistent window store over serialized keys and values, with Kafka Streams' RocksDB semantics. Records are
 * stored under {@code key, window start (int64), sequence number (int32)} (Kafka's window key layout, also the
 * changelog key layout) in time segments of {@link #segmentInterval()} ms; see {@link RocksDBSegmentedStore} for
 * retention, restore, offsets and threading.
 *
 * <ul>
 *   <li>Order: segment by segment, and inside a segment by stored key (unsigned bytes); for one key that is time
 *       order. Backward variants reverse both.</li>
 *   <li>Duplicates: with {@code retainDuplicates} every non-null put gets the next sequence number, null puts
 *       are ignored, and {@link #fetch(Bytes, long)} looks up the latest sequence number only (as Kafka's store
 *       does). Without duplicates the sequence number is always 0 and a null put deletes.</li>
 *   <li>Reads, {@link #all()} included, skip windows whose start is at or before
 *       {@code observedStreamTime - retentionPeriod}, even while their segment is still live. An open iterator
 *       keeps reading a segment that expires meanwhile (it is dropped once no iterator reads it), where Kafka's
 *       stops at the dropped segment.</li>
 * </ul>
 */
public class RocksDBWindowStore extends RocksDBSegmentedStore implements WindowStore<Bytes, byte[]> {

    private final long windowSize;
    private final boolean retainDuplicates;
    private int seqnum;

    /**
     * Creates a closed store.
     *
     * @param name the store name
     * @param metricsScope the metrics scope of its supplier
     * @param retentionPeriod how long windows are kept behind stream time, in ms
     * @param segmentInterval the width of a segment, in ms, positive
     * @param windowSize the window size, in ms, used for the window ends handed out
     * @param retainDuplicates whether to keep every value put for a key and window
     */
    public RocksDBWindowStore(String name, String metricsScope, long retentionPeriod, long segmentInterval,
                              long windowSize, boolean retainDuplicates) {
        super(name, metricsScope, WindowKeySchema.INSTANCE, retentionPeriod, segmentInterval);
        this.windowSize = windowSize;
        this.retainDuplicates = retainDuplicates;
    }

    /** @return the window size in ms */
    public long windowSize() {
        return windowSize;
    }

    /** @return whether every value put for a key and window is kept */
    public boolean retainDuplicates() {
        return retainDuplicates;
    }

    /**
     * Answers {@link dev.millrace.streams.query.WindowKeyQuery} and the time form of
     * {@link dev.millrace.streams.query.WindowRangeQuery} over bytes, as described in {@link StoreQueries}, under
     * the store's monitor.
     */
    @Override
    public synchronized <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return StoreQueries.queryWindowStore(query, positionBound, config, this, lifecycle.position(), lifecycle.context());
    }

    @Override
    public synchronized void put(Bytes key, byte[] value, long windowStartTimestamp) {
        Objects.requireNonNull(key, "reason=nullKey");
        validateOpen();
        if (value == null && retainDuplicates) {
            return;
        }
        if (retainDuplicates) {
            seqnum = (seqnum + 1) & Integer.MAX_VALUE;
        }
        write(WindowKeySchema.toStoreKey(key.get(), windowStartTimestamp, seqnum), value);
    }

    @Override
    public synchronized byte[] fetch(Bytes key, long time) {
        Objects.requireNonNull(key, "reason=nullKey");
        return read(WindowKeySchema.toStoreKey(key.get(), time, seqnum));
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
        RocksDbIterator stored = fetchStored(key, key, timeFrom, timeTo, forward);
        return new RocksDBIteratorAdapter.WindowStarts(name, stored, WindowKeySchema::windowStart);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes keyFrom, Bytes keyTo, long timeFrom, long timeTo) {
        return fetchRange(keyFrom, keyTo, timeFrom, timeTo, true);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes keyFrom, Bytes keyTo, long timeFrom,
                                                                   long timeTo) {
        return fetchRange(keyFrom, keyTo, timeFrom, timeTo, false);
    }

    private KeyValueIterator<Windowed<Bytes>, byte[]> fetchRange(Bytes keyFrom, Bytes keyTo, long timeFrom,
                                                                 long timeTo, boolean forward) {
        validateOpen();
        if (InvalidRangeWarning.isInverted(name, keyFrom, keyTo)) {
            return KeyValueIterators.emptyIterator();
        }
        return windowed(fetchStored(keyFrom, keyTo, timeFrom, timeTo, forward));
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetchAll(long timeFrom, long timeTo) {
        return windowed(fetchStored(null, null, timeFrom, timeTo, true));
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetchAll(long timeFrom, long timeTo) {
        return windowed(fetchStored(null, null, timeFrom, timeTo, false));
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> all() {
        return windowed(fetchStored(null, null, 0, Long.MAX_VALUE, true));
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardAll() {
        return windowed(fetchStored(null, null, 0, Long.MAX_VALUE, false));
    }

    private KeyValueIterator<Windowed<Bytes>, byte[]> windowed(RocksDbIterator stored) {
        return new RocksDBIteratorAdapter<>(name, stored, this::windowedKey);
    }

    private Windowed<Bytes> windowedKey(byte[] storeKey) {
        long start = WindowKeySchema.windowStart(storeKey);
        long end = start + windowSize;
        return new Windowed<>(Bytes.wrap(WindowKeySchema.key(storeKey)),
                new TimeWindow(start, end < 0 ? Long.MAX_VALUE : end));
    }
}
