package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;

import java.util.List;

/**
 * The operations of a window store over bytes, implemented by Millrace's store, Kafka Streams' store and a
 * model, so that one random driver can compare them. Fetches return drained results as text:
 * {@code start=value} for one key, {@code key@start/end=value} for windowed results.
 */
interface WindowOps {

    void put(Bytes key, byte[] value, long windowStart);

    byte[] fetch(Bytes key, long time);

    List<String> fetchKey(Bytes key, long from, long to, boolean forward);

    List<String> fetchRange(Bytes keyFrom, Bytes keyTo, long from, long to, boolean forward);

    List<String> fetchAll(long from, long to, boolean forward);

    List<String> all(boolean forward);

    /** Fetches all keys in a time range, performing {@code writes} after reading the first element. */
    default List<String> fetchAllWhileWriting(long from, long to, Runnable writes) {
        throw new UnsupportedOperationException("reason=notImplementedByModel");
    }
}
