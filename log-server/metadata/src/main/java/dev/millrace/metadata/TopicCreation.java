package dev.millrace.metadata;

import dev.millrace.common.Uuid;
import dev.millrace.common.errors.ApiException;
import dev.millrace.common.errors.InvalidConfigurationException;
import dev.millrace.common.errors.InvalidReplicationFactorException;
import dev.millrace.metadata.records.ConfigRecord;
import dev.millrace.metadata.records.TopicRecord;
import dev.millrace.protocol.error.ErrorCode;
import dev.millrace.protocol.message.CreateTopicsRequestData;
import dev.millrace.protocol.message.CreateTopicsRequestData.CreatableReplicaAssignment;
import dev.millrace.protocol.message.CreateTopicsRequestData.CreatableTopic;
import dev.millrace.protocol.message.CreateTopicsRequestData.CreatableTopicConfig;
import dev.millrace.protocol.message.CreateTopicsResponseData;
import dev.millrace.protocol.message.CreateTopicsResponseData.CreatableTopicResult;
import dev.millrace.protocol.types.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Validates a CreateTopics request against an image and plans its records, following Kafka's
 * controller: duplicate names and {@code __cluster_metadata} are refused with INVALID_REQUEST; more
 * than {@value #MAX_PARTITIONS_PER_REQUEST} partitions in one request fail every topic with
 * POLICY_VIOLATION; then per topic, in this order: illegal or colliding name, existing name, null or
 * invalid configs, manual assignment or replication factor and partition count, placement. Each topic
 * that passes becomes a TopicRecord, its ConfigRecords and one PartitionRecord per partition.
 * Used on the controller thread only.
 */
final class TopicCreation {
    /** Kafka's limit on the partitions one request may create. */
    static final int MAX_PARTITIONS_PER_REQUEST = 10_000;
    static final String CLUSTER_METADATA_TOPIC = MetadataLog.TOPIC;

    private final MetadataImage image;
    private final ControllerConfig config;
    private final SortedSet<Integer> liveBrokers;
    private final Supplier<Uuid> topicIds;
    private final List<Message> records = new ArrayList<>();
    private final Map<String, ApiError> errors = new HashMap<>();
    private final Map<String, CreatableTopicResult> successes = new HashMap<>();

    private TopicCreation(MetadataImage image, ControllerConfig config, SortedSet<Integer> liveBrokers,
                          Supplier<Uuid> topicIds) {
        this.image = image;
        this.config = config;
        this.liveBrokers = liveBrokers;
        this.topicIds = topicIds;
    }

    static Plan<CreateTopicsResponseData> plan(CreateTopicsRequestData request, MetadataImage image,
                                               ControllerConfig config, SortedSet<Integer> liveBrokers,
                                               Supplier<Uuid> topicIds) {
        return new TopicCreation(image, config, liveBrokers, topicIds).run(request);
    }

    private Plan<CreateTopicsResponseData> run(CreateTopicsRequestData request) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        for (CreatableTopic topic : request.topics()) {
            if (!names.add(topic.name())) {
                duplicates.add(topic.name());
            }
        }
        List<CreatableTopic> effective = new ArrayList<>();
        for (CreatableTopic topic : request.topics()) {
            if (!duplicates.contains(topic.name()) && !CLUSTER_METADATA_TOPIC.equals(topic.name())) {
                effective.add(topic);
            }
        }
        CreateTopicsResponseData response = new CreateTopicsResponseData();
        if (totalPartitions(effective) > MAX_PARTITIONS_PER_REQUEST) {
            ApiError tooMany = ApiError.of(ErrorCode.POLICY_VIOLATION,
                    "Excessively large number of partitions per request.");
            for (String name : names) {
                response.topics().add(failure(name, tooMany));
            }
            return new Plan<>(List.of(), response, e -> { });
        }
        for (CreatableTopic topic : effective) {
            checkAndCreate(topic);
        }
        for (CreatableTopic topic : effective) {
            ApiError error = errors.get(topic.name());
            response.topics().add(error != null ? failure(topic.name(), error) : successes.get(topic.name()));
        }
        for (String name : duplicates) {
            response.topics().add(failure(name, ApiError.of(ErrorCode.INVALID_REQUEST, "Duplicate topic name.")));
        }
        if (names.contains(CLUSTER_METADATA_TOPIC) && !duplicates.contains(CLUSTER_METADATA_TOPIC)) {
            response.topics().add(failure(CLUSTER_METADATA_TOPIC, ApiError.of(ErrorCode.INVALID_REQUEST,
                    "Creation of internal topic " + CLUSTER_METADATA_TOPIC + " is prohibited.")));
        }
        return new Plan<>(records, response, error -> {
            for (CreatableTopicResult result : successes.values()) {
                result.setErrorCode(error.code()).setErrorMessage(error.message()).setTopicId(Uuid.ZERO_UUID)
                        .setNumPartitions(-1).setReplicationFactor((short) -1);
            }
        });
    }

    private long totalPartitions(List<CreatableTopic> topics) {
        long total = 0;
        for (CreatableTopic topic : topics) {
            if (!topic.assignments().isEmpty()) {
                total += topic.assignments().size();
            } else if (topic.numPartitions() == -1) {
                total += config.defaultNumPartitions();
            } else if (topic.numPartitions() > 0) {
                total += topic.numPartitions();
            }
        }
        return total;
    }

    private static CreatableTopicResult failure(String name, ApiError error) {
        return new CreatableTopicResult().setName(name).setErrorCode(error.code()).setErrorMessage(error.message());
    }

    private void checkAndCreate(CreatableTopic topic) {
        String name = topic.name();
        ApiError error = checkName(name);
        if (error == null && image.topic(name) != null) {
            error = ApiError.of(ErrorCode.TOPIC_ALREADY_EXISTS, "Topic '" + name + "' already exists.");
        }
        Map<String, String> configs = new TreeMap<>();
        if (error == null) {
            error = checkConfigs(topic, configs);
        }
        if (error == null) {
            try {
                error = create(topic, configs);
            } catch (ApiException e) {
                error = ApiError.from(e);
            }
        }
        if (error != null) {
            errors.put(name, error);
        }
    }

    private ApiError checkName(String name) {
        var invalid = TopicNames.invalidReason(name);
        if (invalid.isPresent()) {
            return ApiError.of(ErrorCode.INVALID_TOPIC_EXCEPTION, invalid.get());
        }
        if (TopicNames.hasCollisionChars(name)) {
            String unified = TopicNames.unifyCollisionChars(name);
            for (String existing : image.topicsByName().keySet()) {
                if (!existing.equals(name) && TopicNames.unifyCollisionChars(existing).equals(unified)) {
                    return ApiError.of(ErrorCode.INVALID_TOPIC_EXCEPTION,
                            "Topic '" + name + "' collides with existing topic: " + existing);
                }
            }
        }
        return null;
    }

    private ApiError checkConfigs(CreatableTopic topic, Map<String, String> configs) {
        for (CreatableTopicConfig entry : topic.configs()) {
            if (entry.value() == null) {
                return ApiError.of(ErrorCode.INVALID_CONFIG, "Null value not supported for topic configs: "
                        + entry.name());
            }
            configs.put(entry.name(), entry.value());
        }
        try {
            config.policy().validateTopicConfigs(configs);
            return null;
        } catch (InvalidConfigurationException e) {
            return ApiError.of(ErrorCode.INVALID_CONFIG, e.getMessage());
        }
    }

    private ApiError create(CreatableTopic topic, Map<String, String> configs) {
        List<List<Integer>> placements;
        if (!topic.assignments().isEmpty()) {
            ApiError error = manualPlacements(topic);
            if (error != null) {
                return error;
            }
            placements = new ArrayList<>();
            Map<Integer, List<Integer>> byPartition = new HashMap<>();
            for (CreatableReplicaAssignment a : topic.assignments()) {
                byPartition.put(a.partitionIndex(), a.brokerIds());
            }
            for (int p = 0; p < byPartition.size(); p++) {
                placements.add(byPartition.get(p));
            }
        } else if (topic.replicationFactor() < -1 || topic.replicationFactor() == 0) {
            return ApiError.of(ErrorCode.INVALID_REPLICATION_FACTOR,
                    "Replication factor must be larger than 0, or -1 to use the default value.");
        } else if (topic.numPartitions() < -1 || topic.numPartitions() == 0) {
            return ApiError.of(ErrorCode.INVALID_PARTITIONS,
                    "Number of partitions was set to an invalid non-positive value.");
        } else {
            int numPartitions = topic.numPartitions() == -1 ? config.defaultNumPartitions() : topic.numPartitions();
            short factor = topic.replicationFactor() == -1 ? config.defaultReplicationFactor()
                    : topic.replicationFactor();
            try {
                placements = ReplicaPlacement.place(0, numPartitions, factor, liveBrokers);
            } catch (InvalidReplicationFactorException e) {
                return ApiError.of(ErrorCode.INVALID_REPLICATION_FACTOR,
                        "Unable to replicate the partition " + factor + " time(s): " + e.getMessage());
            }
        }
        addRecords(topic.name(), configs, placements);
        return null;
    }

    private ApiError manualPlacements(CreatableTopic topic) {
        if (topic.replicationFactor() != -1) {
            return ApiError.of(ErrorCode.INVALID_REQUEST,
                    "A manual partition assignment was specified, but replication factor was not set to -1.");
        }
        if (topic.numPartitions() != -1) {
            return ApiError.of(ErrorCode.INVALID_REQUEST,
                    "A manual partition assignment was specified, but numPartitions was not set to -1.");
        }
        Set<Integer> seen = new HashSet<>();
        int expected = -1;
        for (CreatableReplicaAssignment a : topic.assignments()) {
            if (!seen.add(a.partitionIndex())) {
                return ApiError.of(ErrorCode.INVALID_REPLICA_ASSIGNMENT,
                        "Found multiple manual partition assignments for partition " + a.partitionIndex());
            }
            ReplicaPlacement.checkManual(a.brokerIds(), expected, liveBrokers);
            expected = a.brokerIds().size();
        }
        for (int p = 0; p < seen.size(); p++) {
            if (!seen.contains(p)) {
                return ApiError.of(ErrorCode.INVALID_REPLICA_ASSIGNMENT,
                        "partitions should be a consecutive 0-based integer sequence");
            }
        }
        return null;
    }

    private void addRecords(String name, Map<String, String> configs, List<List<Integer>> placements) {
        Uuid id = topicIds.get();
        records.add(new TopicRecord().setName(name).setTopicId(id));
        for (Map.Entry<String, String> entry : configs.entrySet()) {
            records.add(new ConfigRecord().setResourceType(ConfigResourceType.TOPIC.id()).setResourceName(name)
                    .setName(entry.getKey()).setValue(entry.getValue()));
        }
        for (int p = 0; p < placements.size(); p++) {
            records.add(PartitionRecords.newPartition(id, p, placements.get(p), liveBrokers));
        }
        successes.put(name, new CreatableTopicResult().setName(name).setTopicId(id)
                .setErrorCode(ErrorCode.NONE.code()).setErrorMessage(null)
                .setNumPartitions(placements.size()).setReplicationFactor((short) placements.get(0).size()));
    }
}
