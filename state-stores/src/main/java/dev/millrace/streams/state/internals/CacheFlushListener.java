package dev.millrace.streams.state.internals;

import dev.millrace.streams.kstream.internals.Change;
import dev.millrace.streams.processor.api.Record;

/**
 * Receives what a caching store forwards when it flushes a dirty entry (on commit, or when the entry's namespace
 * is flushed by an eviction): one record per key, with the key, the change (new value, and the old value when
 * requested), and the timestamp and headers of the record that last wrote the key. Called on the stream thread,
 * with the flushed entry's record context installed in the {@link InternalStoreContext}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@FunctionalInterface
public interface CacheFlushListener<K, V> {

    /**
     * Forwards one flushed entry.
     *
     * @param record the key, change, timestamp and headers
     */
    void apply(Record<K, Change<V>> record);
}
