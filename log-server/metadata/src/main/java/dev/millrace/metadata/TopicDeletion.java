package dev.millrace.metadata;

import dev.millrace.common.Uuid;
import dev.millrace.metadata.records.RemoveTopicRecord;
import dev.millrace.protocol.error.ErrorCode;
import dev.millrace.protocol.message.DeleteTopicsRequestData;
import dev.millrace.protocol.message.DeleteTopicsRequestData.DeleteTopicState;
import dev.millrace.protocol.message.DeleteTopicsResponseData;
import dev.millrace.protocol.message.DeleteTopicsResponseData.DeletableTopicResult;
import dev.millrace.protocol.types.Message;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a DeleteTopics request and plans one RemoveTopicRecord per topic, following Kafka:
 * topics are named (v0-5 {@code TopicNames}, v6+ {@code Topics} entries with a name) or given by id
 * (v6+); an entry with neither or both fails the whole request with INVALID_REQUEST; a name or id
 * given twice gets INVALID_REQUEST ("Duplicate topic name." / "Duplicate topic id."); an unknown
 * name UNKNOWN_TOPIC_OR_PARTITION, an unknown id UNKNOWN_TOPIC_ID; a name that resolves to an id
 * also given by id INVALID_REQUEST. Internal topics may be deleted, as in Kafka. Used on the
 * controller thread only.
 */
final class TopicDeletion {
    private TopicDeletion() {
    }

    static Plan<DeleteTopicsResponseData> plan(DeleteTopicsRequestData request, MetadataImage image) {
        DeleteTopicsResponseData response = new DeleteTopicsResponseData();
        String invalid = wholeRequestProblem(request);
        if (invalid != null) {
            for (String name : request.topicNames()) {
                response.responses().add(result(name, Uuid.ZERO_UUID, ErrorCode.INVALID_REQUEST, invalid));
            }
            for (DeleteTopicState topic : request.topics()) {
                response.responses().add(result(topic.name(), topic.topicId(), ErrorCode.INVALID_REQUEST, invalid));
            }
            return new Plan<>(List.of(), response, e -> { });
        }
        Set<String> names = new LinkedHashSet<>();
        Set<String> duplicateNames = new LinkedHashSet<>();
        Set<Uuid> ids = new LinkedHashSet<>();
        Set<Uuid> duplicateIds = new LinkedHashSet<>();
        request.topicNames().forEach(name -> addOnce(name, names, duplicateNames));
        for (DeleteTopicState topic : request.topics()) {
            if (topic.name() != null) {
                addOnce(topic.name(), names, duplicateNames);
            } else {
                addOnce(topic.topicId(), ids, duplicateIds);
            }
        }
        for (Uuid id : duplicateIds) {
            response.responses().add(result(null, id, ErrorCode.INVALID_REQUEST, "Duplicate topic id."));
        }
        for (String name : duplicateNames) {
            response.responses().add(result(name, Uuid.ZERO_UUID, ErrorCode.INVALID_REQUEST, "Duplicate topic name."));
        }
        Map<Uuid, String> toDelete = resolve(image, names, ids, response);
        List<Message> records = new ArrayList<>();
        List<DeletableTopicResult> deleted = new ArrayList<>();
        for (Map.Entry<Uuid, String> entry : toDelete.entrySet()) {
            records.add(new RemoveTopicRecord().setTopicId(entry.getKey()));
            DeletableTopicResult ok = result(entry.getValue(), entry.getKey(), ErrorCode.NONE, null);
            deleted.add(ok);
            response.responses().add(ok);
        }
        return new Plan<>(records, response, error -> deleted.forEach(r -> r.setErrorCode(error.code())
                .setErrorMessage(error.message())));
    }

    private static String wholeRequestProblem(DeleteTopicsRequestData request) {
        for (DeleteTopicState topic : request.topics()) {
            boolean hasId = !Uuid.ZERO_UUID.equals(topic.topicId());
            if (topic.name() == null && !hasId) {
                return "Neither topic name nor id were specified.";
            }
            if (topic.name() != null && hasId) {
                return "You may not specify both topic name and topic id.";
            }
        }
        return null;
    }

    private static <T> void addOnce(T item, Set<T> once, Set<T> duplicates) {
        if (duplicates.contains(item) || !once.add(item)) {
            duplicates.add(item);
            once.remove(item);
        }
    }

    /** Resolves names and ids to the topics to delete (id to name), adding an error result for each failure. */
    private static Map<Uuid, String> resolve(MetadataImage image, Set<String> names, Set<Uuid> ids,
                                             DeleteTopicsResponseData response) {
        Map<Uuid, String> toDelete = new LinkedHashMap<>();
        for (Uuid id : ids) {
            TopicImage topic = image.topic(id);
            if (topic == null) {
                response.responses().add(result(null, id, ErrorCode.UNKNOWN_TOPIC_ID,
                        ErrorCode.UNKNOWN_TOPIC_ID.defaultMessage()));
            } else {
                toDelete.put(id, topic.name());
            }
        }
        for (String name : names) {
            TopicImage topic = image.topic(name);
            if (topic == null) {
                response.responses().add(result(name, Uuid.ZERO_UUID, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
                        ErrorCode.UNKNOWN_TOPIC_OR_PARTITION.defaultMessage()));
            } else if (toDelete.containsKey(topic.id())) {
                response.responses().add(result(name, topic.id(), ErrorCode.INVALID_REQUEST,
                        "The provided topic name maps to an ID that was already supplied."));
            } else {
                toDelete.put(topic.id(), name);
            }
        }
        return toDelete;
    }

    private static DeletableTopicResult result(String name, Uuid id, ErrorCode error, String message) {
        return new DeletableTopicResult().setName(name).setTopicId(id).setErrorCode(error.code())
                .setErrorMessage(message);
    }
}
