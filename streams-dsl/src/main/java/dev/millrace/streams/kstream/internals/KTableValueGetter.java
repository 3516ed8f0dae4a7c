package dev.millrace.streams.kstream.internals;

import dev.millrace.streams.processor.api.ProcessorContext;
import dev.millrace.streams.state.ValueAndTimestamp;

/**
 * Reads a KTable's current value for a key from inside another processor (joins, lookups): from the table's
 * store when it is materialized, otherwise by applying the table's operations to its parent's value.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface KTableValueGetter<K, V> {

    /**
     * Opens the stores (called from the using processor's {@code init}).
     *
     * @param context the using processor's context
     */
    void init(ProcessorContext<?, ?> context);

    /**
     * Looks a key up.
     *
     * @param key the key
     * @return the value and its timestamp, or null when absent
     */
    ValueAndTimestamp<V> get(K key);
}
