package dev.millrace.streams.state;

import dev.millrace.streams.processor.StateStore;

import java.util.Map;

/**
 * Builds a typed store from a bytes store supplier and serdes, with optional caching and changelogging layers.
 * Logging is enabled and caching disabled until changed. Builders are mutable and not thread-safe; each
 * {@link #build()} returns a new store.
 *
 * @param <T> the store type
 */
public interface StoreBuilder<T extends StateStore> {

    /**
     * Requests the caching layer.
     *
     * @return this builder
     */
    StoreBuilder<T> withCachingEnabled();

    /**
     * Removes the caching layer.
     *
     * @return this builder
     */
    StoreBuilder<T> withCachingDisabled();

    /**
     * Requests the changelogging layer with configs for the changelog topic.
     *
     * @param config topic configs of the changelog, by Kafka's topic config names
     * @return this builder
     */
    StoreBuilder<T> withLoggingEnabled(Map<String, String> config);

    /**
     * Removes the changelogging layer.
     *
     * @return this builder
     */
    StoreBuilder<T> withLoggingDisabled();

    /**
     * Creates a new store.
     *
     * @return the store, not yet initialised
     */
    T build();

    /**
     * Returns the changelog topic configs.
     *
     * @return the configs (empty when logging is disabled)
     */
    Map<String, String> logConfig();

    /**
     * Tells whether changelogging is requested.
     *
     * @return true when logging is enabled
     */
    boolean loggingEnabled();

    /**
     * Returns the name of the stores built.
     *
     * @return the store name
     */
    String name();
}
