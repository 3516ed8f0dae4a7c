package dev.millrace.metadata;

import dev.millrace.common.Uuid;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The cluster metadata after replaying the metadata log up to {@link #lastAppliedOffset()}: the
 * cluster id, the topics by name and by id, the dynamic configs of topics and brokers, and the next
 * producer id to hand out.
 *
 * <p>Immutable and therefore safe to read from any thread; every map it returns is unmodifiable.
 * A new image is made by replaying records onto this one with a {@link MetadataDelta}; two images
 * are equal when all their contents are (offsets included), which is how replay from disk is checked
 * against the image built in memory.
 */
public final class MetadataImage {
    /** The image of an empty log. */
    public static final MetadataImage EMPTY = new MetadataImage(null, -1L, new TreeMap<>(), new TreeMap<>(),
            new TreeMap<>(), 0L);

    private static final Set<String> INTERNAL_TOPICS = Set.of("__consumer_offsets", "__transaction_state",
            "__share_group_state");

    private final String clusterId;
    private final long lastAppliedOffset;
    private final SortedMap<String, TopicImage> topicsByName;
    private final Map<Uuid, TopicImage> topicsById;
    private final SortedMap<String, SortedMap<String, String>> topicConfigs;
    private final SortedMap<String, SortedMap<String, String>> brokerConfigs;
    private final long nextProducerId;

    /**
     * Builds an image; the maps are taken over as they are (callers pass fresh ones), wrapped
     * unmodifiable, and the by-id index is derived from the topics.
     */
    MetadataImage(String clusterId, long lastAppliedOffset, TreeMap<String, TopicImage> topicsByName,
                  TreeMap<String, SortedMap<String, String>> topicConfigs,
                  TreeMap<String, SortedMap<String, String>> brokerConfigs, long nextProducerId) {
        this.clusterId = clusterId;
        this.lastAppliedOffset = lastAppliedOffset;
        this.topicsByName = Collections.unmodifiableSortedMap(topicsByName);
        Map<Uuid, TopicImage> byId = new HashMap<>(topicsByName.size() * 2);
        for (TopicImage topic : topicsByName.values()) {
            byId.put(topic.id(), topic);
        }
        this.topicsById = Collections.unmodifiableMap(byId);
        this.topicConfigs = Collections.unmodifiableSortedMap(topicConfigs);
        this.brokerConfigs = Collections.unmodifiableSortedMap(brokerConfigs);
        this.nextProducerId = nextProducerId;
    }

    /** The cluster id, or null before the first record of a new log has been applied. */
    public String clusterId() {
        return clusterId;
    }

    /** Offset of the last record applied, -1 for an empty log. */
    public long lastAppliedOffset() {
        return lastAppliedOffset;
    }

    /** Every topic by name. */
    public SortedMap<String, TopicImage> topicsByName() {
        return topicsByName;
    }

    /** Every topic by id. */
    public Map<Uuid, TopicImage> topicsById() {
        return topicsById;
    }

    /** The topic named {@code name}, or null. */
    public TopicImage topic(String name) {
        return topicsByName.get(name);
    }

    /** The topic with id {@code id}, or null. */
    public TopicImage topic(Uuid id) {
        return topicsById.get(id);
    }

    /** The dynamic configs of topic {@code topic} (empty when it has none). */
    public SortedMap<String, String> topicConfigs(String topic) {
        return topicConfigs.getOrDefault(topic, Collections.emptySortedMap());
    }

    /**
     * The dynamic configs of broker resource {@code resourceName}: {@code ""} for the cluster-wide
     * defaults, a node id for that node's overrides (empty when it has none).
     */
    public SortedMap<String, String> brokerConfigs(String resourceName) {
        return brokerConfigs.getOrDefault(resourceName, Collections.emptySortedMap());
    }

    /** Every topic that has dynamic configs, with them. */
    public SortedMap<String, SortedMap<String, String>> allTopicConfigs() {
        return topicConfigs;
    }

    /** Every broker resource that has dynamic configs, with them. */
    public SortedMap<String, SortedMap<String, String>> allBrokerConfigs() {
        return brokerConfigs;
    }

    /** The dynamic configs of a resource of {@code type} named {@code name}. */
    public SortedMap<String, String> configs(ConfigResourceType type, String name) {
        return type == ConfigResourceType.TOPIC ? topicConfigs(name) : brokerConfigs(name);
    }

    /** The first producer id not yet handed out. */
    public long nextProducerId() {
        return nextProducerId;
    }

    /**
     * Whether {@code topic} is one of Kafka's internal topics ({@code __consumer_offsets},
     * {@code __transaction_state}, {@code __share_group_state}).
     */
    public static boolean isInternal(String topic) {
        return INTERNAL_TOPICS.contains(topic);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MetadataImage that
                && lastAppliedOffset == that.lastAppliedOffset
                && nextProducerId == that.nextProducerId
                && Objects.equals(clusterId, that.clusterId)
                && topicsByName.equals(that.topicsByName)
                && topicConfigs.equals(that.topicConfigs)
                && brokerConfigs.equals(that.brokerConfigs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(clusterId, lastAppliedOffset, topicsByName, topicConfigs, brokerConfigs, nextProducerId);
    }

    @Override
    public String toString() {
        return "MetadataImage(clusterId=" + clusterId + ", lastAppliedOffset=" + lastAppliedOffset + ", topics="
                + topicsByName.values() + ", topicConfigs=" + topicConfigs + ", brokerConfigs=" + brokerConfigs
                + ", nextProducerId=" + nextProducerId + ")";
    }
}
