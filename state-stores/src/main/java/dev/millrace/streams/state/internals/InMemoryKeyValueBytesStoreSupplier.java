package dev.millrace.streams.state.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.state.KeyValueBytesStoreSupplier;
import dev.millrace.streams.state.KeyValueStore;

/** Supplies {@link InMemoryKeyValueStore}s; metrics scope {@code in-memory}. Immutable. */
public class InMemoryKeyValueBytesStoreSupplier implements KeyValueBytesStoreSupplier {

    private final String name;

    /**
     * Creates a supplier.
     *
     * @param name the store name
     */
    public InMemoryKeyValueBytesStoreSupplier(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public KeyValueStore<Bytes, byte[]> get() {
        return new InMemoryKeyValueStore(name);
    }

    @Override
    public String metricsScope() {
        return "in-memory";
    }
}
