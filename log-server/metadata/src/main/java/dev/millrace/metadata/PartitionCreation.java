package dev.millrace.metadata;

import dev.millrace.common.errors.ApiException;
import dev.millrace.common.errors.InvalidPartitionsException;
import dev.millrace.common.errors.InvalidReplicaAssignmentException;
import dev.millrace.common.errors.PolicyViolationException;
import dev.millrace.protocol.error.ErrorCode;
import dev.millrace.protocol.message.CreatePartitionsRequestData;
import dev.millrace.protocol.message.CreatePartitionsRequestData.CreatePartitionsAssignment;
import dev.millrace.protocol.message.CreatePartitionsRequestData.CreatePartitionsTopic;
import dev.millrace.protocol.message.CreatePartitionsResponseData;
import dev.millrace.protocol.message.CreatePartitionsResponseData.CreatePartitionsTopicResult;
import dev.millrace.protocol.types.Message;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;

/**
 * Validates a CreatePartitions request and plans one PartitionRecord per new partition, following
 * Kafka: a name given twice gets INVALID_REQUEST; an unknown topic UNKNOWN_TOPIC_OR_PARTITION; a
 * count that does not grow the topic INVALID_PARTITIONS; assignments whose number differs from the
 * partitions added, or that break the manual placement rules, INVALID_REPLICA_ASSIGNMENT; too few
 * brokers INVALID_REPLICATION_FACTOR. New partitions keep the topic's replication factor (that of
 * partition 0). More than {@value TopicCreation#MAX_PARTITIONS_PER_REQUEST} new partitions in one
 * request fail every topic with POLICY_VIOLATION. Used on the controller thread only.
 */
final class PartitionCreation {
    private static final String TOO_LARGE = "Unable to perform excessively large batch operation.";

    private PartitionCreation() {
    }

    static Plan<CreatePartitionsResponseData> plan(CreatePartitionsRequestData request, MetadataImage image,
                                                   SortedSet<Integer> liveBrokers) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        for (CreatePartitionsTopic topic : request.topics()) {
            if (!names.add(topic.name())) {
                duplicates.add(topic.name());
            }
        }
        CreatePartitionsResponseData response = new CreatePartitionsResponseData();
        List<Message> records = new ArrayList<>();
        List<CreatePartitionsTopicResult> succeeded = new ArrayList<>();
        for (CreatePartitionsTopic topic : request.topics()) {
            if (duplicates.contains(topic.name())) {
                continue;
            }
            ApiError error;
            try {
                plan(topic, image, liveBrokers, records);
                error = ApiError.NONE;
            } catch (PolicyViolationException e) {
                response.results().clear();
                names.forEach(name -> response.results().add(result(name, ApiError.of(ErrorCode.POLICY_VIOLATION,
                        TOO_LARGE))));
                return new Plan<>(List.of(), response, failure -> { });
            } catch (ApiException e) {
                error = ApiError.from(e);
            }
            CreatePartitionsTopicResult result = result(topic.name(), error);
            response.results().add(result);
            if (!error.isFailure()) {
                succeeded.add(result);
            }
        }
        for (String name : duplicates) {
            response.results().add(result(name, ApiError.of(ErrorCode.INVALID_REQUEST, "Duplicate topic name.")));
        }
        return new Plan<>(records, response, error -> succeeded.forEach(r -> r.setErrorCode(error.code())
                .setErrorMessage(error.message())));
    }

    private static CreatePartitionsTopicResult result(String name, ApiError error) {
        return new CreatePartitionsTopicResult().setName(name).setErrorCode(error.code())
                .setErrorMessage(error.message());
    }

    private static void plan(CreatePartitionsTopic request, MetadataImage image, SortedSet<Integer> liveBrokers,
                             List<Message> records) {
        TopicImage topic = image.topic(request.name());
        if (topic == null) {
            throw ErrorCode.UNKNOWN_TOPIC_OR_PARTITION.exception("The topic '" + request.name()
                    + "' does not exist.");
        }
        int current = topic.numPartitions();
        if (request.count() == current) {
            throw new InvalidPartitionsException("Topic already has " + current + " partition(s).");
        }
        if (request.count() < current) {
            throw new InvalidPartitionsException("The topic " + request.name() + " currently has " + current
                    + " partition(s); " + request.count() + " would not be an increase.");
        }
        int additional = request.count() - current;
        List<CreatePartitionsAssignment> assignments = request.assignments();
        if (assignments != null && assignments.size() != additional) {
            throw new InvalidReplicaAssignmentException("Attempted to add " + additional
                    + " additional partition(s), but only " + assignments.size() + " assignment(s) were specified.");
        }
        if (additional > TopicCreation.MAX_PARTITIONS_PER_REQUEST - records.size()) {
            throw new PolicyViolationException(TOO_LARGE);
        }
        int factor = topic.replicationFactor();
        List<List<Integer>> placements;
        if (assignments != null) {
            placements = new ArrayList<>();
            for (CreatePartitionsAssignment assignment : assignments) {
                ReplicaPlacement.checkManual(assignment.brokerIds(), factor, liveBrokers);
                placements.add(assignment.brokerIds());
            }
        } else {
            placements = ReplicaPlacement.place(current, additional, factor, liveBrokers);
        }
        for (int i = 0; i < additional; i++) {
            records.add(PartitionRecords.newPartition(topic.id(), current + i, placements.get(i), liveBrokers));
        }
    }
}
