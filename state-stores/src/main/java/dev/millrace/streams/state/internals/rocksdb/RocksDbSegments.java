package dev.millrace.streams.state.internals.rocksdb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.rocksdb.ColumnFamilyHandle;

/**
 * The time segments of a segmented engine: segment {@code id} holds the keys whose segment timestamp {@code t}
 * has {@code t / segmentInterval == id}, in its own column family {@code segment.<id>} of the engine's single
 * database (Kafka uses one database per segment; column families share the memory budget and the atomic
 * flush, and therefore one atomic commit across segments, and dropping one deletes its files at once).
 *
 * <p>A segment is live while {@code id >= segmentId(streamTime - retention)}, as in Kafka. Expired segments are
 * first retired (invisible to reads, writes and new iterators) and dropped physically by
 * {@link #dropRetired()} once no iterator is open (and, in transactional mode, at commit), so that an abort can
 * bring them back. Confined to the owning engine, which holds its lock when calling.
 */
final class RocksDbSegments {
    static final String COLUMN_PREFIX = "segment.";

    private final RocksDbDatabase database;
    private final long retentionMs;
    private final long segmentIntervalMs;
    private final TreeMap<Long, ColumnFamilyHandle> live = new TreeMap<>();
    private final TreeSet<Long> retired = new TreeSet<>();

    RocksDbSegments(RocksDbDatabase database, long retentionMs, long segmentIntervalMs) {
        this.database = database;
        this.retentionMs = retentionMs;
        this.segmentIntervalMs = segmentIntervalMs;
        for (Map.Entry<String, ColumnFamilyHandle> column : database.namedColumns().entrySet()) {
            if (column.getKey().startsWith(COLUMN_PREFIX)) {
                live.put(Long.parseLong(column.getKey().substring(COLUMN_PREFIX.length())), column.getValue());
            }
        }
    }

    /**
     * Kafka Streams' default segment interval for a retention period.
     *
     * @param retentionMs the retention period
     * @return {@code max(retentionMs / 2, 60 000)}
     */
    static long defaultSegmentInterval(long retentionMs) {
        return Math.max(retentionMs / 2, 60_000L);
    }

    long segmentId(long timestamp) {
        return timestamp / segmentIntervalMs;
    }

    long minLiveSegment(long streamTime) {
        return segmentId(streamTime - retentionMs);
    }

    ColumnFamilyHandle live(long segmentId) {
        return live.get(segmentId);
    }

    /** Returns the live segment, creating it if it would be live; null if it is expired. */
    ColumnFamilyHandle getOrCreateIfLive(long segmentId, long streamTime) {
        if (segmentId < minLiveSegment(streamTime)) {
            return null;
        }
        ColumnFamilyHandle handle = live.get(segmentId);
        if (handle == null) {
            if (retired.remove(segmentId)) {
                handle = database.namedColumns().get(COLUMN_PREFIX + segmentId);
            }
            if (handle == null) {
                handle = database.createColumn(COLUMN_PREFIX + segmentId);
            }
            live.put(segmentId, handle);
        }
        return handle;
    }

    /** Retires every segment that the stream time has expired. */
    void expire(long streamTime) {
        NavigableMap<Long, ColumnFamilyHandle> expired = live.headMap(minLiveSegment(streamTime), false);
        retired.addAll(expired.keySet());
        expired.clear();
    }

    /** Brings back retired segments that are live again at an earlier stream time (after an abort). */
    void revive(long streamTime) {
        long min = minLiveSegment(streamTime);
        for (Long id : List.copyOf(retired.tailSet(min, true))) {
            ColumnFamilyHandle handle = database.namedColumns().get(COLUMN_PREFIX + id);
            retired.remove(id);
            if (handle != null) {
                live.put(id, handle);
            }
        }
    }

    boolean hasRetired() {
        return !retired.isEmpty();
    }

    /** Drops retired segments physically. */
    void dropRetired() {
        if (retired.isEmpty()) {
            return;
        }
        for (Long id : List.copyOf(retired)) {
            database.dropColumn(COLUMN_PREFIX + id);
            retired.remove(id);
        }
    }

    /** Live segments whose ids lie in {@code [fromId, toId]}, ascending or descending. */
    List<ColumnFamilyHandle> search(long fromId, long toId, boolean forward) {
        if (fromId > toId) {
            return List.of();
        }
        NavigableMap<Long, ColumnFamilyHandle> range = live.subMap(fromId, true, toId, true);
        return new ArrayList<>(forward ? range.values() : range.descendingMap().values());
    }

    List<ColumnFamilyHandle> all(boolean forward) {
        return new ArrayList<>(forward ? live.values() : live.descendingMap().values());
    }

    List<Long> liveIds() {
        return new ArrayList<>(live.keySet());
    }

    List<Long> retiredIds() {
        return new ArrayList<>(retired);
    }
}
