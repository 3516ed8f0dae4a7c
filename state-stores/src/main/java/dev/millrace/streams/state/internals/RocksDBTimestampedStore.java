package dev.millrace.streams.state.internals;

import dev.millrace.streams.state.TimestampedBytesStore;

/**
 * A {@link RocksDBStore} whose values are in Kafka Streams' timestamped layout: an 8-byte big-endian timestamp
 * followed by the plain value, as written by the timestamped typed layer. The store itself stores the bytes it is
 * given; the {@link TimestampedBytesStore} marker tells the builders that no format conversion is needed.
 * Same guarantees, threading and failure cases as {@link RocksDBStore}.
 */
public class RocksDBTimestampedStore extends RocksDBStore implements TimestampedBytesStore {

    /**
     * Creates a closed store.
     *
     * @param name the store name
     * @param metricsScope the metrics scope of its supplier
     */
    public RocksDBTimestampedStore(String name, String metricsScope) {
        super(name, metricsScope);
    }
}
