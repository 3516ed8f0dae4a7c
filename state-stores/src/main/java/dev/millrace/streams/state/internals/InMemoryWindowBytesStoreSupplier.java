package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.state.WindowBytesStoreSupplier;
import dev.millrace.streams.state.WindowStore;

/**
 * Supplies {@link InMemoryWindowStore}s; metrics scope {@code in-memory-window}; not segmented (segment interval
 * 1). Immutable.
 */
public class InMemoryWindowBytesStoreSupplier implements WindowBytesStoreSupplier {

    private final String name;
    private final long retentionPeriod;
    private final long windowSize;
    private final boolean retainDuplicates;

    /**
     * Creates a supplier.
     *
     * @param name the store name
     * @param retentionPeriod the retention period in milliseconds
     * @param windowSize the window size in milliseconds
     * @param retainDuplicates whether to keep every value put for a key and window
     */
    public InMemoryWindowBytesStoreSupplier(String name, long retentionPeriod, long windowSize,
                                            boolean retainDuplicates) {
        this.name = name;
        this.retentionPeriod = retentionPeriod;
        this.windowSize = windowSize;
        this.retainDuplicates = retainDuplicates;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public WindowStore<Bytes, byte[]> get() {
        return new InMemoryWindowStore(name, retentionPeriod, windowSize, retainDuplicates);
    }

    @Override
    public String metricsScope() {
        return "in-memory-window";
    }

    @Override
    public long segmentIntervalMs() {
        return 1L;
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
        return "InMemoryWindowBytesStoreSupplier{name=" + name + ", retentionPeriod=" + retentionPeriod
                + ", windowSize=" + windowSize + ", retainDuplicates=" + retainDuplicates + '}';
    }
}
