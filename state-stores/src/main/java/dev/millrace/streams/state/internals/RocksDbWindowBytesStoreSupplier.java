package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.state.WindowBytesStoreSupplier;
import dev.millrace.streams.state.WindowStore;

/**
 * Supplies {@link RocksDBWindowStore}s, or {@link RocksDBTimestampedWindowStore}s when asked for timestamped
 * ones; metrics scope {@code rocksdb-window}, as Kafka Streams'. Immutable; arguments are validated by
 * {@code Stores}.
 */
public class RocksDbWindowBytesStoreSupplier implements WindowBytesStoreSupplier {

    private final String name;
    private final long retentionPeriod;
    private final long segmentInterval;
    private final long windowSize;
    private final boolean retainDuplicates;
    private final boolean returnTimestampedStore;

    /**
     * Creates a supplier.
     *
     * @param name the store name
     * @param retentionPeriod the retention period in ms
     * @param segmentInterval the segment width in ms, positive
     * @param windowSize the window size in ms
     * @param retainDuplicates whether to keep every value put for a key and window
     * @param returnTimestampedStore whether the stores hold values in the timestamped layout
     */
    public RocksDbWindowBytesStoreSupplier(String name, long retentionPeriod, long segmentInterval,
                                           long windowSize, boolean retainDuplicates,
                                           boolean returnTimestampedStore) {
        this.name = name;
        this.retentionPeriod = retentionPeriod;
        this.segmentInterval = segmentInterval;
        this.windowSize = windowSize;
        this.retainDuplicates = retainDuplicates;
        this.returnTimestampedStore = returnTimestampedStore;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public WindowStore<Bytes, byte[]> get() {
        return returnTimestampedStore
                ? new RocksDBTimestampedWindowStore(name, metricsScope(), retentionPeriod, segmentInterval,
                        windowSize, retainDuplicates)
                : new RocksDBWindowStore(name, metricsScope(), retentionPeriod, segmentInterval, windowSize,
                        retainDuplicates);
    }

    @Override
    public String metricsScope() {
        return "rocksdb-window";
    }

    @Override
    public long segmentIntervalMs() {
        return segmentInterval;
    }

    @Override
    public long windowSize() {
        return windowSize;
    }

    @Override
    public boolean retainDuplicates() {
        return retainDuplicates;
    }

    @Override
    public long retentionPeriod() {
        return retentionPeriod;
    }

    @Override
    public String toString() {
        return "RocksDbWindowBytesStoreSupplier{name=" + name + ", retentionPeriod=" + retentionPeriod
                + ", segmentInterval=" + segmentInterval + ", windowSize=" + windowSize + ", retainDuplicates="
                + retainDuplicates + ", timestamped=" + returnTimestampedStore + '}';
    }
}
