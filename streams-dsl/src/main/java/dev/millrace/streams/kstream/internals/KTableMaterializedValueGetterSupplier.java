package dev.millrace.streams.kstream.internals;

import dev.millrace.streams.processor.api.ProcessorContext;
import dev.millrace.streams.state.TimestampedKeyValueStore;
import dev.millrace.streams.state.ValueAndTimestamp;

/**
 * Value getters reading a materialized KTable's timestamped store.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class KTableMaterializedValueGetterSupplier<K, V> implements KTableValueGetterSupplier<K, V> {

    private final String storeName;

    /**
     * Creates the supplier.
     *
     * @param storeName the table's store
     */
    public KTableMaterializedValueGetterSupplier(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public KTableValueGetter<K, V> get() {
        return new KTableValueGetter<>() {
            private TimestampedKeyValueStore<K, V> store;

            @Override
            public void init(ProcessorContext<?, ?> context) {
                store = context.getStateStore(storeName);
            }

            @Override
            public ValueAndTimestamp<V> get(K key) {
                return store.get(key);
            }
        };
    }

    @Override
    public String[] storeNames() {
        return new String[] {storeName};
    }
}
