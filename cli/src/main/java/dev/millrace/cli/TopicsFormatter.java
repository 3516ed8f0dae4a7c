package dev.millrace.cli;

import dev.millrace.clients.cluster.ConfigEntry;
import dev.millrace.clients.cluster.ConfigSource;
import dev.millrace.clients.cluster.PartitionDescription;
import dev.millrace.clients.cluster.TopicDescription;
import java.util.List;
import java.util.StringJoiner;

/**
 * Formats {@code topics --describe} output as kafka-topics prints it: one tab-separated topic line
 * ({@code Topic: t	TopicId: ..	PartitionCount: 3	ReplicationFactor: 1	Configs: k=v,..}), where
 * the configs are those not at their default, then one line per partition starting with a tab.
 * The metadata we read carries no eligible leader replicas, so {@code Elr} and {@code LastKnownElr}
 * are always empty. Stateless.
 */
final class TopicsFormatter {
    private TopicsFormatter() {
    }

    /** The topic line (no line terminator). */
    static String topicLine(TopicDescription topic, List<ConfigEntry> configs) {
        StringJoiner overrides = new StringJoiner(",");
        for (ConfigEntry entry : configs) {
            if (entry.source() != ConfigSource.DEFAULT_CONFIG) {
                overrides.add(entry.name() + "=" + entry.value());
            }
        }
        return "Topic: " + topic.name() + "\tTopicId: " + topic.topicId() + "\tPartitionCount: "
                + topic.partitions().size() + "\tReplicationFactor: " + topic.replicationFactor()
                + "\tConfigs: " + overrides;
    }

    /** One partition line (no line terminator). */
    static String partitionLine(String topic, PartitionDescription partition) {
        return "\tTopic: " + topic + "\tPartition: " + partition.partition() + "\tLeader: "
                + (partition.leader() < 0 ? "none" : Integer.toString(partition.leader()))
                + "\tReplicas: " + ids(partition.replicas()) + "\tIsr: " + ids(partition.isr())
                + "\tElr: \tLastKnownElr: ";
    }

    private static String ids(List<Integer> ids) {
        StringJoiner joined = new StringJoiner(",");
        ids.forEach(id -> joined.add(Integer.toString(id)));
        return joined.toString();
    }
}
