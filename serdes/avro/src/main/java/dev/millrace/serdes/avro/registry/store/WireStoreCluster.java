package dev.millrace.serdes.avro.registry.store;

import dev.millrace.clients.cluster.ClusterClient;
import dev.millrace.clients.cluster.ConfigEntry;
import dev.millrace.clients.cluster.ConfigResource;
import dev.millrace.clients.cluster.FetchResult;
import dev.millrace.clients.cluster.NewTopic;
import dev.millrace.common.TopicPartition;
import dev.millrace.common.errors.UnknownTopicOrPartitionException;
import dev.millrace.protocol.record.MemoryRecords;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@link StoreCluster} over the wire {@link ClusterClient}: every call is one client operation (with the
 * client's own retries of retriable errors). Not thread-safe, like the client; {@link TopicSchemaStore}
 * calls it under its lock.
 */
final class WireStoreCluster implements StoreCluster {
    private final ClusterClient client;

    WireStoreCluster(ClusterClient client) {
        this.client = Objects.requireNonNull(client, "reason=nullClient");
    }

    @Override
    public OptionalInt partitionCount(String topic) {
        try {
            return OptionalInt.of(client.describeTopic(topic).partitions().size());
        } catch (UnknownTopicOrPartitionException e) {
            return OptionalInt.empty();
        }
    }

    @Override
    public void createTopic(NewTopic topic) {
        client.createTopic(topic, false);
    }

    @Override
    public Optional<String> topicConfig(String topic, String key) {
        for (ConfigEntry entry : client.describeConfigs(new ConfigResource(ConfigResource.Type.TOPIC, topic), false)) {
            if (entry.name().equals(key)) {
                return Optional.ofNullable(entry.value());
            }
        }
        return Optional.empty();
    }

    @Override
    public long produce(TopicPartition partition, MemoryRecords records, short acks, int timeoutMs) {
        return client.produce(partition, records, acks, timeoutMs).baseOffset();
    }

    @Override
    public long listOffset(TopicPartition partition, long timestamp) {
        return client.listOffset(partition, timestamp);
    }

    @Override
    public FetchResult fetch(TopicPartition partition, long offset, int maxBytes, int maxWaitMs) {
        return client.fetch(partition, offset, maxBytes, maxWaitMs);
    }

    @Override
    public void close() {
        client.close();
    }
}
