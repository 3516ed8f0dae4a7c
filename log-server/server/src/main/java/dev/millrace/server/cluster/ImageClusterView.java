package dev.millrace.server.cluster;

import dev.millrace.common.Uuid;
import dev.millrace.metadata.MetadataImage;
import dev.millrace.metadata.PartitionImage;
import dev.millrace.metadata.TopicImage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link ClusterView} built once from a {@link MetadataImage} when the image is published, so
 * that requests read prepared views instead of converting the image each time. Immutable.
 */
public final class ImageClusterView implements ClusterView {
    private final MetadataImage image;
    private final int nodeId;
    private final Map<String, TopicView> byName = new HashMap<>();
    private final Map<Uuid, TopicView> byId = new HashMap<>();
    private final List<TopicView> topics;

    public ImageClusterView(MetadataImage image, int nodeId) {
        this.image = image;
        this.nodeId = nodeId;
        List<TopicView> all = new ArrayList<>();
        for (TopicImage topic : image.topicsByName().values()) {
            List<PartitionView> partitions = new ArrayList<>(topic.partitions().size());
            for (PartitionImage p : topic.partitions().values()) {
                partitions.add(new PartitionView(p.partition(), p.leader(), p.leaderEpoch(), p.replicas(), p.isr()));
            }
            TopicView view = new TopicView(topic.name(), topic.id(), MetadataImage.isInternal(topic.name()),
                    partitions);
            byName.put(view.name(), view);
            byId.put(view.id(), view);
            all.add(view);
        }
        this.topics = List.copyOf(all);
    }

    public MetadataImage image() {
        return image;
    }

    @Override
    public String clusterId() {
        return image.clusterId();
    }

    @Override
    public int nodeId() {
        return nodeId;
    }

    @Override
    public TopicView topic(String name) {
        return name == null ? null : byName.get(name);
    }

    @Override
    public TopicView topic(Uuid id) {
        return id == null ? null : byId.get(id);
    }

    @Override
    public Collection<TopicView> topics() {
        return topics;
    }

    @Override
    public Map<String, String> topicConfigs(String topic) {
        return image.topicConfigs(topic);
    }

    @Override
    public Map<String, String> defaultBrokerConfigs() {
        return image.brokerConfigs("");
    }

    @Override
    public Map<String, String> brokerConfigs(int node) {
        return image.brokerConfigs(Integer.toString(node));
    }
}
