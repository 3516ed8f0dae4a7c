package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.state.KeyValueStore;
import dev.millrace.streams.state.VersionedBytesStoreSupplier;

/**
 * Supplies in-memory versioned stores (beyond Kafka Streams) wrapped as {@link
 * dev.millrace.streams.state.VersionedBytesStore}s; metrics scope {@code in-memory-versioned}. Immutable.
 */
public class InMemoryVersionedBytesStoreSupplier implements VersionedBytesStoreSupplier {

    private final String name;
    private final long historyRetentionMs;

    /**
     * Creates a supplier.
     *
     * @param name the store name
     * @param historyRetentionMs the history retention (and grace period) in milliseconds
     */
    public InMemoryVersionedBytesStoreSupplier(String name, long historyRetentionMs) {
        this.name = name;
        this.historyRetentionMs = historyRetentionMs;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long historyRetentionMs() {
        return historyRetentionMs;
    }

    @Override
    public KeyValueStore<Bytes, byte[]> get() {
        return new VersionedKeyValueToBytesStoreAdapter(new InMemoryVersionedKeyValueStore(name, historyRetentionMs));
    }

    @Override
    public String metricsScope() {
        return "in-memory-versioned";
    }
}
