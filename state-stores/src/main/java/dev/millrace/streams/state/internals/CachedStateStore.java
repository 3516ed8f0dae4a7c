package dev.millrace.streams.state.internals;

/**
 * A store with a caching layer: the DSL registers a {@link CacheFlushListener} to forward what the cache
 * flushes downstream, and the runtime flushes or drops the cache.
 *
 * @param <K> the key type the listener receives
 * @param <V> the value type the listener receives
 */
public interface CachedStateStore<K, V> {

    /**
     * Sets the listener told about each flushed entry.
     *
     * @param listener the listener
     * @param sendOldValues whether the listener needs the old values (read from the store below before writing)
     * @return true when the store has a cache and the listener was set
     */
    boolean setFlushListener(CacheFlushListener<K, V> listener, boolean sendOldValues);

    /** Flushes the cache to the store below without flushing that store. */
    void flushCache();

    /** Drops the cache content without flushing it (the task's state is being discarded). */
    void clearCache();
}
