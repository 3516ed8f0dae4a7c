package dev.millrace.storage.log;

import dev.millrace.common.record.TimestampType;
import dev.millrace.storage.ConfigValues;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The per-topic settings of a partition log, under Kafka's topic config names and with Kafka's
 * defaults. Immutable; validated once in {@link #parse}, so the log trusts its values.
 *
 * <table>
 * <caption>Keys</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>segment.bytes</td><td>1 GiB</td><td>roll the active segment when it would exceed this</td></tr>
 * <tr><td>segment.ms</td><td>7 days</td><td>roll when the active segment's first timestamp is older</td></tr>
 * <tr><td>segment.index.bytes</td><td>10 MiB</td><td>size of each offset/time index file</td></tr>
 * <tr><td>index.interval.bytes</td><td>4096</td><td>bytes of log between sparse index entries</td></tr>
 * <tr><td>retention.ms</td><td>7 days</td><td>delete segments whose newest record is older; -1 = forever</td></tr>
 * <tr><td>retention.bytes</td><td>-1</td><td>delete oldest segments while the log is larger; -1 = no limit</td></tr>
 * <tr><td>cleanup.policy</td><td>delete</td><td>delete, compact, or compact,delete</td></tr>
 * <tr><td>message.timestamp.type</td><td>CreateTime</td><td>CreateTime or LogAppendTime</td></tr>
 * <tr><td>max.message.bytes</td><td>1048588</td><td>largest batch a producer may append</td></tr>
 * <tr><td>min.cleanable.dirty.ratio</td><td>0.5</td><td>compact when dirty bytes / total bytes reach this</td></tr>
 * <tr><td>min.compaction.lag.ms</td><td>0</td><td>records younger than this are never compacted</td></tr>
 * <tr><td>max.compaction.lag.ms</td><td>Long.MAX</td><td>records older than this make the log eligible at once</td></tr>
 * <tr><td>delete.retention.ms</td><td>1 day</td><td>how long tombstones survive compaction</td></tr>
 * <tr><td>file.delete.delay.ms</td><td>60000</td><td>delay before deleted segment files are removed</td></tr>
 * <tr><td>flush.messages / flush.ms</td><td>Long.MAX</td><td>fsync after this many messages / ms; never by default</td></tr>
 * <tr><td>message.timestamp.before.max.ms / after.max.ms</td><td>Long.MAX / 1 hour</td>
 *     <td>allowed distance of a CreateTime timestamp from the broker's clock</td></tr>
 * </table>
 *
 * @param segmentBytes {@code segment.bytes}
 * @param segmentMs {@code segment.ms}
 * @param segmentIndexBytes {@code segment.index.bytes}
 * @param indexIntervalBytes {@code index.interval.bytes}
 * @param retentionMs {@code retention.ms} (-1 = unlimited)
 * @param retentionBytes {@code retention.bytes} (-1 = unlimited)
 * @param compact whether {@code cleanup.policy} contains compact
 * @param delete whether {@code cleanup.policy} contains delete
 * @param timestampType {@code message.timestamp.type}
 * @param maxMessageBytes {@code max.message.bytes}
 * @param minCleanableDirtyRatio {@code min.cleanable.dirty.ratio}
 * @param minCompactionLagMs {@code min.compaction.lag.ms}
 * @param maxCompactionLagMs {@code max.compaction.lag.ms}
 * @param deleteRetentionMs {@code delete.retention.ms}
 * @param fileDeleteDelayMs {@code file.delete.delay.ms}
 * @param flushMessages {@code flush.messages}
 * @param flushMs {@code flush.ms}
 * @param timestampBeforeMaxMs {@code message.timestamp.before.max.ms}
 * @param timestampAfterMaxMs {@code message.timestamp.after.max.ms}
 */
public record LogConfig(int segmentBytes, long segmentMs, int segmentIndexBytes, int indexIntervalBytes,
                        long retentionMs, long retentionBytes, boolean compact, boolean delete,
                        TimestampType timestampType, int maxMessageBytes, double minCleanableDirtyRatio,
                        long minCompactionLagMs, long maxCompactionLagMs, long deleteRetentionMs,
                        long fileDeleteDelayMs, long flushMessages, long flushMs, long timestampBeforeMaxMs,
                        long timestampAfterMaxMs) {

    public static final String SEGMENT_BYTES = "segment.bytes";
    public static final String SEGMENT_MS = "segment.ms";
    public static final String SEGMENT_INDEX_BYTES = "segment.index.bytes";
    public static final String INDEX_INTERVAL_BYTES = "index.interval.bytes";
    public static final String RETENTION_MS = "retention.ms";
    public static final String RETENTION_BYTES = "retention.bytes";
    public static final String CLEANUP_POLICY = "cleanup.policy";
    public static final String MESSAGE_TIMESTAMP_TYPE = "message.timestamp.type";
    public static final String MAX_MESSAGE_BYTES = "max.message.bytes";
    public static final String MIN_CLEANABLE_DIRTY_RATIO = "min.cleanable.dirty.ratio";
    public static final String MIN_COMPACTION_LAG_MS = "min.compaction.lag.ms";
    public static final String MAX_COMPACTION_LAG_MS = "max.compaction.lag.ms";
    public static final String DELETE_RETENTION_MS = "delete.retention.ms";
    public static final String FILE_DELETE_DELAY_MS = "file.delete.delay.ms";
    public static final String FLUSH_MESSAGES = "flush.messages";
    public static final String FLUSH_MS = "flush.ms";
    public static final String MESSAGE_TIMESTAMP_BEFORE_MAX_MS = "message.timestamp.before.max.ms";
    public static final String MESSAGE_TIMESTAMP_AFTER_MAX_MS = "message.timestamp.after.max.ms";

    /** Every key this class understands, with Kafka's default value as text. */
    public static final Map<String, String> DEFAULTS;

    static {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(SEGMENT_BYTES, "1073741824");
        d.put(SEGMENT_MS, "604800000");
        d.put(SEGMENT_INDEX_BYTES, "10485760");
        d.put(INDEX_INTERVAL_BYTES, "4096");
        d.put(RETENTION_MS, "604800000");
        d.put(RETENTION_BYTES, "-1");
        d.put(CLEANUP_POLICY, "delete");
        d.put(MESSAGE_TIMESTAMP_TYPE, "CreateTime");
        d.put(MAX_MESSAGE_BYTES, "1048588");
        d.put(MIN_CLEANABLE_DIRTY_RATIO, "0.5");
        d.put(MIN_COMPACTION_LAG_MS, "0");
        d.put(MAX_COMPACTION_LAG_MS, Long.toString(Long.MAX_VALUE));
        d.put(DELETE_RETENTION_MS, "86400000");
        d.put(FILE_DELETE_DELAY_MS, "60000");
        d.put(FLUSH_MESSAGES, Long.toString(Long.MAX_VALUE));
        d.put(FLUSH_MS, Long.toString(Long.MAX_VALUE));
        d.put(MESSAGE_TIMESTAMP_BEFORE_MAX_MS, Long.toString(Long.MAX_VALUE));
        d.put(MESSAGE_TIMESTAMP_AFTER_MAX_MS, "3600000");
        DEFAULTS = Collections.unmodifiableMap(d);
    }

    /** Kafka's defaults. */
    public static LogConfig defaults() {
        return parse(Map.of());
    }

    /**
     * Builds a config from topic-level overrides on top of Kafka's defaults.
     *
     * @throws IllegalArgumentException naming the key, the value and the rule, for an unknown key or
     *     an invalid value
     */
    public static LogConfig parse(Map<String, String> overrides) {
        Map<String, String> all = ConfigValues.merged(DEFAULTS, overrides, "TopicConfig");
        Set<String> policy = Set.of(all.get(CLEANUP_POLICY).toLowerCase(Locale.ROOT).replace(" ", "").split(","));
        if (policy.isEmpty() || !Set.of("delete", "compact").containsAll(policy)) {
            throw new IllegalArgumentException("config=" + CLEANUP_POLICY + " value=" + all.get(CLEANUP_POLICY)
                    + " reason=mustBeDeleteCompactOrBoth");
        }
        TimestampType timestampType = switch (all.get(MESSAGE_TIMESTAMP_TYPE)) {
            case "CreateTime" -> TimestampType.CREATE_TIME;
            case "LogAppendTime" -> TimestampType.LOG_APPEND_TIME;
            default -> throw new IllegalArgumentException("config=" + MESSAGE_TIMESTAMP_TYPE + " value="
                    + all.get(MESSAGE_TIMESTAMP_TYPE) + " reason=mustBeCreateTimeOrLogAppendTime");
        };
        double ratio = ConfigValues.doubleIn(all, MIN_CLEANABLE_DIRTY_RATIO, 0.0, 1.0);
        return new LogConfig(
                (int) ConfigValues.longIn(all, SEGMENT_BYTES, 14, Integer.MAX_VALUE),
                ConfigValues.longIn(all, SEGMENT_MS, 1, Long.MAX_VALUE),
                (int) ConfigValues.longIn(all, SEGMENT_INDEX_BYTES, 4, Integer.MAX_VALUE),
                (int) ConfigValues.longIn(all, INDEX_INTERVAL_BYTES, 0, Integer.MAX_VALUE),
                ConfigValues.longIn(all, RETENTION_MS, -1, Long.MAX_VALUE),
                ConfigValues.longIn(all, RETENTION_BYTES, -1, Long.MAX_VALUE),
                policy.contains("compact"), policy.contains("delete"), timestampType,
                (int) ConfigValues.longIn(all, MAX_MESSAGE_BYTES, 0, Integer.MAX_VALUE), ratio,
                ConfigValues.longIn(all, MIN_COMPACTION_LAG_MS, 0, Long.MAX_VALUE),
                ConfigValues.longIn(all, MAX_COMPACTION_LAG_MS, 1, Long.MAX_VALUE),
                ConfigValues.longIn(all, DELETE_RETENTION_MS, 0, Long.MAX_VALUE),
                ConfigValues.longIn(all, FILE_DELETE_DELAY_MS, 0, Long.MAX_VALUE),
                ConfigValues.longIn(all, FLUSH_MESSAGES, 1, Long.MAX_VALUE),
                ConfigValues.longIn(all, FLUSH_MS, 0, Long.MAX_VALUE),
                ConfigValues.longIn(all, MESSAGE_TIMESTAMP_BEFORE_MAX_MS, 0, Long.MAX_VALUE),
                ConfigValues.longIn(all, MESSAGE_TIMESTAMP_AFTER_MAX_MS, 0, Long.MAX_VALUE));
    }

    /** Whether time- or size-based deletion of whole segments applies. */
    public boolean retentionApplies() {
        return delete;
    }
}
