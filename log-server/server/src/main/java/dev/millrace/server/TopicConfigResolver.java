package dev.millrace.server;

import dev.millrace.server.cluster.ClusterView;
import dev.millrace.server.config.ConfigDescriber;
import dev.millrace.server.config.DescribedConfig;
import dev.millrace.server.config.ServerConfig;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Effective configuration of topics and of this broker as the handlers need it: topic override &gt;
 * dynamic cluster default &gt; server.properties &gt; Kafka's default. Reads the published cluster view;
 * thread-safe.
 */
public final class TopicConfigResolver {
    private static final String MIN_INSYNC_REPLICAS = "min.insync.replicas";

    private final ServerConfig config;
    private final Supplier<ClusterView> cluster;
    private final ConfigDescriber describer;

    public TopicConfigResolver(ServerConfig config, Supplier<ClusterView> cluster) {
        this.config = config;
        this.cluster = cluster;
        this.describer = new ConfigDescriber(config);
    }

    /** Every topic-level key of {@code topic} with its effective value. */
    public Map<String, String> effective(String topic) {
        ClusterView view = cluster.get();
        Map<String, String> values = new HashMap<>(config.topicDefaults(view.defaultBrokerConfigs()));
        values.putAll(view.topicConfigs(topic));
        return values;
    }

    public int minInsyncReplicas(String topic) {
        String value = effective(topic).get(MIN_INSYNC_REPLICAS);
        return value == null ? 1 : Integer.parseInt(value.trim());
    }

    /** DescribeConfigs entries of an existing topic. */
    public List<DescribedConfig> describeTopic(String topic, Collection<String> keysOrNull, boolean synonyms) {
        ClusterView view = cluster.get();
        return describer.describeTopic(view.topicConfigs(topic), view.defaultBrokerConfigs(), keysOrNull, synonyms);
    }

    /** DescribeConfigs entries a topic created with {@code overrides} would have. */
    public List<DescribedConfig> describeNewTopic(Map<String, String> overrides) {
        return describer.describeTopic(overrides, cluster.get().defaultBrokerConfigs(), null, false);
    }

    /** DescribeConfigs entries of broker {@code nodeId} (must be this node). */
    public List<DescribedConfig> describeBroker(int nodeId, Collection<String> keysOrNull, boolean synonyms) {
        ClusterView view = cluster.get();
        return describer.describeBroker(nodeId, view.brokerConfigs(nodeId), view.defaultBrokerConfigs(), keysOrNull,
                synonyms);
    }

    /** DescribeConfigs entries of the cluster-wide broker default (empty broker name). */
    public List<DescribedConfig> describeBrokerDefault(Collection<String> keysOrNull, boolean synonyms) {
        return describer.describeBrokerDefault(cluster.get().defaultBrokerConfigs(), keysOrNull, synonyms);
    }
}
