package dev.millrace.streams.state.internals.rocksdb;

import java.util.OptionalLong;
import java.util.function.ToLongFunction;
import org.rocksdb.Statistics;
import org.rocksdb.TickerType;

/**
 * Read-only view of the RocksDB figures a metrics layer records for one store, in the spirit of Kafka Streams'
 * RocksDB metrics. Properties are read live from the database and summed over the store's data column
 * families; cache figures are those of the shared budget, so every store sharing it reports the same value.
 * Tickers are available only when {@value RocksDbEngineConfig#STATISTICS_CONFIG} is on. Thread-safe; every
 * getter throws {@link RocksDbStoreException} once the store is closed.
 */
public final class RocksDbStatistics {
    /** Estimated number of keys. */
    public static final String ESTIMATE_NUM_KEYS = "rocksdb.estimate-num-keys";
    /** Bytes of active and unflushed immutable memtables. */
    public static final String CUR_SIZE_ALL_MEM_TABLES = "rocksdb.cur-size-all-mem-tables";
    /** Bytes of all memtables including flushed ones still pinned. */
    public static final String SIZE_ALL_MEM_TABLES = "rocksdb.size-all-mem-tables";
    /** Bytes in the block cache. */
    public static final String BLOCK_CACHE_USAGE = "rocksdb.block-cache-usage";
    /** Bytes of the block cache pinned by readers. */
    public static final String BLOCK_CACHE_PINNED_USAGE = "rocksdb.block-cache-pinned-usage";
    /** Estimated bytes of live data. */
    public static final String ESTIMATE_LIVE_DATA_SIZE = "rocksdb.estimate-live-data-size";
    /** Bytes of all table files. */
    public static final String TOTAL_SST_FILES_SIZE = "rocksdb.total-sst-files-size";
    /** Number of running compactions. */
    public static final String NUM_RUNNING_COMPACTIONS = "rocksdb.num-running-compactions";
    /** Number of running flushes. */
    public static final String NUM_RUNNING_FLUSHES = "rocksdb.num-running-flushes";
    /** Estimated bytes of memory used by table readers (indexes and filters not in the cache). */
    public static final String ESTIMATE_TABLE_READERS_MEM = "rocksdb.estimate-table-readers-mem";

    private final RocksDbDatabase database;
    private final ToLongFunction<String> dataProperty;

    /**
     * @param dataProperty sums a property over the store's data column families, taking the owning engine's
     *                     locks in its own order
     */
    RocksDbStatistics(RocksDbDatabase database, ToLongFunction<String> dataProperty) {
        this.database = database;
        this.dataProperty = dataProperty;
    }

    /**
     * Sums an integer property over the store's data column families.
     *
     * @param property a RocksDB property name such as {@value #ESTIMATE_NUM_KEYS}
     * @return the sum
     */
    public long property(String property) {
        return dataProperty.applyAsLong(property);
    }

    /** @return the estimated number of keys (committed data only) */
    public long estimateNumKeys() {
        return property(ESTIMATE_NUM_KEYS);
    }

    /** @return bytes of memtables not yet flushed */
    public long memtableBytes() {
        return property(CUR_SIZE_ALL_MEM_TABLES);
    }

    /** @return bytes of the shared block cache in use */
    public long blockCacheUsage() {
        return database.property(BLOCK_CACHE_USAGE);
    }

    /** @return bytes of the shared block cache pinned */
    public long blockCachePinnedUsage() {
        return database.property(BLOCK_CACHE_PINNED_USAGE);
    }

    /** @return estimated bytes of live data */
    public long estimateLiveDataBytes() {
        return property(ESTIMATE_LIVE_DATA_SIZE);
    }

    /** @return bytes of table files */
    public long totalSstFilesBytes() {
        return property(TOTAL_SST_FILES_SIZE);
    }

    /** @return the number of running compactions */
    public long runningCompactions() {
        return database.property(NUM_RUNNING_COMPACTIONS);
    }

    /** @return the number of writes held in the transactional overlay, 0 when not transactional */
    public long uncommittedWrites() {
        return database.uncommittedWrites();
    }

    /**
     * Returns a statistics ticker such as {@link TickerType#BYTES_WRITTEN} or
     * {@link TickerType#BLOCK_CACHE_DATA_HIT}.
     *
     * @param ticker the ticker
     * @return its count, or empty when statistics are off
     */
    public OptionalLong ticker(TickerType ticker) {
        synchronized (database) {
            database.checkOpen();
            Statistics statistics = database.nativeStatistics();
            return statistics == null ? OptionalLong.empty() : OptionalLong.of(statistics.getTickerCount(ticker));
        }
    }
}
