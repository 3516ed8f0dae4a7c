package dev.millrace.streams.state.internals.rocksdb;

import dev.millrace.common.TopicPartition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.rocksdb.ColumnFamilyHandle;

/**
 * Time-segmented RocksDB storage for window and session stores: stored keys laid out by a
 * {@link SegmentKeySchema} ({@link WindowKeySchema}, {@link SessionKeySchema}) go to the segment of their
 * segment timestamp; segments are column families of one database (see {@link RocksDbSegments}).
 *
 * <p><b>Retention</b>, as in Kafka Streams: each put advances the observed stream time to the largest segment
 * timestamp seen; a put into a segment that is no longer live is dropped ({@link #put} returns false); whole
 * segments expire as stream time advances. Reads ignore stored keys whose segment timestamp is at or before
 * {@code observedStreamTime - retention} ({@link #get} and {@link #fetch}; {@link #all} returns all live
 * segments, as Kafka's {@code all()} does).
 *
 * <p><b>Order.</b> Fetches return segment by segment, and within a segment by stored-key bytes (unsigned);
 * backward fetches reverse both. For a single key this is time order.
 *
 * <p><b>Commit, transactions, crash consistency</b>: as {@link RocksDbKeyValueEngine}, across all segments in
 * one atomic batch, which also records the observed stream time. In transactional mode, an {@link #abort()}
 * also restores the committed stream time and the segments it keeps live.
 *
 * <p>Timestamps are non-negative. Methods are synchronized; iterators are confined to their thread and must be
 * closed. Every method throws {@link RocksDbStoreException} after close or when RocksDB fails.
 */
public final class SegmentedRocksDbEngine implements RocksDbEngine {
    static final String STREAM_TIME_MARKER = "observed.stream.time";
    static final String INTERVAL_MARKER = "segment.interval.ms";

    private final RocksDbDatabase database;
    private final SegmentKeySchema schema;
    private final long retentionMs;
    private final long segmentIntervalMs;
    private final RocksDbSegments segments;
    private final RocksDbStatistics statistics;
    private final Set<SegmentedIterator> openIterators = new HashSet<>();
    private long observedStreamTime;
    private long committedStreamTime;

    private SegmentedRocksDbEngine(RocksDbDatabase database, SegmentKeySchema schema, long retentionMs,
                                   long segmentIntervalMs) {
        this.database = database;
        this.schema = schema;
        this.retentionMs = retentionMs;
        this.segmentIntervalMs = segmentIntervalMs;
        Long interval = database.committedMarker(INTERVAL_MARKER);
        if (interval != null && interval != segmentIntervalMs) {
            throw new RocksDbStoreException("segment interval differs from the stored one store=" + database.name()
                    + " segmentIntervalMs=" + segmentIntervalMs + " storedSegmentIntervalMs=" + interval);
        }
        if (interval == null) {
            database.writeMarker(INTERVAL_MARKER, segmentIntervalMs, true);
        }
        Long streamTime = database.committedMarker(STREAM_TIME_MARKER);
        this.observedStreamTime = streamTime == null ? -1 : streamTime;
        this.committedStreamTime = observedStreamTime;
        this.segments = new RocksDbSegments(database, retentionMs, segmentIntervalMs);
        segments.expire(observedStreamTime);
        segments.dropRetired();
        this.statistics = new RocksDbStatistics(database, this::sumLiveProperty);
    }

