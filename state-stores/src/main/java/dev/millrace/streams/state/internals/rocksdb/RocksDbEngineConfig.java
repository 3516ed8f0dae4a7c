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
 *   <li>{@value #COMMIT_SYNC_CONFIG}: fsync the write-ahead log on each commit, so that committed state also
 *       survives a machine crash (a process crash never loses it); default false.</li>
 *   <li>{@value #STATISTICS_CONFIG}: collect RocksDB statistics tickers; default false.</li>
 * </ul>
 *
 * @param customizer    the user's options hook, or null
 * @param transactional whether writes stay in an overlay until commit
 * @param commitSync    whether commits fsync the write-ahead log
 * @param statistics    whether tickers are collected
 */
public record RocksDbEngineConfig(RocksDbOptionsCustomizer customizer, boolean transactional, boolean commitSync,
                                  boolean statistics) {
    /** Kafka Streams' key for the options hook. */
    public static final String CONFIG_SETTER_CONFIG = "rocksdb.config.setter";
    /** Whether uncommitted writes stay out of the database until commit. */
    public static final String TRANSACTIONAL_CONFIG = "rocksdb.transactional";
    /** Whether commits fsync the write-ahead log. */
    public static final String COMMIT_SYNC_CONFIG = "rocksdb.commit.sync";
    /** Whether RocksDB statistics tickers are collected. */
    public static final String STATISTICS_CONFIG = "rocksdb.statistics.enabled";
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
                EngineConfigs.booleanValue(configs, STATISTICS_CONFIG, false));
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
