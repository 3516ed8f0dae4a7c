package dev.millrace.streams.state.internals;

import dev.millrace.streams.state.TimestampedBytesStore;

/**
 * A {@link RocksDBWindowStore} whose values are in Kafka Streams' timestamped layout (8-byte timestamp, then the
 * plain value), as written by the timestamped typed layer. The store keeps the bytes it is given; the
 * {@link TimestampedBytesStore} marker tells the builders that no conversion is needed. Same guarantees,
 * threading and failure cases as {@link RocksDBWindowStore}.
 */
public class RocksDBTimestampedWindowStore extends RocksDBWindowStore implements TimestampedBytesStore {

    /**
     * Creates a closed store.
     *
     * @param name the store name
     * @param metricsScope the metrics scope of its supplier
     * @param retentionPeriod how long windows are kept behind stream time, in ms
     * @param segmentInterval the width of a segment, in ms, positive
     * @param windowSize the window size, in ms
     * @param retainDuplicates whether to keep every value put for a key and window
     */
    public RocksDBTimestampedWindowStore(String name, String metricsScope, long retentionPeriod,
                                         long segmentInterval, long windowSize, boolean retainDuplicates) {
        super(name, metricsScope, retentionPeriod, segmentInterval, windowSize, retainDuplicates);
    }
}
