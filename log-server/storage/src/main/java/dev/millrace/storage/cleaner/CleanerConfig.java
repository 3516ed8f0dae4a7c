package dev.millrace.storage.cleaner;

import dev.millrace.storage.ConfigValues;
import dev.millrace.storage.log.LogConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The broker-level settings of the log cleaner, under Kafka's {@code log.cleaner.*} names and with
 * Kafka's defaults. Immutable; the canonical constructor validates every value, so the cleaner
 * trusts them.
 *
 * <table>
 * <caption>Keys</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>log.cleaner.enable</td><td>true</td><td>whether {@link LogCleaner#startup()} starts threads</td></tr>
 * <tr><td>log.cleaner.threads</td><td>1</td><td>number of cleaner threads</td></tr>
 * <tr><td>log.cleaner.dedupe.buffer.size</td><td>128 MiB</td><td>offset map memory, shared by all
 *     threads (each gets its part, at most 2 GiB - 1)</td></tr>
 * <tr><td>log.cleaner.io.buffer.size</td><td>512 KiB</td><td>read plus write buffer memory, shared by
 *     all threads (each gets half of its part for reading and half for writing)</td></tr>
 * <tr><td>log.cleaner.io.buffer.load.factor</td><td>0.9</td><td>how full the offset map may get</td></tr>
 * <tr><td>log.cleaner.backoff.ms</td><td>15000</td><td>wait when no log is eligible</td></tr>
 * <tr><td>log.cleaner.min.cleanable.ratio</td><td>0.5</td><td>default of the topic's
 *     {@code min.cleanable.dirty.ratio}</td></tr>
 * <tr><td>log.cleaner.min.compaction.lag.ms</td><td>0</td><td>default of {@code min.compaction.lag.ms}</td></tr>
 * <tr><td>log.cleaner.max.compaction.lag.ms</td><td>Long.MAX</td><td>default of
 *     {@code max.compaction.lag.ms}</td></tr>
 * <tr><td>log.cleaner.delete.retention.ms</td><td>86400000</td><td>default of {@code delete.retention.ms}</td></tr>
 * </table>
 *
 * <p>The last four are broker defaults of topic configs: the cleaner itself always reads the topic's
 * {@link LogConfig}. The layer that builds topic configs merges {@link #topicDefaults()} under the
 * topic's overrides. Unlike Kafka, the dedupe buffer is not required to be at least 1 MiB per thread
 * (tests use small maps); it must hold at least one {@link OffsetMap} entry per thread.
 *
 * @param enable {@code log.cleaner.enable}
 * @param threads {@code log.cleaner.threads}, at least 1
 * @param dedupeBufferSize {@code log.cleaner.dedupe.buffer.size} in bytes
 * @param ioBufferSize {@code log.cleaner.io.buffer.size} in bytes
 * @param ioBufferLoadFactor {@code log.cleaner.io.buffer.load.factor}, in (0, 1]
 * @param backoffMs {@code log.cleaner.backoff.ms}
 * @param minCleanableRatio {@code log.cleaner.min.cleanable.ratio}, in [0, 1]
 * @param minCompactionLagMs {@code log.cleaner.min.compaction.lag.ms}
 * @param maxCompactionLagMs {@code log.cleaner.max.compaction.lag.ms}, at least 1
 * @param deleteRetentionMs {@code log.cleaner.delete.retention.ms}
 */
public record CleanerConfig(boolean enable, int threads, long dedupeBufferSize, int ioBufferSize,
                            double ioBufferLoadFactor, long backoffMs, double minCleanableRatio,
                            long minCompactionLagMs, long maxCompactionLagMs, long deleteRetentionMs) {

    public static final String ENABLE = "log.cleaner.enable";
    public static final String THREADS = "log.cleaner.threads";
    public static final String DEDUPE_BUFFER_SIZE = "log.cleaner.dedupe.buffer.size";
    public static final String IO_BUFFER_SIZE = "log.cleaner.io.buffer.size";
    public static final String IO_BUFFER_LOAD_FACTOR = "log.cleaner.io.buffer.load.factor";
    public static final String BACKOFF_MS = "log.cleaner.backoff.ms";
    public static final String MIN_CLEANABLE_RATIO = "log.cleaner.min.cleanable.ratio";
    public static final String MIN_COMPACTION_LAG_MS = "log.cleaner.min.compaction.lag.ms";
    public static final String MAX_COMPACTION_LAG_MS = "log.cleaner.max.compaction.lag.ms";
    public static final String DELETE_RETENTION_MS = "log.cleaner.delete.retention.ms";

    /** Smallest per-thread read or write buffer, whatever {@code log.cleaner.io.buffer.size} says. */
    static final int MIN_IO_BUFFER_PER_THREAD = 4096;

    /** Every key this class understands, with Kafka's default value as text. */
    public static final Map<String, String> DEFAULTS;

    static {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(ENABLE, "true");
        d.put(THREADS, "1");
        d.put(DEDUPE_BUFFER_SIZE, Long.toString(128L * 1024 * 1024));
        d.put(IO_BUFFER_SIZE, Integer.toString(512 * 1024));
        d.put(IO_BUFFER_LOAD_FACTOR, "0.9");
        d.put(BACKOFF_MS, "15000");
        d.put(MIN_CLEANABLE_RATIO, "0.5");
        d.put(MIN_COMPACTION_LAG_MS, "0");
        d.put(MAX_COMPACTION_LAG_MS, Long.toString(Long.MAX_VALUE));
        d.put(DELETE_RETENTION_MS, "86400000");
        DEFAULTS = Collections.unmodifiableMap(d);
    }

    /**
     * Validates the values.
     *
     * @throws IllegalArgumentException naming the key, the value and the rule
     */
    public CleanerConfig {
        check(threads >= 1, THREADS, threads, "atLeast1");
        check(dedupeBufferSize / threads >= OffsetMap.BYTES_PER_ENTRY, DEDUPE_BUFFER_SIZE, dedupeBufferSize,
                "mustHoldOneEntryPerThread threads=" + threads + " bytesPerEntry=" + OffsetMap.BYTES_PER_ENTRY);
        check(ioBufferSize >= 0, IO_BUFFER_SIZE, ioBufferSize, "atLeast0");
        check(ioBufferLoadFactor > 0 && ioBufferLoadFactor <= 1, IO_BUFFER_LOAD_FACTOR, ioBufferLoadFactor,
                "mustBeAbove0AndAtMost1");
        check(backoffMs >= 0, BACKOFF_MS, backoffMs, "atLeast0");
        check(minCleanableRatio >= 0 && minCleanableRatio <= 1, MIN_CLEANABLE_RATIO, minCleanableRatio,
                "mustBeBetween0And1");
        check(minCompactionLagMs >= 0, MIN_COMPACTION_LAG_MS, minCompactionLagMs, "atLeast0");
        check(maxCompactionLagMs >= 1, MAX_COMPACTION_LAG_MS, maxCompactionLagMs, "atLeast1");
        check(deleteRetentionMs >= 0, DELETE_RETENTION_MS, deleteRetentionMs, "atLeast0");
    }

    private static void check(boolean ok, String key, Object value, String rule) {
        if (!ok) {
            throw new IllegalArgumentException("config=" + key + " value=" + value + " reason=" + rule);
        }
    }

    /** Kafka's defaults. */
    public static CleanerConfig defaults() {
        return parse(Map.of());
    }

    /**
     * Builds a config from overrides on top of Kafka's defaults.
     *
     * @throws IllegalArgumentException for an unknown key, an unparsable value or a value out of range
     */
    public static CleanerConfig parse(Map<String, String> overrides) {
        Map<String, String> all = ConfigValues.merged(DEFAULTS, overrides, "CleanerConfig");
        return new CleanerConfig(ConfigValues.booleanOf(all, ENABLE),
                (int) ConfigValues.longIn(all, THREADS, Long.MIN_VALUE, Integer.MAX_VALUE),
                ConfigValues.longIn(all, DEDUPE_BUFFER_SIZE, Long.MIN_VALUE, Long.MAX_VALUE),
                (int) ConfigValues.longIn(all, IO_BUFFER_SIZE, Long.MIN_VALUE, Integer.MAX_VALUE),
                anyDouble(all, IO_BUFFER_LOAD_FACTOR),
                ConfigValues.longIn(all, BACKOFF_MS, Long.MIN_VALUE, Long.MAX_VALUE),
                anyDouble(all, MIN_CLEANABLE_RATIO),
                ConfigValues.longIn(all, MIN_COMPACTION_LAG_MS, Long.MIN_VALUE, Long.MAX_VALUE),
                ConfigValues.longIn(all, MAX_COMPACTION_LAG_MS, Long.MIN_VALUE, Long.MAX_VALUE),
                ConfigValues.longIn(all, DELETE_RETENTION_MS, Long.MIN_VALUE, Long.MAX_VALUE));
    }

    /** Parsed without bounds: the record's constructor checks the ranges, naming the rule. */
    private static double anyDouble(Map<String, String> all, String key) {
        return ConfigValues.doubleIn(all, key, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** Offset map memory of one thread: {@code dedupeBufferSize / threads}, capped at {@code Integer.MAX_VALUE}. */
    public int dedupeBufferBytesPerThread() {
        return (int) Math.min(dedupeBufferSize / threads, Integer.MAX_VALUE);
    }

    /** The read (and, separately, the write) buffer of one thread: {@code ioBufferSize / threads / 2}, min 4 KiB. */
    public int ioBufferBytesPerThread() {
        return Math.max(MIN_IO_BUFFER_PER_THREAD, ioBufferSize / threads / 2);
    }

    /**
     * The topic-config defaults this broker config implies, keyed by {@link LogConfig} names
     * ({@code min.cleanable.dirty.ratio}, {@code min.compaction.lag.ms}, {@code max.compaction.lag.ms},
     * {@code delete.retention.ms}), for the layer that merges broker defaults under topic overrides.
     */
    public Map<String, String> topicDefaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(LogConfig.MIN_CLEANABLE_DIRTY_RATIO, Double.toString(minCleanableRatio));
        d.put(LogConfig.MIN_COMPACTION_LAG_MS, Long.toString(minCompactionLagMs));
        d.put(LogConfig.MAX_COMPACTION_LAG_MS, Long.toString(maxCompactionLagMs));
        d.put(LogConfig.DELETE_RETENTION_MS, Long.toString(deleteRetentionMs));
        return Collections.unmodifiableMap(d);
    }
}
