package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.state.KeyValueStore;
import dev.millrace.streams.state.VersionedBytesStoreSupplier;

/**
 * Supplies {@link RocksDBVersionedStore}s presented as bytes stores through
 * {@link VersionedKeyValueToBytesStoreAdapter}; metrics scope {@code rocksdb} and Kafka Streams' default segment
 * interval (a third of the history retention for up to a minute, at least 2 s; a fifth up to five minutes, at
 * least 20 s; a twelfth up to an hour, at least a minute; else a 24th, at least five minutes). Immutable.
 */
public class RocksDbVersionedKeyValueBytesStoreSupplier implements VersionedBytesStoreSupplier {

    private final String name;
    private final long historyRetentionMs;
    private final long segmentIntervalMs;

    /**
     * Creates a supplier with the default segment interval.
     *
     * @param name the store name
     * @param historyRetentionMs the history retention in ms
     */
    public RocksDbVersionedKeyValueBytesStoreSupplier(String name, long historyRetentionMs) {
        this(name, historyRetentionMs, defaultSegmentInterval(historyRetentionMs));
    }

    /**
     * Creates a supplier.
     *
     * @param name the store name
     * @param historyRetentionMs the history retention in ms
     * @param segmentIntervalMs the segment interval in ms
     */
    public RocksDbVersionedKeyValueBytesStoreSupplier(String name, long historyRetentionMs, long segmentIntervalMs) {
        this.name = name;
        this.historyRetentionMs = historyRetentionMs;
        this.segmentIntervalMs = segmentIntervalMs;
    }

    private static long defaultSegmentInterval(long historyRetentionMs) {
        if (historyRetentionMs <= 60_000L) {
            return Math.max(historyRetentionMs / 3, 2_000L);
        } else if (historyRetentionMs <= 300_000L) {
            return Math.max(historyRetentionMs / 5, 20_000L);
        } else if (historyRetentionMs <= 3_600_000L) {
            return Math.max(historyRetentionMs / 12, 60_000L);
        }
        return Math.max(historyRetentionMs / 24, 300_000L);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long historyRetentionMs() {
        return historyRetentionMs;
    }

    /** @return the segment interval in ms */
    public long segmentIntervalMs() {
        return segmentIntervalMs;
    }

    @Override
    public KeyValueStore<Bytes, byte[]> get() {
        return new VersionedKeyValueToBytesStoreAdapter(
                new RocksDBVersionedStore(name, metricsScope(), historyRetentionMs, segmentIntervalMs));
    }

    @Override
    public String metricsScope() {
        return "rocksdb";
    }
}
