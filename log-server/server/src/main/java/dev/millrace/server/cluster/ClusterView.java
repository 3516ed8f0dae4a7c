package dev.millrace.server.cluster;

import dev.millrace.common.Uuid;
import java.util.Collection;
import java.util.Map;

/**
 * What request handlers need to know about the cluster at one instant: an immutable snapshot taken
 * from the latest metadata image. Handlers take one snapshot per request so that a request never
 * sees half of a change. Implementations are immutable and thread-safe.
 */
public interface ClusterView {
    String clusterId();

    /** Id of the node answering (the only broker, and the controller, on a single node). */
    int nodeId();

    /** The topic named {@code name}, or null. */
    TopicView topic(String name);

    /** The topic with id {@code id}, or null. */
    TopicView topic(Uuid id);

    Collection<TopicView> topics();

    /** Dynamic configs set on {@code topic} (empty if none). */
    Map<String, String> topicConfigs(String topic);

    /** Dynamic cluster-wide broker defaults ({@code --entity-default}). */
    Map<String, String> defaultBrokerConfigs();

    /** Dynamic configs of broker {@code nodeId}. */
    Map<String, String> brokerConfigs(int nodeId);
}
