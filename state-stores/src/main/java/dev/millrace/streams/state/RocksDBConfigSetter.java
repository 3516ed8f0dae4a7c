package dev.millrace.streams.state;

import org.rocksdb.Options;

import java.util.Map;

/**
 * Customises the RocksDB options of each persistent store; configured through {@code rocksdb.config.setter}.
 * Implementations need a public no-argument constructor. Called on the thread that opens the store.
 */
public interface RocksDBConfigSetter {

    /**
     * Adjusts the options before the store is opened.
     *
     * @param storeName the store name
     * @param options the options to change
     * @param configs the application configuration
     */
    void setConfig(String storeName, Options options, Map<String, Object> configs);

    /**
     * Releases objects that {@link #setConfig} created (caches, filters) when the store closes.
     *
     * @param storeName the store name
     * @param options the options given to {@link #setConfig}
     */
    void close(String storeName, Options options);
}
