package dev.millrace.server.config;

import static dev.millrace.server.config.ConfigType.BOOLEAN;
import static dev.millrace.server.config.ConfigType.DOUBLE;
import static dev.millrace.server.config.ConfigType.INT;
import static dev.millrace.server.config.ConfigType.LIST;
import static dev.millrace.server.config.ConfigType.LONG;
import static dev.millrace.server.config.ConfigType.STRING;
import static dev.millrace.server.config.ConfigValidator.atLeast;
import static dev.millrace.server.config.ConfigValidator.between;

import dev.millrace.common.config.ConfigException;
import dev.millrace.common.errors.InvalidConfigurationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every topic-level key of Kafka 4.3 with its type, default, validity rule and broker synonyms, and
 * the validation CreateTopics and AlterConfigs apply to topic overrides. Stateless; the tables are
 * immutable.
 *
 * <p>A topic without an override for a key gets the value of the key's broker synonyms, tried in
 * Kafka's order: for {@code retention.ms} that is {@code log.retention.ms}, then
 * {@code log.retention.minutes}, then {@code log.retention.hours} (converted to milliseconds). Keys
 * without synonyms ({@code remote.storage.enable}, the replication throttles) fall back to their own
 * default.
 *
 * <p>{@value #INTERNAL_SEGMENT_BYTES} is accepted as Kafka's test-only override of
 * {@code segment.bytes} below its 1 MiB minimum; it is not listed in {@link #definitions()} and so
 * never described.
 */
public final class TopicConfigs {
    /** Kafka's internal (undocumented) override of {@code segment.bytes}, for tests with tiny segments. */
    public static final String INTERNAL_SEGMENT_BYTES = "internal.segment.bytes";
    /** The values {@code compression.type} accepts, in Kafka's order. */
    public static final List<String> COMPRESSION_TYPES =
            List.of("uncompressed", "zstd", "lz4", "snappy", "gzip", "producer");

    private static final long MS_PER_HOUR = 3_600_000L;
    private static final long MS_PER_MINUTE = 60_000L;
    private static final String MAX_LONG = Long.toString(Long.MAX_VALUE);

    /**
     * A broker key that supplies a topic key's value when the topic has no override.
     *
     * @param name the broker key
     * @param multiplier what its value is multiplied by to get the topic value (3600000 for hours to
     *     milliseconds, 60000 for minutes, 1 otherwise)
     */
    public record BrokerSynonym(String name, long multiplier) {
        /** The topic-level value of {@code brokerValue}, the synonym's own (canonical) text. */
        public String toTopicValue(String brokerValue) {
            if (multiplier == 1 || brokerValue == null) {
                return brokerValue;
            }
            return Long.toString(Long.parseLong(brokerValue.trim()) * multiplier);
        }
    }

    private static final Map<String, ConfigKey> DEFINITIONS;
    private static final Map<String, List<BrokerSynonym>> SYNONYMS;
    private static final ConfigKey INTERNAL_SEGMENT_BYTES_KEY = new ConfigKey(INTERNAL_SEGMENT_BYTES, INT, null,
            atLeast(14), "Test-only segment size without the 1 MiB minimum.", DynamicMode.CLUSTER_WIDE, true);

    static {
        Map<String, ConfigKey> d = new LinkedHashMap<>();
        Map<String, List<BrokerSynonym>> s = new LinkedHashMap<>();
        defineSegmentsAndRetention(d, s);
        defineCleaningAndMessages(d, s);
        defineReplicationAndRemote(d, s);
        DEFINITIONS = Collections.unmodifiableMap(d);
        SYNONYMS = Collections.unmodifiableMap(s);
    }

    private TopicConfigs() {
    }

    /** Every topic-level key, in Kafka's order. Topic keys can always be altered while the server runs. */
    public static Map<String, ConfigKey> definitions() {
        return DEFINITIONS;
    }

    /** The definition of {@code name} (including {@value #INTERNAL_SEGMENT_BYTES}), or {@code null}. */
    public static ConfigKey key(String name) {
        return INTERNAL_SEGMENT_BYTES.equals(name) ? INTERNAL_SEGMENT_BYTES_KEY : DEFINITIONS.get(name);
    }

    /** Whether {@code name} is a topic-level key ({@value #INTERNAL_SEGMENT_BYTES} included). */
    public static boolean contains(String name) {
        return key(name) != null;
    }

    /** Whether {@code name} is a topic-level key of type LIST (its value is comma-separated). */
    public static boolean isList(String name) {
        ConfigKey key = key(name);
        return key != null && key.type() == LIST;
    }

    /** The broker keys that supply {@code topicKey}'s default, most specific first; empty if none. */
    public static List<BrokerSynonym> brokerSynonyms(String topicKey) {
        return SYNONYMS.getOrDefault(topicKey, List.of());
    }

    /** The first (most specific) broker synonym of {@code topicKey}, or {@code null}. */
    public static String serverSynonym(String topicKey) {
        List<BrokerSynonym> synonyms = brokerSynonyms(topicKey);
        return synonyms.isEmpty() ? null : synonyms.get(0).name();
    }

    /**
     * Checks topic overrides as CreateTopics and AlterConfigs do. {@code null} values (deletions) are
     * only checked for their key.
     *
     * @throws InvalidConfigurationException {@code Unknown topic config name: foo}, or an invalid
     *     value's {@code Invalid value abc for configuration retention.ms: Not a number of type LONG},
     *     or a conflict between {@code min.compaction.lag.ms} and {@code max.compaction.lag.ms}, or
     *     {@code remote.storage.enable=true} (Millrace has no tiered storage)
     */
    public static void validate(Map<String, String> topicConfigs) {
        for (String name : topicConfigs.keySet()) {
            if (!contains(name)) {
                throw new InvalidConfigurationException("Unknown topic config name: " + name);
            }
        }
        Map<String, Object> parsed = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : topicConfigs.entrySet()) {
            if (entry.getValue() != null) {
                try {
                    parsed.put(entry.getKey(), key(entry.getKey()).parse(entry.getValue()));
                } catch (ConfigException e) {
                    throw new InvalidConfigurationException(e.getMessage(), e);
                }
            }
        }
        long minLag = (Long) parsed.getOrDefault("min.compaction.lag.ms", 0L);
        long maxLag = (Long) parsed.getOrDefault("max.compaction.lag.ms", Long.MAX_VALUE);
        if (minLag > maxLag) {
            throw new InvalidConfigurationException("conflict topic config setting min.compaction.lag.ms (" + minLag
                    + ") > max.compaction.lag.ms (" + maxLag + ")");
        }
        if (Boolean.TRUE.equals(parsed.get("remote.storage.enable"))) {
            throw new InvalidConfigurationException("Invalid value true for configuration remote.storage.enable:"
                    + " tiered storage is not supported (remote.log.storage.system.enable=false)");
        }
    }

    private static void put(Map<String, ConfigKey> d, Map<String, List<BrokerSynonym>> s, String name,
                            ConfigType type, String defaultValue, ConfigValidator validator, boolean used, String doc,
                            BrokerSynonym... synonyms) {
        d.put(name, new ConfigKey(name, type, defaultValue, validator, doc, DynamicMode.CLUSTER_WIDE, used));
        if (synonyms.length > 0) {
            s.put(name, List.of(synonyms));
        }
    }

    private static BrokerSynonym same(String name) {
        return new BrokerSynonym(name, 1);
    }

    private static void defineSegmentsAndRetention(Map<String, ConfigKey> d, Map<String, List<BrokerSynonym>> s) {
        put(d, s, "segment.bytes", INT, "1073741824", atLeast(1048576), true, "Size at which a segment is rolled.",
                same("log.segment.bytes"));
        put(d, s, "segment.ms", LONG, "604800000", atLeast(1), true, "Age at which the active segment is rolled.",
                same("log.roll.ms"), new BrokerSynonym("log.roll.hours", MS_PER_HOUR));
        put(d, s, "segment.jitter.ms", LONG, "0", atLeast(0), false, "Random amount subtracted from segment.ms.",
                same("log.roll.jitter.ms"), new BrokerSynonym("log.roll.jitter.hours", MS_PER_HOUR));
        put(d, s, "segment.index.bytes", INT, "10485760", atLeast(4), true, "Size of each index file.",
                same("log.index.size.max.bytes"));
        put(d, s, "flush.messages", LONG, MAX_LONG, atLeast(1), true, "Messages appended before an fsync.",
                same("log.flush.interval.messages"));
        put(d, s, "flush.ms", LONG, MAX_LONG, atLeast(0), true, "Age of unflushed data that forces an fsync.",
                same("log.flush.interval.ms"), same("log.flush.scheduler.interval.ms"));
        put(d, s, "retention.bytes", LONG, "-1", null, true, "Partition size above which old segments are deleted.",
                same("log.retention.bytes"));
        put(d, s, "retention.ms", LONG, "604800000", atLeast(-1), true,
                "Age after which segments are deleted; -1 keeps them forever.", same("log.retention.ms"),
                new BrokerSynonym("log.retention.minutes", MS_PER_MINUTE),
                new BrokerSynonym("log.retention.hours", MS_PER_HOUR));
        put(d, s, "max.message.bytes", INT, "1048588", atLeast(0), true, "Largest record batch accepted.",
                same("message.max.bytes"));
        put(d, s, "index.interval.bytes", INT, "4096", atLeast(0), true, "Log bytes between two index entries.",
                same("log.index.interval.bytes"));
    }

    private static void defineCleaningAndMessages(Map<String, ConfigKey> d, Map<String, List<BrokerSynonym>> s) {
        put(d, s, "delete.retention.ms", LONG, "86400000", atLeast(0), true, "How long tombstones survive compaction.",
                same("log.cleaner.delete.retention.ms"));
        put(d, s, "min.compaction.lag.ms", LONG, "0", atLeast(0), true, "Records younger than this are not compacted.",
                same("log.cleaner.min.compaction.lag.ms"));
        put(d, s, "max.compaction.lag.ms", LONG, MAX_LONG, atLeast(1), true,
                "Records older than this make the log eligible for compaction.",
                same("log.cleaner.max.compaction.lag.ms"));
        put(d, s, "file.delete.delay.ms", LONG, "60000", atLeast(0), true,
                "Delay before a deleted segment's files are removed.", same("log.segment.delete.delay.ms"));
        put(d, s, "min.cleanable.dirty.ratio", DOUBLE, "0.5", between(0, 1), true,
                "Dirty share of the log at which it is compacted.", same("log.cleaner.min.cleanable.ratio"));
        put(d, s, "cleanup.policy", LIST, "delete", ConfigValidator.listOf(true, "compact", "delete"), true,
                "delete, compact, both, or empty (keep everything).", same("log.cleanup.policy"));
        put(d, s, "unclean.leader.election.enable", BOOLEAN, "false", null, false,
                "Allow an out-of-sync replica to become leader.", same("unclean.leader.election.enable"));
        put(d, s, "min.insync.replicas", INT, "1", atLeast(1), true, "Replicas that must acknowledge acks=all.",
                same("min.insync.replicas"));
        put(d, s, "compression.type", STRING, "producer",
                ConfigValidator.oneOf(COMPRESSION_TYPES.toArray(new String[0])), false,
                "Compression of stored batches; producer keeps the producer's.", same("compression.type"));
        put(d, s, "compression.gzip.level", INT, "-1", ConfigValidator.betweenOrEqual(1, 9, -1), false,
                "Gzip level when the broker compresses.", same("compression.gzip.level"));
        put(d, s, "compression.lz4.level", INT, "9", between(1, 17), false, "LZ4 level when the broker compresses.",
                same("compression.lz4.level"));
        put(d, s, "compression.zstd.level", INT, "3", between(-131072, 22), false,
                "Zstd level when the broker compresses.", same("compression.zstd.level"));
        put(d, s, "preallocate", BOOLEAN, "false", null, false, "Preallocate new segment files.",
                same("log.preallocate"));
        put(d, s, "message.timestamp.type", STRING, "CreateTime", ConfigValidator.oneOf("CreateTime", "LogAppendTime"),
                true, "Whether record timestamps are the producer's or the append time.",
                same("log.message.timestamp.type"));
        put(d, s, "message.timestamp.before.max.ms", LONG, MAX_LONG, atLeast(0), true,
                "How far in the past a CreateTime timestamp may be.", same("log.message.timestamp.before.max.ms"));
        put(d, s, "message.timestamp.after.max.ms", LONG, "3600000", atLeast(0), true,
                "How far in the future a CreateTime timestamp may be.", same("log.message.timestamp.after.max.ms"));
    }

    private static void defineReplicationAndRemote(Map<String, ConfigKey> d, Map<String, List<BrokerSynonym>> s) {
        put(d, s, "leader.replication.throttled.replicas", LIST, "", ConfigValidator.throttledReplicas(), false,
                "Replicas whose leader-side replication is throttled.");
        put(d, s, "follower.replication.throttled.replicas", LIST, "", ConfigValidator.throttledReplicas(), false,
                "Replicas whose follower-side replication is throttled.");
        put(d, s, "local.retention.ms", LONG, "-2", atLeast(-2), false, "Local retention with tiered storage.",
                same("log.local.retention.ms"));
        put(d, s, "local.retention.bytes", LONG, "-2", atLeast(-2), false, "Local size limit with tiered storage.",
                same("log.local.retention.bytes"));
        put(d, s, "remote.storage.enable", BOOLEAN, "false", null, false, "Tiered storage; Millrace has none.");
        put(d, s, "remote.log.copy.disable", BOOLEAN, "false", null, false, "Stop copying segments to tiered storage.");
        put(d, s, "remote.log.delete.on.disable", BOOLEAN, "false", null, false,
                "Delete tiered data when tiered storage is turned off.");
    }
}
