package dev.millrace.streams.state;

import dev.millrace.common.utils.Bytes;

/** Supplies window stores over serialized keys and values. */
public interface WindowBytesStoreSupplier extends StoreSupplier<WindowStore<Bytes, byte[]>> {

    /**
     * Returns the time span of one storage segment (1 for stores that are not segmented).
     *
     * @return the segment interval in milliseconds
     */
    long segmentIntervalMs();

    /**
     * Returns the size of the windows stored.
     *
     * @return the window size in milliseconds
     */
    long windowSize();

    /**
     * Tells whether several values per key and window start are kept (for joins).
     *
     * @return true to keep duplicates
     */
    boolean retainDuplicates();

    /**
     * Returns how long windows are kept after stream time passes their start.
     *
     * @return the retention period in milliseconds
     */
    long retentionPeriod();
}
