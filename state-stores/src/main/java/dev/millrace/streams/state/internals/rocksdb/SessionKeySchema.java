package dev.millrace.streams.state.internals.rocksdb;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The stored key of a session store, as Kafka Streams' {@code SessionKeySchema} lays it out:
 * {@code key bytes, session end (int64 big endian), session start (int64 big endian)}. Segments are chosen by
 * the session end. A fetch with bounds {@code [from, to]} matches the sessions that end at or after
 * {@code from} and start at or before {@code to} (Kafka's {@code findSessions(key, earliestSessionEndTime,
 * latestSessionStartTime)}). Stateless.
 */
public final class SessionKeySchema implements SegmentKeySchema {
    /** The one instance. */
    public static final SessionKeySchema INSTANCE = new SessionKeySchema();
    /** Length of the suffix: end and start. */
    public static final int SUFFIX_SIZE = 2 * Long.BYTES;

    private SessionKeySchema() {
    }

    /**
     * Builds a stored key.
     *
     * @param key   the key bytes
     * @param start the session start, non-negative
     * @param end   the session end, at least {@code start}
     * @return the stored key
     */
    public static byte[] toStoreKey(byte[] key, long start, long end) {
        return ByteBuffer.allocate(key.length + SUFFIX_SIZE).put(key).putLong(end).putLong(start).array();
    }

    /**
     * @param storeKey a stored key
     * @return a copy of the key bytes
     */
    public static byte[] key(byte[] storeKey) {
        return Arrays.copyOf(storeKey, storeKey.length - SUFFIX_SIZE);
    }

    /**
     * @param storeKey a stored key
     * @return the session end
     */
    public static long end(byte[] storeKey) {
        return ByteBuffer.wrap(storeKey).getLong(storeKey.length - SUFFIX_SIZE);
    }

    /**
     * @param storeKey a stored key
     * @return the session start
     */
    public static long start(byte[] storeKey) {
        return ByteBuffer.wrap(storeKey).getLong(storeKey.length - Long.BYTES);
    }

    @Override
    public int suffixLength() {
        return SUFFIX_SIZE;
    }

    @Override
    public long segmentTimestamp(byte[] storeKey) {
        return end(storeKey);
    }

    @Override
    public byte[] minSuffix(long timeFrom) {
        return ByteBuffer.allocate(SUFFIX_SIZE).putLong(timeFrom).putLong(0).array();
    }

    @Override
    public byte[] maxSuffix(long timeTo) {
        return ByteBuffer.allocate(SUFFIX_SIZE).putLong(Long.MAX_VALUE).putLong(Math.max(timeTo, 0)).array();
    }

    @Override
    public boolean matchesTime(byte[] storeKey, long timeFrom, long timeTo) {
        return end(storeKey) >= timeFrom && start(storeKey) <= timeTo;
    }

    @Override
    public long maxSegmentTimestamp(long timeTo) {
        return Long.MAX_VALUE;
    }
}
