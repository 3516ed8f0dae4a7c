package dev.millrace.streams.state.internals.rocksdb;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;

/**
 * The settings of one engine, read from the store configuration. Immutable.
 *
 * <ul>
 *   <li>{@value #CONFIG_SETTER_CONFIG} (Kafka's key): a {@link RocksDbOptionsCustomizer} instance, class or
 *       class name; none by default.</li>
 *   <li>{@value #TRANSACTIONAL_CONFIG}: keep uncommitted writes in an indexed write batch until
 *       {@code commit}; defaults to true when {@value #PROCESSING_GUARANTEE_CONFIG} is
 *       {@value #EXACTLY_ONCE_V2}, false otherwise.</li>
 *   <li>{@value #COMMIT_SYNC_CONFIG}: make each commit durable before it returns by flushing the memtables of
 *       every column family (atomically) to fsynced table files, so that an acknowledged commit survives a
 *       process or machine crash; default false: a commit is then durable at the next flush (a full memtable, an
 *       explicit {@code flush}, a clean close), and a crash rolls the store back to an earlier consistent
 *       commit.</li>
 *   <li>{@value #STATISTICS_CONFIG}: collect RocksDB statistics tickers; default false.</li>
 *   <li>{@value #RESTORE_CHUNK_BYTES_CONFIG}: how many bytes of restored records a non-transactional store
 *       buffers before writing them as one table file to ingest (about one file per this many bytes of
 *       changelog); default {@value #DEFAULT_RESTORE_CHUNK_BYTES}, at least 1.</li>
 * </ul>
 *
 * @param customizer    the user's options hook, or null
 * @param transactional whether writes stay in an overlay until commit
 * @param commitSync    whether each commit flushes the memtables before it returns
 * @param statistics    whether tickers are collected
 * @param restoreChunkBytes how many bytes of restored records make one ingested table file
 */
public record RocksDbEngineConfig(RocksDbOptionsCustomizer customizer, boolean transactional, boolean commitSync,
                                  boolean statistics, long restoreChunkBytes) {
    /** Kafka Streams' key for the options hook. */
    public static final String CONFIG_SETTER_CONFIG = "rocksdb.config.setter";
    /** Whether uncommitted writes stay out of the database until commit. */
    public static final String TRANSACTIONAL_CONFIG = "rocksdb.transactional";
    /** Whether each commit flushes the memtables before it returns. */
    public static final String COMMIT_SYNC_CONFIG = "rocksdb.commit.sync";
    /** Whether RocksDB statistics tickers are collected. */
    public static final String STATISTICS_CONFIG = "rocksdb.statistics.enabled";
    /** How many bytes of restored records make one ingested table file. */
    public static final String RESTORE_CHUNK_BYTES_CONFIG = "rocksdb.restore.chunk.bytes";
    /** The default of {@value #RESTORE_CHUNK_BYTES_CONFIG}: 64 MiB. */
    public static final long DEFAULT_RESTORE_CHUNK_BYTES = 64L * 1024 * 1024;
    /** Kafka Streams' processing guarantee key, read for the default of {@value #TRANSACTIONAL_CONFIG}. */
    public static final String PROCESSING_GUARANTEE_CONFIG = "processing.guarantee";
    /** The exactly-once processing guarantee. */
    public static final String EXACTLY_ONCE_V2 = "exactly_once_v2";

    /**
     * Reads the settings.
     *
     * @param configs the store configuration
     * @return the settings
     * @throws IllegalArgumentException if a value has the wrong type or the setter cannot be instantiated
     */
    public static RocksDbEngineConfig from(Map<String, ?> configs) {
        boolean exactlyOnce = EXACTLY_ONCE_V2.equals(String.valueOf(configs.get(PROCESSING_GUARANTEE_CONFIG)));
        return new RocksDbEngineConfig(customizer(configs.get(CONFIG_SETTER_CONFIG)),
                EngineConfigs.booleanValue(configs, TRANSACTIONAL_CONFIG, exactlyOnce),
                EngineConfigs.booleanValue(configs, COMMIT_SYNC_CONFIG, false),
                EngineConfigs.booleanValue(configs, STATISTICS_CONFIG, false),
                Math.max(1, EngineConfigs.longValue(configs, RESTORE_CHUNK_BYTES_CONFIG, DEFAULT_RESTORE_CHUNK_BYTES)));
    }

    private static RocksDbOptionsCustomizer customizer(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof RocksDbOptionsCustomizer customizer) {
            return customizer;
        }
        try {
            Class<?> type = value instanceof Class<?> c ? c
                    : Class.forName(value.toString().trim(), true, Thread.currentThread().getContextClassLoader());
            if (!RocksDbOptionsCustomizer.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException(CONFIG_SETTER_CONFIG + "=" + type.getName()
                        + " does not implement " + RocksDbOptionsCustomizer.class.getName());
            }
            return (RocksDbOptionsCustomizer) type.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
                 | InvocationTargetException e) {
            throw new IllegalArgumentException(CONFIG_SETTER_CONFIG + "=" + value + " cannot be instantiated", e);
        }
    }
}
