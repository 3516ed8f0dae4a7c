package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.state.KeyValueBytesStoreSupplier;
import dev.millrace.streams.state.KeyValueStore;

/**
 * Supplies {@link RocksDBStore}s, or {@link RocksDBTimestampedStore}s when asked for timestamped ones; metrics
 * scope {@code rocksdb}, as Kafka Streams'. Immutable; every {@link #get()} returns a new closed store.
 */
public class RocksDBKeyValueBytesStoreSupplier implements KeyValueBytesStoreSupplier {

    private final String name;
    private final boolean returnTimestampedStore;

    /**
     * Creates a supplier.
     *
     * @param name the store name
     * @param returnTimestampedStore whether the stores hold values in the timestamped layout
     */
    public RocksDBKeyValueBytesStoreSupplier(String name, boolean returnTimestampedStore) {
        this.name = name;
        this.returnTimestampedStore = returnTimestampedStore;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public KeyValueStore<Bytes, byte[]> get() {
        return returnTimestampedStore ? new RocksDBTimestampedStore(name, metricsScope())
                : new RocksDBStore(name, metricsScope());
    }

    @Override
    public String metricsScope() {
        return "rocksdb";
    }

    @Override
    public String toString() {
        return "RocksDBKeyValueBytesStoreSupplier{name=" + name + ", timestamped=" + returnTimestampedStore + '}';
    }
}
