package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.state.SessionBytesStoreSupplier;
import dev.millrace.streams.state.SessionStore;

/**
 * Supplies {@link InMemorySessionStore}s; metrics scope {@code in-memory-session}; not segmented (segment
 * interval 1). Immutable.
 */
public class InMemorySessionBytesStoreSupplier implements SessionBytesStoreSupplier {

    private final String name;
    private final long retentionPeriod;

    /**
     * Creates a supplier.
     *
     * @param name the store name
     * @param retentionPeriod the retention period in milliseconds
     */
    public InMemorySessionBytesStoreSupplier(String name, long retentionPeriod) {
        this.name = name;
        this.retentionPeriod = retentionPeriod;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SessionStore<Bytes, byte[]> get() {
        return new InMemorySessionStore(name, retentionPeriod);
    }

    @Override
    public String metricsScope() {
        return "in-memory-session";
    }

    @Override
    public long segmentIntervalMs() {
        return 1L;
    }

    @Override
    public long retentionPeriod() {
        return retentionPeriod;
    }
}
