package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The cache keys of the window and session caching layers (Kafka Streams' {@code SegmentedCacheFunction}): the
 * segment id of the record (its segment timestamp divided by the segment interval) as an 8-byte big-endian prefix,
 * then the record's binary store key. The prefix keeps the cache sorted by segment first, as the segmented stores
 * below are.
 */
final class SegmentedCacheKeys {

    private static final int PREFIX_SIZE = Long.BYTES;

    private final long segmentInterval;

    SegmentedCacheKeys(long segmentInterval) {
        if (segmentInterval <= 0) {
            throw new IllegalArgumentException("reason=nonPositiveSegmentInterval segmentInterval=" + segmentInterval);
        }
        this.segmentInterval = segmentInterval;
    }

    long segmentId(long segmentTimestamp) {
        return Math.max(0, segmentTimestamp) / segmentInterval;
    }

    Bytes cacheKey(Bytes binaryKey, long segmentTimestamp) {
        byte[] raw = binaryKey.get();
        return Bytes.wrap(ByteBuffer.allocate(PREFIX_SIZE + raw.length).putLong(segmentId(segmentTimestamp)).put(raw)
                .array());
    }

    /** Returns the first cache key of the segment of a timestamp. */
    Bytes lowerBound(long segmentTimestamp) {
        return Bytes.wrap(ByteBuffer.allocate(PREFIX_SIZE).putLong(segmentId(segmentTimestamp)).array());
    }

    /** Returns the first cache key after the segment of a timestamp, or null when there is none. */
    Bytes upperBoundExclusive(long segmentTimestamp) {
        long segment = segmentId(segmentTimestamp);
        return segment == Long.MAX_VALUE ? null : Bytes.wrap(ByteBuffer.allocate(PREFIX_SIZE).putLong(segment + 1)
                .array());
    }

    /**
     * Compares a cache key with the binary key of a record of the store below, as Kafka does: segment ids first,
     * then the binary keys in unsigned lexicographic order.
     *
     * @param cacheKey a cache key
     * @param storeBinaryKey a binary store key
     * @param storeSegmentTimestamp the segment timestamp of the store record
     * @return the comparison
     */
    int compareSegmentedKeys(Bytes cacheKey, byte[] storeBinaryKey, long storeSegmentTimestamp) {
        int segmentComparison = Long.compare(segmentIdOf(cacheKey), segmentId(storeSegmentTimestamp));
        if (segmentComparison != 0) {
            return segmentComparison;
        }
        byte[] cache = cacheKey.get();
        return Bytes.BYTES_LEXICO_COMPARATOR.compare(cache, PREFIX_SIZE, cache.length - PREFIX_SIZE,
                storeBinaryKey, 0, storeBinaryKey.length);
    }

    static long segmentIdOf(Bytes cacheKey) {
        return ByteBuffer.wrap(cacheKey.get()).getLong();
    }

    static byte[] binaryKey(Bytes cacheKey) {
        byte[] raw = cacheKey.get();
        return Arrays.copyOfRange(raw, PREFIX_SIZE, raw.length);
    }
}
