package dev.millrace.streams.state.internals.rocksdb;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The stored key of a window store, as Kafka Streams' {@code WindowKeySchema} lays it out:
 * {@code key bytes, window start (int64 big endian), sequence number (int32 big endian)}. The sequence number
 * keeps duplicates apart when a store retains them. Segments are chosen by the window start. Stateless.
 */
public final class WindowKeySchema implements SegmentKeySchema {
    /** The one instance. */
    public static final WindowKeySchema INSTANCE = new WindowKeySchema();
    /** Length of the suffix: timestamp and sequence number. */
    public static final int SUFFIX_SIZE = Long.BYTES + Integer.BYTES;

    private WindowKeySchema() {
    }

    /**
     * Builds a stored key.
     *
     * @param key         the key bytes
     * @param windowStart the window start, non-negative
     * @param sequence    the sequence number
     * @return the stored key
     */
    public static byte[] toStoreKey(byte[] key, long windowStart, int sequence) {
        return ByteBuffer.allocate(key.length + SUFFIX_SIZE).put(key).putLong(windowStart).putInt(sequence).array();
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
     * @return the window start
     */
    public static long windowStart(byte[] storeKey) {
        return ByteBuffer.wrap(storeKey).getLong(storeKey.length - SUFFIX_SIZE);
    }

    /**
     * @param storeKey a stored key
     * @return the sequence number
     */
    public static int sequence(byte[] storeKey) {
        return ByteBuffer.wrap(storeKey).getInt(storeKey.length - Integer.BYTES);
    }

    @Override
    public int suffixLength() {
        return SUFFIX_SIZE;
    }

    @Override
    public long segmentTimestamp(byte[] storeKey) {
        return windowStart(storeKey);
    }

    @Override
    public byte[] minSuffix(long timeFrom) {
        return ByteBuffer.allocate(SUFFIX_SIZE).putLong(timeFrom).putInt(0).array();
    }

    @Override
    public byte[] maxSuffix(long timeTo) {
        return ByteBuffer.allocate(SUFFIX_SIZE).putLong(timeTo).putInt(-1).array();
    }

    @Override
    public boolean matchesTime(byte[] storeKey, long timeFrom, long timeTo) {
        long start = windowStart(storeKey);
        return start >= timeFrom && start <= timeTo;
    }

    @Override
    public long maxSegmentTimestamp(long timeTo) {
        return timeTo;
    }
}
