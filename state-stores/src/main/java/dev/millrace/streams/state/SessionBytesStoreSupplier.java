package dev.millrace.streams.state;

import dev.millrace.common.utils.Bytes;

/** Supplies session stores over serialized keys and values. */
public interface SessionBytesStoreSupplier extends StoreSupplier<SessionStore<Bytes, byte[]>> {

    /**
     * Returns the time span of one storage segment (1 for stores that are not segmented).
     *
     * @return the segment interval in milliseconds
     */
    long segmentIntervalMs();

    /**
     * Returns how long sessions are kept after stream time passes their end.
     *
     * @return the retention period in milliseconds
     */
    long retentionPeriod();
}
