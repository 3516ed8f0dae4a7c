package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.state.KeyValueBytesStoreSupplier;
import dev.millrace.streams.state.KeyValueStore;

/** Supplies {@link MemoryLRUCache}s of a fixed size; metrics scope {@code in-memory-lru}. Immutable. */
public class MemoryLRUCacheBytesStoreSupplier implements KeyValueBytesStoreSupplier {

    private final String name;
    private final int maxCacheSize;

    /**
     * Creates a supplier.
     *
     * @param name the store name
     * @param maxCacheSize the maximum number of entries per store
     */
    public MemoryLRUCacheBytesStoreSupplier(String name, int maxCacheSize) {
        this.name = name;
        this.maxCacheSize = maxCacheSize;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public KeyValueStore<Bytes, byte[]> get() {
        return new MemoryLRUCache(name, maxCacheSize);
    }

    @Override
    public String metricsScope() {
        return "in-memory-lru";
    }
}
