package dev.millrace.streams.processor.internals;

import dev.millrace.streams.processor.StateStore;

import java.util.Map;
import java.util.Set;

/**
 * How the topology builder holds a store until tasks are built: a name, the processors connected to it, its logging
 * settings (which decide whether a changelog topic exists) and a way to build one instance per task. The DSL
 * implements it to choose the store type from {@code Materialized} and {@code default.dsl.store} only once the
 * configuration is known; {@link StoreBuilderWrapper} adapts a user's {@code StoreBuilder}.
 *
 * <p>Owning thread: the thread building the topology; instances are not used concurrently.
 */
public interface StoreFactory {

    /**
     * Receives the application's configuration before the first {@link #build()}.
     *
     * @param appConfigs the configuration values
     */
    default void configure(Map<String, Object> appConfigs) {
    }

    /** @return a new store instance */
    StateStore build();

    /** @return the store name */
    String storeName();

    /** @return whether the store is changelogged */
    boolean loggingEnabled();

    /** @return the changelog topic configuration */
    Map<String, String> logConfig();

    /** Turns caching off (e.g. {@code statestore.cache.max.bytes=0}). */
    void withCachingDisabled();

    /** Turns changelogging off (global stores restore from their source topic). */
    void withLoggingDisabled();

    /** @return the names of the processors connected so far, mutable: the builder adds to it */
    Set<String> connectedProcessorNames();

    /**
     * Returns whether another factory describes the same store, so that adding it twice is harmless.
     *
     * @param other the other factory
     * @return whether they are compatible
     */
    boolean isCompatibleWith(StoreFactory other);

    /** @return whether the store is a window or session store (its changelog is compacted and deleted) */
    default boolean isWindowStore() {
        return false;
    }

    /** @return the retention period of a window or session store, in milliseconds */
    default long retentionPeriod() {
        throw new IllegalStateException("reason=notAWindowStore store=" + storeName());
    }

    /** @return whether the store is a versioned key-value store */
    default boolean isVersionedStore() {
        return false;
    }

    /** @return the history retention of a versioned store, in milliseconds, or null */
    default Long historyRetention() {
        return null;
    }
}
