package dev.millrace.streams.kstream.internals;

import dev.millrace.streams.kstream.GlobalKTable;

/**
 * The {@link GlobalKTable} implementation: how to read the global store, and its queryable name. Immutable.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class GlobalKTableImpl<K, V> implements GlobalKTable<K, V> {

    private final KTableValueGetterSupplier<K, V> valueGetterSupplier;
    private final String queryableStoreName;

    GlobalKTableImpl(KTableValueGetterSupplier<K, V> valueGetterSupplier, String queryableStoreName) {
        this.valueGetterSupplier = valueGetterSupplier;
        this.queryableStoreName = queryableStoreName;
    }

    KTableValueGetterSupplier<K, V> valueGetterSupplier() {
        return valueGetterSupplier;
    }

    @Override
    public String queryableStoreName() {
        return queryableStoreName;
    }
}
