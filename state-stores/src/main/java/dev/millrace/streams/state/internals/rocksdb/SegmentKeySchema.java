package dev.millrace.streams.state.internals.rocksdb;

import java.util.Arrays;

/**
 * How a segmented store lays out its keys: the caller's key bytes followed by a fixed-length suffix of
 * timestamps. The schema tells the engine which segment a stored key belongs to and which stored keys a
 * time-bounded fetch matches; it must order the suffix so that, for one key, stored keys of interest lie
 * between {@code key + minSuffix(from)} and {@code key + maxSuffix(to)}. Timestamps are non-negative.
 * Implementations are stateless.
 */
public interface SegmentKeySchema {

    /** @return the length of the timestamp suffix in bytes */
    int suffixLength();

    /**
     * Returns the timestamp that places a stored key in a segment.
     *
     * @param storeKey a stored key
     * @return its segment timestamp
     */
    long segmentTimestamp(byte[] storeKey);

    /**
     * Returns the smallest suffix a stored key matching {@code [timeFrom, ...]} can have.
     *
     * @param timeFrom the lower time bound, non-negative
     * @return the suffix
     */
    byte[] minSuffix(long timeFrom);

    /**
     * Returns the largest suffix a stored key matching {@code [..., timeTo]} can have.
     *
     * @param timeTo the upper time bound
     * @return the suffix
     */
    byte[] maxSuffix(long timeTo);

    /**
     * Tells whether a stored key lies in a fetch's time bounds.
     *
     * @param storeKey a stored key
     * @param timeFrom the lower time bound
     * @param timeTo   the upper time bound
     * @return whether it matches
     */
    boolean matchesTime(byte[] storeKey, long timeFrom, long timeTo);

    /**
     * Returns the largest segment timestamp that can hold a key matching a fetch whose upper time bound is
     * {@code timeTo}.
     *
     * @param timeTo the upper time bound
     * @return the largest segment timestamp to search
     */
    long maxSegmentTimestamp(long timeTo);

    /**
     * Returns the caller's key of a stored key.
     *
     * @param storeKey a stored key
     * @return a copy of its key bytes
     */
    default byte[] extractKey(byte[] storeKey) {
        return Arrays.copyOf(storeKey, storeKey.length - suffixLength());
    }
}
