package dev.millrace.serdes.avro.registry.store;

import dev.millrace.clients.cluster.FetchResult;
import dev.millrace.clients.cluster.NewTopic;
import dev.millrace.common.TopicPartition;
import dev.millrace.protocol.record.MemoryRecords;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The few log-server operations {@link TopicSchemaStore} needs, so that its topic checks and its paged
 * replay can be tested against an in-memory partition. {@link WireStoreCluster} implements it over
 * the wire client. Implementations need not be thread-safe: the store calls them under its own lock.
 * Failures are the client's unchecked exceptions ({@code dev.millrace.common.errors.*}).
 */
interface StoreCluster extends AutoCloseable {
    /**
     * The partition count of a topic.
     *
     * @param topic the topic name
     * @return the count, or empty when the topic does not exist
     */
    OptionalInt partitionCount(String topic);

    /**
     * Creates a topic.
     *
     * @param topic the topic with its partition count, replication factor and configs
     * @throws dev.millrace.common.errors.TopicExistsException if another client created it first
     */
    void createTopic(NewTopic topic);

    /**
     * The effective value of one topic config.
     *
     * @param topic the topic name
     * @param key the config key
     * @return the value, or empty when the broker reports none
     */
    Optional<String> topicConfig(String topic, String key);

    /**
     * Appends records and waits for the acknowledgement {@code acks} asks for.
     *
     * @param partition the partition
     * @param records one batch
     * @param acks -1 for all in-sync replicas
     * @param timeoutMs how long the broker may wait for the replicas
     * @return the offset of the first appended record
     */
    long produce(TopicPartition partition, MemoryRecords records, short acks, int timeoutMs);

    /**
     * ListOffsets for one partition.
     *
     * @param partition the partition
     * @param timestamp -2 for the log start offset, -1 for the end offset (high watermark)
     * @return the offset
     */
    long listOffset(TopicPartition partition, long timestamp);

    /**
     * Reads batches from {@code offset} on. As with any Kafka fetch the first batch may start before
     * {@code offset}, and compaction may leave gaps between offsets.
     *
     * @param partition the partition
     * @param offset the first offset wanted
     * @param maxBytes the size limit of the answer
     * @param maxWaitMs how long the broker may wait for data
     * @return the batches and the high watermark
     */
    FetchResult fetch(TopicPartition partition, long offset, int maxBytes, int maxWaitMs);

    /** Closes the connections. */
    @Override
    void close();
}
