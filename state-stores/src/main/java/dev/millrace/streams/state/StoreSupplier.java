package dev.millrace.streams.state;

import dev.millrace.streams.processor.StateStore;

/**
 * Creates the innermost (bytes) store of a store builder. Each {@link #get()} returns a new instance, one per
 * task.
 *
 * @param <T> the store type
 */
public interface StoreSupplier<T extends StateStore> {

    /**
     * Returns the name of the stores this supplier creates.
     *
     * @return the store name
     */
    String name();

    /**
     * Creates a new store instance.
     *
     * @return a new, uninitialised store
     */
    T get();

    /**
     * Returns the metrics scope of the store type, such as {@code in-memory} or {@code rocksdb}.
     *
     * @return the scope
     */
    String metricsScope();
}
