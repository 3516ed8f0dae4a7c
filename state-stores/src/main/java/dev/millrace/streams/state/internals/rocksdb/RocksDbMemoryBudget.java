package dev.millrace.streams.state.internals.rocksdb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * The native memory that RocksDB stores may use, shared by every store that opens with it. The budget is the
 * total that the stores of a process may add to its resident set; it is split in two:
 * <ul>
 *   <li><b>the cache</b> ({@link Settings#cacheBytes()}): one LRU block cache, with a write-buffer manager that
 *       charges memtable memory to that same cache, and index and filter blocks cached in its high-priority pool.
 *       Memtables, data blocks, index and filter blocks all count against it, so it does not grow with the number
 *       of stores;</li>
 *   <li><b>the headroom</b>, the rest: what RocksDB allocates without charging it to any cache. Measured on
 *       rocksdbjni 10.1 (benchmarks/RESULTS.md, "Memory figure"): about 0.2 MiB per open store (column family
 *       data, table and blob caches, version set; the per-store info log is gone because every store logs through
 *       one shared {@link RocksDbLog}), flush and compaction buffers, and the allocator's free lists and
 *       fragmentation left behind by a cache that keeps evicting 4 KiB blocks (a quarter to a half of the cache
 *       with glibc). 200 busy stores need about 110 MiB of it; the default 60% of 256 MiB covers that with
 *       about 35 MiB to spare (RSS growth measured 214-223 MiB); far more stores need a larger budget or a
 *       smaller {@value #CACHE_RATIO_CONFIG}.</li>
 * </ul>
 *
 * <p>Configuration (our own keys, read by {@link Settings#from(Map)}):
 * <ul>
 *   <li>{@value #BUDGET_BYTES_CONFIG}: total bytes, default 256 MiB.</li>
 *   <li>{@value #CACHE_RATIO_CONFIG}: part of the total given to the shared cache, in {@code (0, 1]}, default
 *       0.4 (102 MiB of the default total).</li>
 *   <li>{@value #WRITE_BUFFER_RATIO_CONFIG}: part of the cache that the memtables of all stores may fill
 *       before they flush, in {@code (0, 1]}, default 0.5 (see the memtable shares below).</li>
 *   <li>{@value #STRICT_CAPACITY_CONFIG}: when true, a block that does not fit is not cached and the read
 *       that needed it fails instead of exceeding the cache; default false (the cache may overshoot briefly
 *       while blocks are pinned).</li>
 *   <li>{@value #HIGH_PRIORITY_RATIO_CONFIG}: part of the cache reserved for index and filter blocks, in
 *       {@code [0, 1)}, default 0.1.</li>
 * </ul>
 *
 * <p><b>Memtable shares.</b> The write-buffer manager charges memtables to the cache and keeps its limit
 * ({@link Settings#writeBufferBytes()}) only as a safety net: when the memtables of all stores together pass the
 * limit RocksDB flushes, and with atomic flush (see {@link RocksDbOptions}) and large per-store write buffers
 * that made every write of 200 busy stores flush a tiny memtable (400 MiB written in over 200 s instead of
 * 25 s). Instead each open database gets a share of
 * {@link Settings#writeBufferBytes()} as its write buffer size: the bytes divided by the number of open
 * databases and by the number of memtables a column family may hold (one filling, two flushing), rounded down to
 * a power of two, between 64 KiB and the configured write buffer size (16 MiB by default). Memtables then fill
 * and flush on their own, and the memtables of all stores, those being flushed included, stay within the bytes
 * (a segmented store has one memtable per segment written to). Shares are recomputed as databases open and
 * close and applied to every open database when they change.
 *
 * <p>Budgets are reference-counted. {@link #shared(Map)} returns the process-wide budget for the given
 * settings (one per process with the default settings) and takes a reference; each engine takes its own
 * reference while open; {@link #close()} drops one reference, and the native cache and manager are released
 * with the last one. All methods are thread-safe.
 */
public final class RocksDbMemoryBudget implements AutoCloseable {
    /** Total bytes the stores of a process may use: the shared cache and the headroom. */
    public static final String BUDGET_BYTES_CONFIG = "rocksdb.memory.budget.bytes";
    /** Part of the budget given to the shared cache (blocks and memtables). */
    public static final String CACHE_RATIO_CONFIG = "rocksdb.memory.cache.ratio";
    /** Part of the cache that memtables may use. */
    public static final String WRITE_BUFFER_RATIO_CONFIG = "rocksdb.memory.write.buffer.ratio";
    /** Whether the cache refuses inserts beyond its capacity. */
    public static final String STRICT_CAPACITY_CONFIG = "rocksdb.memory.strict.capacity";
    /** Part of the cache kept for index and filter blocks. */
    public static final String HIGH_PRIORITY_RATIO_CONFIG = "rocksdb.memory.high.priority.pool.ratio";
    /** Default of {@value #BUDGET_BYTES_CONFIG}: 256 MiB. */
    public static final long DEFAULT_BUDGET_BYTES = 256L * 1024 * 1024;
    /** Default of {@value #CACHE_RATIO_CONFIG}. */
    public static final double DEFAULT_CACHE_RATIO = 0.4;
    /** Default of {@value #WRITE_BUFFER_RATIO_CONFIG}. */
    public static final double DEFAULT_WRITE_BUFFER_RATIO = 0.5;
    /** Default of {@value #HIGH_PRIORITY_RATIO_CONFIG}. */
    public static final double DEFAULT_HIGH_PRIORITY_RATIO = 0.1;

    private static final Map<Settings, RocksDbMemoryBudget> SHARED = new HashMap<>();

    static {
        RocksDB.loadLibrary();
    }

    private final Settings settings;
    private final boolean shared;
    private final LRUCache cache;
    private final WriteBufferManager writeBufferManager;
    private final Set<RocksDbDatabase> databases = new LinkedHashSet<>();
    private long memtableShare = Long.MAX_VALUE;
    private int references = 1;

    private RocksDbMemoryBudget(Settings settings, boolean shared) {
        this.settings = settings;
        this.shared = shared;
        this.cache = new LRUCache(settings.cacheBytes(), -1, settings.strictCapacity(),
                settings.highPriorityPoolRatio());
        this.writeBufferManager = new WriteBufferManager(settings.writeBufferBytes(), cache);
    }

    /**
     * Returns the process-wide budget for the settings found in {@code configs}, creating it if no store holds
     * it, and takes a reference that the caller releases with {@link #close()}.
     *
     * @param configs store configuration; missing keys take their defaults
     * @return the shared budget
     * @throws IllegalArgumentException if a setting is out of range
     */
    public static RocksDbMemoryBudget shared(Map<String, ?> configs) {
        Settings settings = Settings.from(configs);
        synchronized (SHARED) {
            RocksDbMemoryBudget budget = SHARED.get(settings);
            if (budget != null && budget.tryRetain()) {
                return budget;
            }
            budget = new RocksDbMemoryBudget(settings, true);
            SHARED.put(settings, budget);
            return budget;
        }
    }

    /**
     * Creates a budget used only by the stores it is passed to, with one reference held by the caller.
     *
     * @param settings the budget's settings
     * @return a new budget
     */
    public static RocksDbMemoryBudget create(Settings settings) {
        return new RocksDbMemoryBudget(settings, false);
    }

    /**
     * Takes one more reference.
     *
     * @return this budget
     * @throws RocksDbStoreException if the budget was already released
     */
    public RocksDbMemoryBudget retain() {
        if (!tryRetain()) {
            throw new RocksDbStoreException("memory budget already closed totalBytes=" + settings.totalBytes());
        }
        return this;
    }

    private synchronized boolean tryRetain() {
        if (references == 0) {
            return false;
        }
        references++;
        return true;
    }

    /** Drops one reference; the last one releases the native cache and write-buffer manager. */
    @Override
    public void close() {
        if (shared) {
            synchronized (SHARED) {
                if (release() && SHARED.get(settings) == this) {
                    SHARED.remove(settings);
                }
            }
        } else {
            release();
        }
    }

    private synchronized boolean release() {
        if (references == 0) {
            return false;
        }
        references--;
        if (references > 0) {
            return false;
        }
        writeBufferManager.close();
        cache.close();
        return true;
    }

    /** Smallest memtable share, RocksDB's minimum write buffer size. */
    static final long MIN_MEMTABLE_SHARE = 64L * 1024;

    /**
     * Adds an open database to those sharing the memtable budget and applies the (new) shares. A database that
     * fails to take its share keeps its size; the write-buffer manager's limit still bounds the total.
     */
    void register(RocksDbDatabase database) {
        List<RocksDbDatabase> apply;
        long share;
        synchronized (this) {
            databases.add(database);
            share = recomputeShare();
            apply = share == memtableShare ? List.of(database) : new ArrayList<>(databases);
            memtableShare = share;
        }
        for (RocksDbDatabase each : apply) {
            try {
                each.applyMemtableShare(share);
            } catch (RocksDbStoreException e) {
                // a database closing meanwhile, or one that keeps its size: the manager's limit still holds
                continue;
            }
        }
    }

    /** Removes a closing database; the others keep their shares until the next registration. */
    synchronized void unregister(RocksDbDatabase database) {
        databases.remove(database);
    }

    /** @return the write buffer size each open database may use now */
    synchronized long memtableShare() {
        return memtableShare;
    }

    /** @return the share a database opening now will get, so that it can open with it */
    synchronized long prospectiveShare() {
        return share(databases.size() + 1);
    }

    /**
     * The arena block size for a write buffer size: an eighth of it, RocksDB's own default ratio, which RocksDB
     * derives only when a column family opens. Memory is charged to the write-buffer manager block by block, so
     * blocks sized for a larger buffer would make a small memtable, and the manager, look full at once.
     */
    static long arenaBlockSize(long writeBufferSize) {
        return Math.max(4096, writeBufferSize / 8);
    }

    private long recomputeShare() {
        return share(databases.size());
    }

    private long share(int count) {
        long share = settings.writeBufferBytes() / Math.max(1, count) / RocksDbOptions.MAX_WRITE_BUFFERS;
        return Math.max(MIN_MEMTABLE_SHARE, Long.highestOneBit(Math.max(1, share)));
    }

    /** @return the settings of this budget */
    public Settings settings() {
        return settings;
    }

    /** @return the number of references held, 0 once released */
    public synchronized int references() {
        return references;
    }

    /** @return bytes in the shared cache now (blocks and memtable reservations) */
    public synchronized long usage() {
        return references == 0 ? 0 : cache.getUsage();
    }

    /** @return bytes of the shared cache pinned by open readers and memtables */
    public synchronized long pinnedUsage() {
        return references == 0 ? 0 : cache.getPinnedUsage();
    }

    Cache cache() {
        return cache;
    }

    WriteBufferManager writeBufferManager() {
        return writeBufferManager;
    }

    /**
     * The settings of a budget; two equal settings share one process-wide budget.
     *
     * @param totalBytes            total bytes, positive
     * @param cacheRatio            part of the total for the shared cache, in {@code (0, 1]}
     * @param writeBufferRatio      part of the cache for memtables, in {@code (0, 1]}
     * @param strictCapacity        whether the cache refuses inserts beyond its capacity
     * @param highPriorityPoolRatio part of the cache for index and filter blocks, in {@code [0, 1)}
     */
    public record Settings(long totalBytes, double cacheRatio, double writeBufferRatio, boolean strictCapacity,
                           double highPriorityPoolRatio) {
        /** Checks the ranges. */
        public Settings {
            if (totalBytes <= 0) {
                throw new IllegalArgumentException(BUDGET_BYTES_CONFIG + "=" + totalBytes + " must be positive");
            }
            if (!(cacheRatio > 0 && cacheRatio <= 1)) {
                throw new IllegalArgumentException(CACHE_RATIO_CONFIG + "=" + cacheRatio + " must be in (0, 1]");
            }
            if (!(writeBufferRatio > 0 && writeBufferRatio <= 1)) {
                throw new IllegalArgumentException(WRITE_BUFFER_RATIO_CONFIG + "=" + writeBufferRatio
                        + " must be in (0, 1]");
            }
            if (!(highPriorityPoolRatio >= 0 && highPriorityPoolRatio < 1)) {
                throw new IllegalArgumentException(HIGH_PRIORITY_RATIO_CONFIG + "=" + highPriorityPoolRatio
                        + " must be in [0, 1)");
            }
        }

        /**
         * Reads the settings from store configuration; values may be numbers, booleans or strings.
         *
         * @param configs the configuration
         * @return the settings, with defaults for missing keys
         */
        public static Settings from(Map<String, ?> configs) {
            return new Settings(
                    EngineConfigs.longValue(configs, BUDGET_BYTES_CONFIG, DEFAULT_BUDGET_BYTES),
                    EngineConfigs.doubleValue(configs, CACHE_RATIO_CONFIG, DEFAULT_CACHE_RATIO),
                    EngineConfigs.doubleValue(configs, WRITE_BUFFER_RATIO_CONFIG, DEFAULT_WRITE_BUFFER_RATIO),
                    EngineConfigs.booleanValue(configs, STRICT_CAPACITY_CONFIG, false),
                    EngineConfigs.doubleValue(configs, HIGH_PRIORITY_RATIO_CONFIG, DEFAULT_HIGH_PRIORITY_RATIO));
        }

        /** @return the capacity of the shared cache, blocks and memtables together */
        public long cacheBytes() {
            return Math.max(1, (long) (totalBytes * cacheRatio));
        }

        /** @return the bytes memtables may use before stores are made to flush, a part of the cache */
        public long writeBufferBytes() {
            return Math.max(1, (long) (cacheBytes() * writeBufferRatio));
        }
    }
}
