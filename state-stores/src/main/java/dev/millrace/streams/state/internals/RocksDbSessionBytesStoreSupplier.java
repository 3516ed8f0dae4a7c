package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.state.SessionBytesStoreSupplier;
import dev.millrace.streams.state.SessionStore;

/**
 * Supplies {@link RocksDBSessionStore}s; metrics scope {@code rocksdb-session} and segment interval
 * {@code max(retentionPeriod / 2, 60 000)} ms, as Kafka Streams'. Immutable.
 */
public class RocksDbSessionBytesStoreSupplier implements SessionBytesStoreSupplier {

    private final String name;
    private final long retentionPeriod;

    /**
     * Creates a supplier.
     *
     * @param name the store name
     * @param retentionPeriod the retention period in ms
     */
    public RocksDbSessionBytesStoreSupplier(String name, long retentionPeriod) {
        this.name = name;
        this.retentionPeriod = retentionPeriod;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SessionStore<Bytes, byte[]> get() {
        return new RocksDBSessionStore(name, metricsScope(), retentionPeriod, segmentIntervalMs());
    }

    @Override
    public String metricsScope() {
        return "rocksdb-session";
    }

    @Override
    public long segmentIntervalMs() {
        return Math.max(retentionPeriod / 2, 60_000L);
    }

    @Override
    public long retentionPeriod() {
        return retentionPeriod;
    }

    @Override
    public String toString() {
        return "RocksDbSessionBytesStoreSupplier{name=" + name + ", retentionPeriod=" + retentionPeriod + '}';
    }
}