    /**
     * Opens the store in {@code dir}, creating it if needed.
     *
     * @param dir               the database directory
     * @param name              the store name
     * @param schema            the key layout
     * @param retentionMs       how long records are kept behind the observed stream time, non-negative
     * @param segmentIntervalMs the width of a segment, positive; Kafka's default is
     *                          {@link #defaultSegmentInterval(long)}. It must not change between opens.
     * @param budget            the memory budget, or null for the process-wide one
     * @param configs           store configuration
     * @return the open store
     */
    public static SegmentedRocksDbEngine open(Path dir, String name, SegmentKeySchema schema, long retentionMs,
                                              long segmentIntervalMs, RocksDbMemoryBudget budget,
                                              Map<String, ?> configs) {
        if (retentionMs < 0 || segmentIntervalMs <= 0) {
            throw new IllegalArgumentException("invalid segmentation store=" + name + " retentionMs=" + retentionMs
                    + " segmentIntervalMs=" + segmentIntervalMs);
        }
        RocksDbDatabase database = RocksDbDatabase.open(dir, name, budget, configs);
        try {
            return new SegmentedRocksDbEngine(database, schema, retentionMs, segmentIntervalMs);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * Kafka Streams' segment interval for a retention period.
     *
     * @param retentionMs the retention period
     * @return {@code max(retentionMs / 2, 60 000)}
     */
    public static long defaultSegmentInterval(long retentionMs) {
        return RocksDbSegments.defaultSegmentInterval(retentionMs);
    }

    /** @return the store name */
    public String name() {
        return database.name();
    }

    /** @return whether writes stay in an overlay until commit */
    public boolean transactional() {
        return database.transactional();
    }

    /** @return the retention period */
    public long retentionMs() {
        return retentionMs;
    }

    /** @return the segment width */
    public long segmentIntervalMs() {
        return segmentIntervalMs;
    }

    /** @return the largest segment timestamp put so far, -1 before any */
    public synchronized long observedStreamTime() {
        return observedStreamTime;
    }

    /**
     * Writes a stored key; a null value deletes it. Advances the observed stream time and expires segments.
     *
     * @param storeKey a key laid out by the schema
     * @param value    the value, or null
     * @return false if the key's segment has expired and the write was dropped
     */
    public synchronized boolean put(byte[] storeKey, byte[] value) {
        database.checkOpen();
        long timestamp = schema.segmentTimestamp(storeKey);
        if (timestamp < 0) {
            throw new IllegalArgumentException("negative timestamp store=" + name() + " timestamp=" + timestamp);
        }
        boolean advanced = timestamp > observedStreamTime;
        observedStreamTime = Math.max(observedStreamTime, timestamp);
        ColumnFamilyHandle segment = segments.getOrCreateIfLive(segments.segmentId(timestamp), observedStreamTime);
        if (advanced) {
            segments.expire(observedStreamTime);
            dropRetiredIfIdle(false);
        }
        if (segment == null) {
            return false;
        }
        database.put(segment, storeKey, value);
        return true;
    }

    /**
     * Deletes a stored key from its segment if that segment is live. Unlike a put of null, this neither advances
     * the observed stream time nor creates a segment, as Kafka Streams' {@code remove} does.
     *
     * @param storeKey a key laid out by the schema
     */
    public synchronized void delete(byte[] storeKey) {
        database.checkOpen();
        ColumnFamilyHandle segment = segments.live(segments.segmentId(schema.segmentTimestamp(storeKey)));
        if (segment != null) {
            database.put(segment, storeKey, null);
        }
    }

    /**
     * Reads a stored key.
     *
     * @param storeKey a key laid out by the schema
     * @return its value, or null if absent, deleted or expired
     */
    public synchronized byte[] get(byte[] storeKey) {
        database.checkOpen();
        long timestamp = schema.segmentTimestamp(storeKey);
        if (timestamp < observedStreamTime - retentionMs + 1) {
            return null;
        }
        ColumnFamilyHandle segment = segments.live(segments.segmentId(timestamp));
        return segment == null ? null : database.get(segment, storeKey);
    }

    /**
     * Fetches the stored keys whose key bytes lie in {@code [keyFrom, keyTo]} (null bounds are open) and whose
     * times match {@code [timeFrom, timeTo]} in the schema's sense.
     *
     * @param keyFrom  the lowest key bytes, or null
     * @param keyTo    the highest key bytes, or null
     * @param timeFrom the lower time bound (raised to what retention still keeps)
     * @param timeTo   the upper time bound
     * @param forward  ascending when true, descending when false
     * @return an iterator to close
     */
    public synchronized RocksDbIterator fetch(byte[] keyFrom, byte[] keyTo, long timeFrom, long timeTo,
                                              boolean forward) {
        database.checkOpen();
        long from = Math.max(Math.max(timeFrom, 0), observedStreamTime - retentionMs + 1);
        List<ColumnFamilyHandle> searched = List.of();
        boolean keysEmpty = keyFrom != null && keyTo != null && UnsignedBytes.compare(keyFrom, keyTo) > 0;
        if (!keysEmpty && timeTo >= 0 && schema.maxSegmentTimestamp(timeTo) >= from) {
            searched = segments.search(segments.segmentId(from),
                    segments.segmentId(schema.maxSegmentTimestamp(timeTo)), forward);
        }
        Predicate<byte[]> filter = storeKey -> {
            byte[] key = schema.extractKey(storeKey);
            return (keyFrom == null || UnsignedBytes.compare(key, keyFrom) >= 0)
                    && (keyTo == null || UnsignedBytes.compare(key, keyTo) <= 0)
                    && schema.matchesTime(storeKey, from, timeTo);
        };
        return track(new SegmentedIterator(database, searched, lowerBound(keyFrom, keyTo, from),
                upperBound(keyFrom, keyTo, timeTo), forward, filter, this::iteratorClosed));
    }

    /**
     * Iterates every stored key of every live segment.
     *
     * @param forward ascending when true, descending when false
     * @return an iterator to close
     */
    public synchronized RocksDbIterator all(boolean forward) {
        database.checkOpen();
        return track(new SegmentedIterator(database, segments.all(forward), null, null, forward, key -> true,
                this::iteratorClosed));
    }

    private byte[] lowerBound(byte[] keyFrom, byte[] keyTo, long timeFrom) {
        if (keyFrom == null) {
            return null;
        }
        return Arrays.equals(keyFrom, keyTo) ? UnsignedBytes.concat(keyFrom, schema.minSuffix(timeFrom))
                : UnsignedBytes.concat(keyFrom, new byte[schema.suffixLength()]);
    }

    /**
     * The largest stored key that can match: {@code keyTo + maxSuffix}, or a shorter key that is a prefix of
     * {@code keyTo} followed by a suffix that sorts after {@code keyTo}'s next byte.
     */
    private byte[] upperBound(byte[] keyFrom, byte[] keyTo, long timeTo) {
        if (keyTo == null) {
            return null;
        }
        byte[] maxSuffix = schema.maxSuffix(timeTo);
        byte[] bound = UnsignedBytes.concat(keyTo, maxSuffix);
        if (Arrays.equals(keyFrom, keyTo)) {
            return bound;
        }
        for (int length = 0; length < keyTo.length; length++) {
            byte[] prefix = Arrays.copyOf(keyTo, length);
            if (keyFrom == null || UnsignedBytes.compare(prefix, keyFrom) >= 0) {
                bound = UnsignedBytes.max(bound, UnsignedBytes.concat(prefix, maxSuffix));
            }
        }
        return bound;
    }

    private RocksDbIterator track(SegmentedIterator iterator) {
        openIterators.add(iterator);
        return iterator;
    }

    private synchronized void iteratorClosed(SegmentedIterator iterator) {
        openIterators.remove(iterator);
    }

    /**
     * Drops retired segments once no iterator reads them: at commit in transactional mode (after the commit that
     * retired them), at once otherwise. Dropping flushes first ({@link RocksDbDatabase#dropColumn}), so a drop is
     * never durable ahead of the writes and the commit before it.
     */
    private void dropRetiredIfIdle(boolean committing) {
        if (segments.hasRetired() && openIterators.isEmpty() && (committing || !database.transactional())) {
            segments.dropRetired();
        }
    }

    /**
     * Atomically writes pending writes (transactional mode), the offsets, the position and the observed stream time.
     *
     * @param offsets  the changelog offsets this store has applied
     * @param position the store's position components, per input topic partition
     */
    @Override
    public synchronized void commit(Map<TopicPartition, Long> offsets, Map<TopicPartition, Long> position) {
        database.commit(offsets, Map.of(STREAM_TIME_MARKER, observedStreamTime), position);
        committedStreamTime = observedStreamTime;
        dropRetiredIfIdle(true);
    }

    /**
     * Drops every write since the last commit and restores the committed stream time.
     *
     * @throws IllegalStateException if the store is not transactional
     */
    public synchronized void abort() {
        database.abort();
        observedStreamTime = committedStreamTime;
        segments.revive(observedStreamTime);
    }

    /**
     * @param partition a changelog partition
     * @return the offset last committed for it, or null
     */
    public Long committedOffset(TopicPartition partition) {
        return database.committedOffset(partition);
    }

    /** @return every committed offset */
    public Map<TopicPartition, Long> committedOffsets() {
        return database.committedOffsets();
    }

    @Override
    public Map<TopicPartition, Long> committedPosition() {
        return database.committedPosition();
    }

    /** @return RocksDB's estimate of committed keys over live segments */
    public long approximateNumEntries() {
        return Math.max(0, statistics.estimateNumKeys());
    }

    /** @return the ids of live segments, ascending */
    public synchronized List<Long> liveSegmentIds() {
        return segments.liveIds();
    }

    /** Writes memtables to table files. */
    public void flush() {
        database.flush();
    }

    /** Prepares for a restore, see {@link RocksDbKeyValueEngine#beginBulkLoad()}. */
    public void beginBulkLoad() {
        database.beginBulkLoad();
    }

    /** Ends a restore, see {@link RocksDbKeyValueEngine#endBulkLoad()}. */
    public void endBulkLoad() {
        database.endBulkLoad();
    }

    /** @return the store's RocksDB figures over live segments */
    public RocksDbStatistics statistics() {
        return statistics;
    }

    private synchronized long sumLiveProperty(String property) {
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        for (Long id : segments.liveIds()) {
            handles.add(segments.live(id));
        }
        return database.sumProperty(handles, property);
    }

    /** Closes open iterators, drops uncommitted writes and releases native resources. Idempotent. */
    @Override
    public synchronized void close() {
        openIterators.clear();
        database.close();
    }

    @Override
    public String toString() {
        return "SegmentedRocksDbEngine(" + database + " retentionMs=" + retentionMs + " segmentIntervalMs="
                + segmentIntervalMs + ")";
    }
}
