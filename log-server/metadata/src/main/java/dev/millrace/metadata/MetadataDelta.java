package dev.millrace.metadata;

import dev.millrace.common.Uuid;
import dev.millrace.metadata.records.ClusterIdRecord;
import dev.millrace.metadata.records.ConfigRecord;
import dev.millrace.metadata.records.PartitionChangeRecord;
import dev.millrace.metadata.records.PartitionRecord;
import dev.millrace.metadata.records.ProducerIdsRecord;
import dev.millrace.metadata.records.RemoveTopicRecord;
import dev.millrace.metadata.records.TopicRecord;
import dev.millrace.protocol.types.Message;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The replayer: applies metadata records, in log order, on top of a base {@link MetadataImage} and
 * produces the next image. The base image is never modified; its maps are copied on first change.
 *
 * <p>Replay rules (those of Kafka's KRaft image): a {@code TopicRecord} adds a topic without
 * partitions; {@code PartitionRecord} adds or replaces one partition of a known topic id; a
 * {@code PartitionChangeRecord} changes the fields it carries, bumping the leader epoch when the
 * leader changes and the partition epoch always; {@code RemoveTopicRecord} drops the topic and its
 * dynamic configs; {@code ConfigRecord} sets (or with a null value removes) one key;
 * {@code ProducerIdsRecord} moves the next producer id forward; the cluster-id record sets the id.
 *
 * <p>Not thread-safe: one thread replays, then calls {@link #apply} once.
 */
public final class MetadataDelta {
    private final MetadataImage base;
    private String clusterId;
    private long nextProducerId;
    private TreeMap<String, TopicImage> topics;
    private Map<Uuid, String> namesById;
    private TreeMap<String, SortedMap<String, String>> topicConfigs;
    private TreeMap<String, SortedMap<String, String>> brokerConfigs;

    /** Starts a delta on top of {@code base}. */
    public MetadataDelta(MetadataImage base) {
        this.base = base;
        this.clusterId = base.clusterId();
        this.nextProducerId = base.nextProducerId();
    }

    /**
     * Applies one record.
     *
     * @throws MetadataRecordException for a record that contradicts the image: a partition of an
     *     unknown topic, a second topic with the same name or id, a cluster id that changes, a
     *     producer id block that goes backwards, a config of an unknown resource type
     */
    public void replay(Message record) {
        if (record instanceof TopicRecord r) {
            replayTopic(r);
        } else if (record instanceof PartitionRecord r) {
            replayPartition(r);
        } else if (record instanceof PartitionChangeRecord r) {
            replayPartitionChange(r);
        } else if (record instanceof RemoveTopicRecord r) {
            replayRemoveTopic(r);
        } else if (record instanceof ConfigRecord r) {
            replayConfig(r);
        } else if (record instanceof ProducerIdsRecord r) {
            replayProducerIds(r);
        } else if (record instanceof ClusterIdRecord r) {
            replayClusterId(r);
        } else {
            throw new MetadataRecordException("class=" + record.getClass().getName() + " reason=notAMetadataRecord");
        }
    }

    /** The image after every replayed record, stamped with {@code lastOffset}. */
    public MetadataImage apply(long lastOffset) {
        return new MetadataImage(clusterId, lastOffset,
                topics != null ? topics : new TreeMap<>(base.topicsByName()),
                topicConfigs != null ? topicConfigs : new TreeMap<>(base.allTopicConfigs()),
                brokerConfigs != null ? brokerConfigs : new TreeMap<>(base.allBrokerConfigs()),
                nextProducerId);
    }

    private TreeMap<String, TopicImage> topics() {
        if (topics == null) {
            topics = new TreeMap<>(base.topicsByName());
            namesById = new HashMap<>();
            for (TopicImage topic : topics.values()) {
                namesById.put(topic.id(), topic.name());
            }
        }
        return topics;
    }

    private TopicImage topicById(Uuid id, String recordName) {
        String name = namesById().get(id);
        if (name == null) {
            throw new MetadataRecordException("record=" + recordName + " topicId=" + id + " reason=unknownTopicId");
        }
        return topics.get(name);
    }

    private Map<Uuid, String> namesById() {
        topics();
        return namesById;
    }

    private void replayTopic(TopicRecord r) {
        if (topics().containsKey(r.name()) || namesById.containsKey(r.topicId())) {
            throw new MetadataRecordException("record=TopicRecord topic=" + r.name() + " topicId=" + r.topicId()
                    + " reason=topicNameOrIdAlreadyExists");
        }
        topics.put(r.name(), new TopicImage(r.name(), r.topicId(), new TreeMap<>()));
        namesById.put(r.topicId(), r.name());
    }

    private void replayPartition(PartitionRecord r) {
        TopicImage topic = topicById(r.topicId(), "PartitionRecord");
        PartitionImage partition = new PartitionImage(r.partitionId(), r.leader(), r.leaderEpoch(),
                r.partitionEpoch(), r.replicas(), r.isr());
        putPartition(topic, partition);
    }

    private void replayPartitionChange(PartitionChangeRecord r) {
        TopicImage topic = topicById(r.topicId(), "PartitionChangeRecord");
        PartitionImage old = topic.partition(r.partitionId());
        if (old == null) {
            throw new MetadataRecordException("record=PartitionChangeRecord topic=" + topic.name() + " partition="
                    + r.partitionId() + " reason=unknownPartition");
        }
        boolean leaderChanged = r.leader() != -2;
        putPartition(topic, new PartitionImage(old.partition(),
                leaderChanged ? r.leader() : old.leader(),
                leaderChanged ? old.leaderEpoch() + 1 : old.leaderEpoch(),
                old.partitionEpoch() + 1,
                r.replicas() != null ? r.replicas() : old.replicas(),
                r.isr() != null ? r.isr() : old.isr()));
    }

    private void putPartition(TopicImage topic, PartitionImage partition) {
        TreeMap<Integer, PartitionImage> partitions = new TreeMap<>(topic.partitions());
        partitions.put(partition.partition(), partition);
        topics.put(topic.name(), new TopicImage(topic.name(), topic.id(), partitions));
    }

    private void replayRemoveTopic(RemoveTopicRecord r) {
        TopicImage topic = topicById(r.topicId(), "RemoveTopicRecord");
        topics.remove(topic.name());
        namesById.remove(topic.id());
        topicConfigs().remove(topic.name());
    }

    private TreeMap<String, SortedMap<String, String>> topicConfigs() {
        if (topicConfigs == null) {
            topicConfigs = new TreeMap<>(base.allTopicConfigs());
        }
        return topicConfigs;
    }

    private TreeMap<String, SortedMap<String, String>> brokerConfigs() {
        if (brokerConfigs == null) {
            brokerConfigs = new TreeMap<>(base.allBrokerConfigs());
        }
        return brokerConfigs;
    }

    private void replayConfig(ConfigRecord r) {
        ConfigResourceType type = ConfigResourceType.forId(r.resourceType());
        if (type == null) {
            throw new MetadataRecordException("record=ConfigRecord resourceType=" + r.resourceType()
                    + " resourceName=" + r.resourceName() + " reason=unsupportedResourceType");
        }
        TreeMap<String, SortedMap<String, String>> all = type == ConfigResourceType.TOPIC ? topicConfigs()
                : brokerConfigs();
        TreeMap<String, String> configs = new TreeMap<>(all.getOrDefault(r.resourceName(),
                Collections.emptySortedMap()));
        if (r.value() == null) {
            configs.remove(r.name());
        } else {
            configs.put(r.name(), r.value());
        }
        if (configs.isEmpty()) {
            all.remove(r.resourceName());
        } else {
            all.put(r.resourceName(), Collections.unmodifiableSortedMap(configs));
        }
    }

    private void replayProducerIds(ProducerIdsRecord r) {
        if (r.nextProducerId() <= nextProducerId) {
            throw new MetadataRecordException("record=ProducerIdsRecord nextProducerId=" + r.nextProducerId()
                    + " currentNextProducerId=" + nextProducerId + " reason=producerIdsMustIncrease");
        }
        nextProducerId = r.nextProducerId();
    }

    private void replayClusterId(ClusterIdRecord r) {
        if (clusterId != null && !clusterId.equals(r.clusterId())) {
            throw new MetadataRecordException("record=ClusterIdRecord clusterId=" + r.clusterId()
                    + " currentClusterId=" + clusterId + " reason=clusterIdCannotChange");
        }
        clusterId = r.clusterId();
    }
}
