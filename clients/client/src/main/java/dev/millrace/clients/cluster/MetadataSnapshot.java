package dev.millrace.clients.cluster;

import java.util.Map;
import java.util.Optional;

/**
 * What one Metadata response said about the cluster. Immutable.
 *
 * @param clusterId the cluster id, or null
 * @param controllerId the broker id to send admin requests to, -1 when unknown
 * @param brokers the brokers by id
 * @param topics the topics the response described without error, by name
 * @param topicErrors the error codes of the topics the response reported with a topic-level error
 */
public record MetadataSnapshot(String clusterId, int controllerId, Map<Integer, BrokerNode> brokers,
                               Map<String, TopicDescription> topics, Map<String, Short> topicErrors) {
    /** Copies the maps. */
    public MetadataSnapshot {
        brokers = Map.copyOf(brokers);
        topics = Map.copyOf(topics);
        topicErrors = Map.copyOf(topicErrors);
    }

    /** The topic, if the response described it. */
    public Optional<TopicDescription> topic(String name) {
        return Optional.ofNullable(topics.get(name));
    }
}
