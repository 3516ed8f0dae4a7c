package dev.millrace.clients.cluster;

import dev.millrace.clients.network.BlockingConnection;
import dev.millrace.clients.network.ServerErrors;
import dev.millrace.common.TopicPartition;
import dev.millrace.common.Uuid;
import dev.millrace.common.errors.InterruptException;
import dev.millrace.common.errors.LeaderNotAvailableException;
import dev.millrace.common.errors.NetworkException;
import dev.millrace.common.errors.NotControllerException;
import dev.millrace.common.errors.RetriableException;
import dev.millrace.common.errors.UnknownTopicOrPartitionException;
import dev.millrace.common.time.Time;
import dev.millrace.protocol.message.ApiMessageType;
import dev.millrace.protocol.message.CreatePartitionsResponseData;
import dev.millrace.protocol.message.CreateTopicsResponseData;
import dev.millrace.protocol.message.DeleteTopicsResponseData;
import dev.millrace.protocol.message.DescribeConfigsResponseData;
import dev.millrace.protocol.message.FetchResponseData;
import dev.millrace.protocol.message.IncrementalAlterConfigsResponseData;
import dev.millrace.protocol.message.ListOffsetsResponseData;
import dev.millrace.protocol.message.MetadataResponseData;
import dev.millrace.protocol.message.ProduceResponseData;
import dev.millrace.protocol.record.MemoryRecords;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A blocking client for one cluster, with just the operations the command-line tools need.
 *
 * <p>Routing: Metadata goes to any reachable broker (the bootstrap list is tried in order until one
 * answers); admin requests (topics, partitions, configs) go to the broker Metadata names as
 * controller (any broker when none is named), except configs of one broker, which go to that broker;
 * Produce, Fetch and ListOffsets go to the partition's leader. Connections are opened lazily, one
 * per broker, and reused.
 *
 * <p>Retries: a data operation that fails with a retriable error (LEADER_NOT_AVAILABLE,
 * NOT_LEADER_OR_FOLLOWER, UNKNOWN_TOPIC_OR_PARTITION, network errors, timeouts) forgets the cached
 * metadata of the topic, waits the backoff and tries again, at most {@code maxAttempts} times and
 * never past {@code operationTimeoutMs}; admin operations retry only network errors and
 * NOT_CONTROLLER. The last failure is thrown as it was.
 *
 * <p>Failures: the exceptions of {@link ServerErrors} for errors the broker reports (message = the
 * broker's text plus {@code key=value} facts), {@link NetworkException} when no broker can be
 * reached, {@link MissingResultException} when a response omits what was asked.
 *
 * <p>Threading: not thread-safe; one thread owns the client from creation to close.
 */
public final class ClusterClient implements AutoCloseable {
    /** ListOffsets timestamp asking for the log start offset. */
    public static final long EARLIEST_TIMESTAMP = -2L;
    /** ListOffsets timestamp asking for the log end offset (high watermark). */
    public static final long LATEST_TIMESTAMP = -1L;
    private static final Predicate<RuntimeException> ADMIN_RETRIABLE =
            e -> e instanceof NetworkException || e instanceof NotControllerException;
    private static final Predicate<RuntimeException> DATA_RETRIABLE = e -> e instanceof RetriableException;

    private final ClusterClientConfig config;
    private final Time time;
    private final Map<Integer, BlockingConnection> connections = new HashMap<>();
    private final Map<String, TopicDescription> topicCache = new HashMap<>();
    private BlockingConnection bootstrap;
    private MetadataSnapshot lastMetadata;

    /** Creates the client; nothing is connected until the first operation. */
    public ClusterClient(ClusterClientConfig config, Time time) {
        this.config = config;
        this.time = time;
    }

    /** Metadata of the given topics, or of every topic when {@code topics} is null. */
    public MetadataSnapshot metadata(Collection<String> topics) {
        return retrying(ADMIN_RETRIABLE, () -> {
            MetadataResponseData response = anyConnection().send(AdminMessages.metadataRequest(topics),
                    MetadataResponseData.class);
            MetadataSnapshot snapshot = AdminMessages.metadata(response);
            lastMetadata = snapshot;
            topicCache.putAll(snapshot.topics());
            return snapshot;
        });
    }

    /** Names of all topics, sorted; internal topics only when asked for. */
    public Set<String> listTopics(boolean includeInternal) {
        Set<String> names = new TreeSet<>();
        for (TopicDescription topic : metadata(null).topics().values()) {
            if (includeInternal || !topic.internal()) {
                names.add(topic.name());
            }
        }
        return names;
    }

    /**
     * Describes one topic.
     *
     * @throws UnknownTopicOrPartitionException if the topic does not exist (or another mapped
     *     exception for another topic-level error)
     */
    public TopicDescription describeTopic(String name) {
        MetadataSnapshot snapshot = metadata(List.of(name));
        Short error = snapshot.topicErrors().get(name);
        if (error != null) {
            throw ServerErrors.exception(error, null, "topic=" + name);
        }
        return snapshot.topic(name).orElseThrow(() -> new UnknownTopicOrPartitionException("topic=" + name
                + " reason=topicMissingFromMetadata"));
    }

    /** Creates a topic and returns its id (zero when the broker does not report ids). */
    public Uuid createTopic(NewTopic topic, boolean validateOnly) {
        int timeoutMs = config.connection().requestTimeoutMs();
        return retrying(ADMIN_RETRIABLE, () -> AdminMessages.createTopicsResult(
                adminConnection().send(AdminMessages.createTopicsRequest(topic, timeoutMs, validateOnly),
                        CreateTopicsResponseData.class), topic.name()));
    }

    /** Deletes a topic. */
    public void deleteTopic(String name) {
        int timeoutMs = config.connection().requestTimeoutMs();
        retrying(ADMIN_RETRIABLE, () -> {
            BlockingConnection connection = adminConnection();
            short version = connection.version(ApiMessageType.DELETE_TOPICS);
            AdminMessages.deleteTopicsResult(connection.send(AdminMessages.deleteTopicsRequest(name, version,
                    timeoutMs), version, DeleteTopicsResponseData.class, timeoutMs), name);
            return null;
        });
        topicCache.remove(name);
    }

    /** Raises the partition count of a topic to {@code totalCount}. */
    public void createPartitions(String topic, int totalCount) {
        int timeoutMs = config.connection().requestTimeoutMs();
        retrying(ADMIN_RETRIABLE, () -> {
            AdminMessages.createPartitionsResult(adminConnection().send(
                    AdminMessages.createPartitionsRequest(topic, totalCount, timeoutMs),
                    CreatePartitionsResponseData.class), topic, totalCount);
            return null;
        });
        topicCache.remove(topic);
    }

    /** The configs of a resource, with synonyms when asked for. */
    public List<ConfigEntry> describeConfigs(ConfigResource resource, boolean includeSynonyms) {
        return retrying(ADMIN_RETRIABLE, () -> AdminMessages.describeConfigsResult(
                configConnection(resource).send(AdminMessages.describeConfigsRequest(resource, includeSynonyms),
                        DescribeConfigsResponseData.class), resource));
    }

    /** Applies config changes to a resource (all or nothing, as the broker decides). */
    public void incrementalAlterConfigs(ConfigResource resource, List<AlterConfigOp> ops) {
        retrying(ADMIN_RETRIABLE, () -> {
            AdminMessages.alterConfigsResult(configConnection(resource).send(
                    AdminMessages.alterConfigsRequest(resource, ops), IncrementalAlterConfigsResponseData.class),
                    resource);
            return null;
        });
    }

    /**
     * Appends record batches to a partition through its leader.
     *
     * @param acks 0 (no response, the result has offset -1), 1 or -1 (all in-sync replicas)
     */
    public ProduceResult produce(TopicPartition tp, MemoryRecords records, short acks, int timeoutMs) {
        return retrying(DATA_RETRIABLE, () -> {
            TopicDescription topic = cachedTopic(tp.topic());
            BlockingConnection connection = leaderConnection(tp, topic);
            short version = connection.version(ApiMessageType.PRODUCE);
            var request = DataMessages.produceRequest(tp, topic.topicId(), version, records, acks, timeoutMs);
            if (acks == 0) {
                connection.sendWithoutResponse(request, version);
                return new ProduceResult(-1L, -1L, -1L);
            }
            int waitMs = config.connection().requestTimeoutMs() + timeoutMs;
            return DataMessages.produceResult(connection.send(request, version, ProduceResponseData.class,
                    waitMs), tp);
        });
    }

    /** Reads from a partition's leader starting at {@code offset}, waiting up to {@code maxWaitMs} for data. */
    public FetchResult fetch(TopicPartition tp, long offset, int maxBytes, int maxWaitMs) {
        return retrying(DATA_RETRIABLE, () -> {
            TopicDescription topic = cachedTopic(tp.topic());
            BlockingConnection connection = leaderConnection(tp, topic);
            short version = connection.version(ApiMessageType.FETCH);
            var request = DataMessages.fetchRequest(tp, topic.topicId(), version, offset, maxBytes, maxWaitMs);
            int waitMs = config.connection().requestTimeoutMs() + maxWaitMs;
            return DataMessages.fetchResult(connection.send(request, version, FetchResponseData.class, waitMs), tp);
        });
    }

    /**
     * The offset for a timestamp: {@link #EARLIEST_TIMESTAMP}, {@link #LATEST_TIMESTAMP}, or the
     * first offset whose timestamp is at least the given one (-1 when there is none).
     */
    public long listOffset(TopicPartition tp, long timestamp) {
        return retrying(DATA_RETRIABLE, () -> {
            BlockingConnection connection = leaderConnection(tp, cachedTopic(tp.topic()));
            return DataMessages.listOffsetsResult(connection.send(DataMessages.listOffsetsRequest(tp, timestamp),
                    ListOffsetsResponseData.class), tp);
        });
    }

    private TopicDescription cachedTopic(String name) {
        TopicDescription topic = topicCache.get(name);
        return topic != null ? topic : describeTopic(name);
    }

    private BlockingConnection leaderConnection(TopicPartition tp, TopicDescription topic) {
        for (PartitionDescription partition : topic.partitions()) {
            if (partition.partition() == tp.partition()) {
                if (partition.leader() < 0) {
                    throw new LeaderNotAvailableException("topic=" + tp.topic() + " partition=" + tp.partition()
                            + " reason=noLeader");
                }
                return connectionTo(partition.leader());
            }
        }
        throw new UnknownTopicOrPartitionException("topic=" + tp.topic() + " partition=" + tp.partition()
                + " partitions=" + topic.partitions().size() + " reason=noSuchPartition");
    }

    private BlockingConnection adminConnection() {
        if (lastMetadata == null) {
            metadata(List.of());
        }
        int controller = lastMetadata.controllerId();
        return controller >= 0 && lastMetadata.brokers().containsKey(controller) ? connectionTo(controller)
                : anyConnection();
    }

    private BlockingConnection configConnection(ConfigResource resource) {
        if (resource.type() != ConfigResource.Type.TOPIC && !resource.name().isEmpty()) {
            try {
                int brokerId = Integer.parseInt(resource.name());
                if (lastMetadata == null) {
                    metadata(List.of());
                }
                if (lastMetadata.brokers().containsKey(brokerId)) {
                    return connectionTo(brokerId);
                }
            } catch (NumberFormatException e) {
                return adminConnection();
            }
        }
        return adminConnection();
    }

    private BlockingConnection connectionTo(int brokerId) {
        BlockingConnection existing = connections.get(brokerId);
        if (existing != null && !existing.isClosed()) {
            return existing;
        }
        BrokerNode node = lastMetadata == null ? null : lastMetadata.brokers().get(brokerId);
        if (node == null) {
            throw new LeaderNotAvailableException("brokerId=" + brokerId + " reason=brokerNotInMetadata");
        }
        BlockingConnection connection = BlockingConnection.open(node.host(), node.port(), config.connection());
        connections.put(brokerId, connection);
        return connection;
    }

    private BlockingConnection anyConnection() {
        for (BlockingConnection connection : connections.values()) {
            if (!connection.isClosed()) {
                return connection;
            }
        }
        if (bootstrap != null && !bootstrap.isClosed()) {
            return bootstrap;
        }
        NetworkException last = null;
        for (String server : config.bootstrapServers()) {
            ClusterClientConfig.HostPort address = ClusterClientConfig.parseAddress(server);
            try {
                bootstrap = BlockingConnection.open(address.host(), address.port(), config.connection());
                return bootstrap;
            } catch (NetworkException e) {
                last = e;
            }
        }
        throw new NetworkException("bootstrapServers=" + config.bootstrapServers() + " reason=noBrokerReachable"
                + (last == null ? "" : " lastFailure=" + last.getMessage()), last);
    }

    private <T> T retrying(Predicate<RuntimeException> retriable, Supplier<T> operation) {
        long deadline = time.milliseconds() + config.operationTimeoutMs();
        for (int attempt = 1; ; attempt++) {
            try {
                return operation.get();
            } catch (RuntimeException e) {
                if (!retriable.test(e) || attempt >= config.maxAttempts()
                        || time.milliseconds() + config.retryBackoffMs() > deadline) {
                    throw e;
                }
                topicCache.clear();
                backoff();
            }
        }
    }

    private void backoff() {
        try {
            time.sleep(config.retryBackoffMs());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException("reason=interruptedDuringRetryBackoff", e);
        }
    }

    /** Closes every connection; idempotent. */
    @Override
    public void close() {
        connections.values().forEach(BlockingConnection::close);
        connections.clear();
        if (bootstrap != null) {
            bootstrap.close();
        }
    }
}
