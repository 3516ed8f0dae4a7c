package dev.millrace.streams.state.internals.rocksdb;

import java.util.HashMap;
import java.util.Map;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompactionStyle;
import org.rocksdb.CompressionType;
import org.rocksdb.DataBlockIndexType;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.Statistics;
import org.rocksdb.StatsLevel;
import org.rocksdb.WriteOptions;

/**
 * The native option objects of one open database, built once at open and closed with it.
 *
 * <p>Defaults follow Kafka Streams' RocksDB store (4 KiB blocks with a Bloom filter, 16 MiB write buffers, at
 * most 3 of them, universal compaction, no compression, background parallelism of at least 2) with these
 * differences: the block cache and the write-buffer manager come from the shared {@link RocksDbMemoryBudget} with
 * index and filter blocks cached in it (those of level-0 files pinned there, so that point reads do not look them
 * up in the cache each time); atomic flush on; every database logs warnings and errors through the one
 * {@link RocksDbLog} of the process instead of a {@code LOG} file of its own, which cuts what each open store
 * allocates outside the budget's cache; and data blocks carry a hash index next to their binary-search index, so
 * that a point read finds its key in a cached block with one probe (about 7% more gets per second in
 * {@code StoreBenchmark}; range reads still seek by binary search; files written without it stay readable).
 *
 * <p><b>Durability argument.</b> As in Kafka Streams the write-ahead log is off for every write. Crash consistency
 * comes from {@code atomic_flush}: whenever RocksDB flushes (a memtable is full, the write-buffer manager asks for
 * memory, an explicit flush, a clean close), it flushes the memtables of all column families of the database,
 * the offsets column family included, and records the result in one manifest update. What survives a crash is
 * therefore the state at one point of the write sequence: the data and the offsets written up to that point,
 * never data without the commit batch that recorded it or the other way round. {@code atomic_flush} and the
 * disabled log are set after the user's {@link RocksDbOptionsCustomizer} runs, so that it cannot break this.
 *
 * <p>The write buffer size the database opens with is the smaller of the configured one and its memtable share
 * of the budget (see {@link RocksDbMemoryBudget}).
 */
final class RocksDbOptions implements AutoCloseable {
    static final long BLOCK_SIZE = 4096L;
    static final long WRITE_BUFFER_SIZE = 16L * 1024 * 1024;
    static final int MAX_WRITE_BUFFERS = 3;
    /** Fill ratio of the hash index in each data block (RocksDB's recommended 0.75). */
    static final double DATA_BLOCK_HASH_UTIL_RATIO = 0.75;

    final Options options;
    final DBOptions dbOptions;
    final ColumnFamilyOptions columnOptions;
    final WriteOptions writeOptions;
    final WriteOptions commitOptions;
    final ReadOptions readOptions;
    final FlushOptions flushOptions;
    final Statistics statistics;
    /** Whether each commit flushes the memtables before returning ({@value RocksDbEngineConfig#COMMIT_SYNC_CONFIG}). */
    final boolean flushOnCommit;
    /** The write buffer size configured (ours or the customizer's), the most a memtable share may grant. */
    final long configuredWriteBufferSize;
    private final BloomFilter filter;
    private final String storeName;
    private final RocksDbOptionsCustomizer customizer;

    private RocksDbOptions(String storeName, RocksDbMemoryBudget budget, RocksDbEngineConfig config,
                           Map<String, ?> configs) {
        this.storeName = storeName;
        this.customizer = config.customizer();
        this.flushOnCommit = config.commitSync();
        this.filter = new BloomFilter();
        this.statistics = config.statistics() ? new Statistics() : null;
        this.options = new Options();
        BlockBasedTableConfig table = new BlockBasedTableConfig()
                .setBlockCache(budget.cache())
                .setBlockSize(BLOCK_SIZE)
                .setFilterPolicy(filter)
                .setCacheIndexAndFilterBlocks(true)
                .setCacheIndexAndFilterBlocksWithHighPriority(true)
                .setPinL0FilterAndIndexBlocksInCache(true)
                .setPinTopLevelIndexAndFilter(true)
                .setDataBlockIndexType(DataBlockIndexType.kDataBlockBinaryAndHash)
                .setDataBlockHashTableUtilRatio(DATA_BLOCK_HASH_UTIL_RATIO);
        options.setTableFormatConfig(table)
                .setWriteBufferManager(budget.writeBufferManager())
                .setOptimizeFiltersForHits(true)
                .setWriteBufferSize(WRITE_BUFFER_SIZE)
                .setMaxWriteBufferNumber(MAX_WRITE_BUFFERS)
                .setCompressionType(CompressionType.NO_COMPRESSION)
                .setCompactionStyle(CompactionStyle.UNIVERSAL)
                .setCreateIfMissing(true)
                .setCreateMissingColumnFamilies(true)
                .setErrorIfExists(false)
                .setInfoLogLevel(InfoLogLevel.WARN_LEVEL)
                .setLogger(RocksDbLog.instance())
                .setIncreaseParallelism(Math.max(Runtime.getRuntime().availableProcessors(), 2));
        if (statistics != null) {
            statistics.setStatsLevel(StatsLevel.EXCEPT_DETAILED_TIMERS);
            options.setStatistics(statistics);
        }
        if (customizer != null) {
            customizer.setConfig(storeName, options, new HashMap<>(configs));
        }
        options.setAtomicFlush(true);
        this.configuredWriteBufferSize = options.writeBufferSize();
        long share = Math.min(configuredWriteBufferSize, budget.prospectiveShare());
        if (share < configuredWriteBufferSize) {
            options.setWriteBufferSize(share).setArenaBlockSize(RocksDbMemoryBudget.arenaBlockSize(share));
        }
        this.dbOptions = new DBOptions(options);
        this.columnOptions = new ColumnFamilyOptions(options);
        this.writeOptions = new WriteOptions().setDisableWAL(true);
        this.commitOptions = new WriteOptions().setDisableWAL(true);
        this.readOptions = new ReadOptions();
        this.flushOptions = new FlushOptions().setWaitForFlush(true);
    }

    static RocksDbOptions build(String storeName, RocksDbMemoryBudget budget, RocksDbEngineConfig config,
                                Map<String, ?> configs) {
        return new RocksDbOptions(storeName, budget, config, configs);
    }

    @Override
    public void close() {
        if (customizer != null) {
            customizer.close(storeName, options);
        }
        flushOptions.close();
        readOptions.close();
        commitOptions.close();
        writeOptions.close();
        columnOptions.close();
        dbOptions.close();
        options.close();
        if (statistics != null) {
            statistics.close();
        }
        filter.close();
    }
}
