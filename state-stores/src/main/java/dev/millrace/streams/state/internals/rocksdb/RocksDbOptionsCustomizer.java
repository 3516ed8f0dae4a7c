package dev.millrace.streams.state.internals.rocksdb;

import java.util.Map;
import org.rocksdb.Options;

/**
 * A user hook that adjusts the RocksDB options of each store before it opens, with the semantics of Kafka
 * Streams' {@code rocksdb.config.setter}: {@link #setConfig} is called once per store with the options the
 * engine prepared (shared memory budget, table format, compaction), and {@link #close} once when that store
 * closes, so that objects the hook created for it can be released.
 *
 * <p>Replacing the block cache or the write-buffer manager takes the store out of the shared memory budget;
 * that is the user's choice. The public {@code RocksDBConfigSetter} of the store API is adapted to this
 * interface.
 */
public interface RocksDbOptionsCustomizer {

    /**
     * Adjusts the options of one store.
     *
     * @param storeName the store being opened
     * @param options   the options to change in place
     * @param configs   the configuration the store was opened with
     */
    void setConfig(String storeName, Options options, Map<String, Object> configs);

    /**
     * Releases what {@link #setConfig} created for this store. Does nothing by default.
     *
     * @param storeName the store being closed
     * @param options   the options it was opened with
     */
    default void close(String storeName, Options options) {
    }
}
