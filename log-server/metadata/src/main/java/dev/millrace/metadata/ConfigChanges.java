package dev.millrace.metadata;

import dev.millrace.common.errors.InvalidConfigurationException;
import dev.millrace.common.errors.InvalidRequestException;
import dev.millrace.metadata.records.ConfigRecord;
import dev.millrace.protocol.error.ErrorCode;
import dev.millrace.protocol.message.AlterConfigsRequestData;
import dev.millrace.protocol.message.AlterConfigsResponseData;
import dev.millrace.protocol.message.IncrementalAlterConfigsRequestData;
import dev.millrace.protocol.message.IncrementalAlterConfigsRequestData.AlterableConfig;
import dev.millrace.protocol.message.IncrementalAlterConfigsResponseData;
import dev.millrace.protocol.types.Message;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Validates IncrementalAlterConfigs and AlterConfigs requests and plans their ConfigRecords,
 * following Kafka. Resources: TOPIC (must exist, else UNKNOWN_TOPIC_OR_PARTITION) and BROKER
 * ({@code ""} for the cluster default, else this node's id; anything else INVALID_REQUEST); other
 * types INVALID_REQUEST. A resource given twice, or a key given twice within one resource, gets
 * INVALID_REQUEST. Incremental operations: SET 0, DELETE 1, APPEND 2 and SUBTRACT 3 (the last two
 * only on list keys, else INVALID_CONFIG); AlterConfigs replaces the resource's whole dynamic set.
 * The resulting set is checked by the {@link ConfigPolicy} (INVALID_CONFIG). A record is written
 * for every key whose value changes, and for broker resources for every key named (so that brokers
 * reload it, as Kafka does). Used on the controller thread only.
 */
final class ConfigChanges {
    static final byte SET = 0;
    static final byte DELETE = 1;
    static final byte APPEND = 2;
    static final byte SUBTRACT = 3;

    private final MetadataImage image;
    private final ControllerConfig config;
    private final List<Message> records = new ArrayList<>();

    private ConfigChanges(MetadataImage image, ControllerConfig config) {
        this.image = image;
        this.config = config;
    }

    static Plan<IncrementalAlterConfigsResponseData> incremental(IncrementalAlterConfigsRequestData request,
                                                                 MetadataImage image, ControllerConfig config) {
        ConfigChanges changes = new ConfigChanges(image, config);
        IncrementalAlterConfigsResponseData response = new IncrementalAlterConfigsResponseData();
        List<IncrementalAlterConfigsResponseData.AlterConfigsResourceResponse> succeeded = new ArrayList<>();
        Set<String> duplicates = duplicates(request.resources().stream()
                .map(r -> r.resourceType() + "/" + r.resourceName()).toList());
        for (IncrementalAlterConfigsRequestData.AlterConfigsResource resource : request.resources()) {
            ApiError error = duplicates.contains(resource.resourceType() + "/" + resource.resourceName())
                    ? ApiError.of(ErrorCode.INVALID_REQUEST, "Duplicate resource.")
                    : changes.apply(resource.resourceType(), resource.resourceName(),
                            current -> incrementalTarget(resource.configs(), current, config.policy(),
                                    resource.resourceType() == ConfigResourceType.BROKER.id()));
            var result = new IncrementalAlterConfigsResponseData.AlterConfigsResourceResponse()
                    .setResourceType(resource.resourceType()).setResourceName(resource.resourceName())
                    .setErrorCode(error.code()).setErrorMessage(error.message());
            response.responses().add(result);
            if (!error.isFailure()) {
                succeeded.add(result);
            }
        }
        return new Plan<>(changes.records, response, error -> succeeded.forEach(r -> r.setErrorCode(error.code())
                .setErrorMessage(error.message())));
    }

    static Plan<AlterConfigsResponseData> legacy(AlterConfigsRequestData request, MetadataImage image,
                                                 ControllerConfig config) {
        ConfigChanges changes = new ConfigChanges(image, config);
        AlterConfigsResponseData response = new AlterConfigsResponseData();
        List<AlterConfigsResponseData.AlterConfigsResourceResponse> succeeded = new ArrayList<>();
        Set<String> duplicates = duplicates(request.resources().stream()
                .map(r -> r.resourceType() + "/" + r.resourceName()).toList());
        for (AlterConfigsRequestData.AlterConfigsResource resource : request.resources()) {
            ApiError error = duplicates.contains(resource.resourceType() + "/" + resource.resourceName())
                    ? ApiError.of(ErrorCode.INVALID_REQUEST, "Duplicate resource.")
                    : changes.apply(resource.resourceType(), resource.resourceName(),
                            current -> legacyTarget(resource.configs()));
            var result = new AlterConfigsResponseData.AlterConfigsResourceResponse()
                    .setResourceType(resource.resourceType()).setResourceName(resource.resourceName())
                    .setErrorCode(error.code()).setErrorMessage(error.message());
            response.responses().add(result);
            if (!error.isFailure()) {
                succeeded.add(result);
            }
        }
        return new Plan<>(changes.records, response, error -> succeeded.forEach(r -> r.setErrorCode(error.code())
                .setErrorMessage(error.message())));
    }

    /** A resource's dynamic set after the change, and the keys the request named. */
    private record Change(Map<String, String> next, Set<String> named) {
    }

    /** Computes the change from the resource's current set; throws an ApiException to refuse it. */
    @FunctionalInterface
    private interface Target {
        Change compute(Map<String, String> current);
    }

    private static Set<String> duplicates(List<String> keys) {
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new HashSet<>();
        for (String key : keys) {
            if (!seen.add(key)) {
                duplicates.add(key);
            }
        }
        return duplicates;
    }

    private ApiError apply(byte typeId, String name, Target target) {
        ConfigResourceType type = ConfigResourceType.forId(typeId);
        ApiError error = checkResource(type, typeId, name);
        if (error != null) {
            return error;
        }
        Map<String, String> current = image.configs(type, name);
        Change change;
        try {
            change = target.compute(current);
            if (type == ConfigResourceType.TOPIC) {
                config.policy().validateTopicConfigs(change.next());
            } else {
                config.policy().validateBrokerConfigs(change.next());
            }
        } catch (InvalidConfigurationException e) {
            return ApiError.of(ErrorCode.INVALID_CONFIG, e.getMessage());
        } catch (InvalidRequestException e) {
            return ApiError.of(ErrorCode.INVALID_REQUEST, e.getMessage());
        }
        Set<String> keys = new TreeSet<>(current.keySet());
        keys.addAll(change.next().keySet());
        for (String key : keys) {
            String value = change.next().get(key);
            boolean reload = type == ConfigResourceType.BROKER && change.named().contains(key);
            if (!Objects.equals(current.get(key), value) || reload) {
                records.add(new ConfigRecord().setResourceType(typeId).setResourceName(name).setName(key)
                        .setValue(value));
            }
        }
        return ApiError.NONE;
    }

    private ApiError checkResource(ConfigResourceType type, byte typeId, String name) {
        if (type == null) {
            return ApiError.of(ErrorCode.INVALID_REQUEST, "Unknown resource type " + typeId);
        }
        if (type == ConfigResourceType.TOPIC) {
            return image.topic(name) != null ? null : ApiError.of(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
                    "The topic '" + name + "' does not exist.");
        }
        if (name.isEmpty()) {
            return null;
        }
        int id;
        try {
            id = Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return ApiError.of(ErrorCode.INVALID_REQUEST, "Node id must be an integer, but it is: " + name);
        }
        return id == config.nodeId() ? null : ApiError.of(ErrorCode.INVALID_REQUEST,
                "Unexpected broker id, expected " + config.nodeId() + ", but received " + name);
    }

    private static Change incrementalTarget(List<AlterableConfig> ops, Map<String, String> current,
                                            ConfigPolicy policy, boolean broker) {
        Map<String, String> next = new TreeMap<>(current);
        Set<String> named = new HashSet<>();
        for (AlterableConfig op : ops) {
            if (!named.add(op.name())) {
                throw new InvalidRequestException("Error due to duplicate config keys");
            }
        }
        for (AlterableConfig op : ops) {
            String key = op.name();
            switch (op.configOperation()) {
                case SET -> {
                    if (op.value() == null && broker) {
                        throw new InvalidRequestException("Null value not supported for : " + key);
                    }
                    putOrRemove(next, key, op.value());
                }
                case DELETE -> next.remove(key);
                case APPEND, SUBTRACT -> {
                    String verb = op.configOperation() == APPEND ? "APPEND" : "SUBTRACT";
                    if (!policy.isListConfig(key)) {
                        throw new InvalidConfigurationException("Can't " + verb + " to key " + key
                                + " because its type is not LIST.");
                    }
                    if (op.value() == null) {
                        throw new InvalidRequestException("Null value not supported for : " + key);
                    }
                    String base = next.containsKey(key) ? next.get(key) : policy.defaultValue(key, broker);
                    putOrRemove(next, key, listOperation(base, op.value(), op.configOperation() == APPEND));
                }
                default -> throw new InvalidRequestException("Unknown operations type " + op.configOperation());
            }
        }
        return new Change(next, named);
    }

    /** APPEND adds the values not yet in the list; SUBTRACT removes every occurrence of the values. */
    private static String listOperation(String current, String operand, boolean append) {
        List<String> parts = new ArrayList<>();
        if (current != null) {
            for (String part : current.split(",")) {
                if (!part.isEmpty()) {
                    parts.add(part);
                }
            }
        }
        for (String value : operand.split(",")) {
            if (append && !parts.contains(value)) {
                parts.add(value);
            } else if (!append) {
                parts.removeIf(value::equals);
            }
        }
        return String.join(",", parts);
    }

    private static void putOrRemove(Map<String, String> map, String key, String value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }

    private static Change legacyTarget(List<AlterConfigsRequestData.AlterableConfig> configs) {
        Map<String, String> next = new LinkedHashMap<>();
        for (AlterConfigsRequestData.AlterableConfig entry : configs) {
            if (next.containsKey(entry.name())) {
                throw new InvalidRequestException("Error due to duplicate config keys");
            }
            if (entry.value() == null) {
                throw new InvalidRequestException("Null value not supported for : " + entry.name());
            }
            next.put(entry.name(), entry.value());
        }
        return new Change(new TreeMap<>(next), next.keySet());
    }
}
