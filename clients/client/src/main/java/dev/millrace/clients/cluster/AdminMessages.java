package dev.millrace.clients.cluster;

import dev.millrace.clients.network.ServerErrors;
import dev.millrace.common.Uuid;
import dev.millrace.protocol.message.CreatePartitionsRequestData;
import dev.millrace.protocol.message.CreatePartitionsResponseData;
import dev.millrace.protocol.message.CreateTopicsRequestData;
import dev.millrace.protocol.message.CreateTopicsResponseData;
import dev.millrace.protocol.message.DeleteTopicsRequestData;
import dev.millrace.protocol.message.DeleteTopicsResponseData;
import dev.millrace.protocol.message.DescribeConfigsRequestData;
import dev.millrace.protocol.message.DescribeConfigsResponseData;
import dev.millrace.protocol.message.IncrementalAlterConfigsRequestData;
import dev.millrace.protocol.message.IncrementalAlterConfigsResponseData;
import dev.millrace.protocol.message.MetadataRequestData;
import dev.millrace.protocol.message.MetadataResponseData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the requests of the admin operations and reads their responses, turning per-resource
 * error codes into exceptions through {@link ServerErrors}. Stateless; the version passed in is the
 * one the request will be sent at, so that version-dependent fields are filled correctly.
 */
final class AdminMessages {
    private AdminMessages() {
    }

    static MetadataRequestData metadataRequest(Collection<String> topics) {
        MetadataRequestData request = new MetadataRequestData().setAllowAutoTopicCreation(false);
        if (topics == null) {
            return request.setTopics(null);
        }
        List<MetadataRequestData.MetadataRequestTopic> wanted = new ArrayList<>();
        for (String topic : topics) {
            wanted.add(new MetadataRequestData.MetadataRequestTopic().setName(topic));
        }
        return request.setTopics(wanted);
    }

    static MetadataSnapshot metadata(MetadataResponseData response) {
        Map<Integer, BrokerNode> brokers = new HashMap<>();
        for (MetadataResponseData.MetadataResponseBroker broker : response.brokers()) {
            brokers.put(broker.nodeId(), new BrokerNode(broker.nodeId(), broker.host(), broker.port(),
                    broker.rack()));
        }
        Map<String, TopicDescription> topics = new HashMap<>();
        Map<String, Short> errors = new HashMap<>();
        for (MetadataResponseData.MetadataResponseTopic topic : response.topics()) {
            if (topic.name() == null) {
                continue;
            }
            if (topic.errorCode() != 0) {
                errors.put(topic.name(), topic.errorCode());
                continue;
            }
            List<PartitionDescription> partitions = new ArrayList<>();
            for (MetadataResponseData.MetadataResponsePartition p : topic.partitions()) {
                partitions.add(new PartitionDescription(p.partitionIndex(), p.leaderId(), p.leaderEpoch(),
                        p.replicaNodes(), p.isrNodes(), p.offlineReplicas(), p.errorCode()));
            }
            partitions.sort(Comparator.comparingInt(PartitionDescription::partition));
            Uuid id = topic.topicId() == null ? Uuid.ZERO_UUID : topic.topicId();
            topics.put(topic.name(), new TopicDescription(topic.name(), id, topic.isInternal(), partitions));
        }
        return new MetadataSnapshot(response.clusterId(), response.controllerId(), brokers, topics, errors);
    }

    static CreateTopicsRequestData createTopicsRequest(NewTopic topic, int timeoutMs, boolean validateOnly) {
        List<CreateTopicsRequestData.CreatableTopicConfig> configs = new ArrayList<>();
        topic.configs().forEach((name, value) ->
                configs.add(new CreateTopicsRequestData.CreatableTopicConfig().setName(name).setValue(value)));
        CreateTopicsRequestData.CreatableTopic creatable = new CreateTopicsRequestData.CreatableTopic()
                .setName(topic.name()).setNumPartitions(topic.numPartitions())
                .setReplicationFactor(topic.replicationFactor()).setConfigs(configs);
        return new CreateTopicsRequestData().setTopics(List.of(creatable)).setTimeoutMs(timeoutMs)
                .setValidateOnly(validateOnly);
    }

    static Uuid createTopicsResult(CreateTopicsResponseData response, String name) {
        for (CreateTopicsResponseData.CreatableTopicResult result : response.topics()) {
            if (name.equals(result.name())) {
                ServerErrors.throwIfError(result.errorCode(), result.errorMessage(), "topic=" + name);
                return result.topicId() == null ? Uuid.ZERO_UUID : result.topicId();
            }
        }
        throw missing("CreateTopics", "topic=" + name);
    }

    static DeleteTopicsRequestData deleteTopicsRequest(String name, short version, int timeoutMs) {
        DeleteTopicsRequestData request = new DeleteTopicsRequestData().setTimeoutMs(timeoutMs);
        if (version >= 6) {
            return request.setTopics(List.of(new DeleteTopicsRequestData.DeleteTopicState().setName(name)));
        }
        return request.setTopicNames(List.of(name));
    }

    static void deleteTopicsResult(DeleteTopicsResponseData response, String name) {
        for (DeleteTopicsResponseData.DeletableTopicResult result : response.responses()) {
            if (name.equals(result.name())) {
                ServerErrors.throwIfError(result.errorCode(), result.errorMessage(), "topic=" + name);
                return;
            }
        }
        throw missing("DeleteTopics", "topic=" + name);
    }

    static CreatePartitionsRequestData createPartitionsRequest(String topic, int count, int timeoutMs) {
        return new CreatePartitionsRequestData().setTimeoutMs(timeoutMs).setTopics(List.of(
                new CreatePartitionsRequestData.CreatePartitionsTopic().setName(topic).setCount(count)
                        .setAssignments(null)));
    }

    static void createPartitionsResult(CreatePartitionsResponseData response, String topic, int count) {
        for (CreatePartitionsResponseData.CreatePartitionsTopicResult result : response.results()) {
            if (topic.equals(result.name())) {
                ServerErrors.throwIfError(result.errorCode(), result.errorMessage(),
                        "topic=" + topic + " partitions=" + count);
                return;
            }
        }
        throw missing("CreatePartitions", "topic=" + topic);
    }

    static DescribeConfigsRequestData describeConfigsRequest(ConfigResource resource, boolean synonyms) {
        return new DescribeConfigsRequestData().setIncludeSynonyms(synonyms).setResources(List.of(
                new DescribeConfigsRequestData.DescribeConfigsResource().setResourceType(resource.type().id())
                        .setResourceName(resource.name()).setConfigurationKeys(null)));
    }

    static List<ConfigEntry> describeConfigsResult(DescribeConfigsResponseData response, ConfigResource resource) {
        for (DescribeConfigsResponseData.DescribeConfigsResult result : response.results()) {
            if (result.resourceName().equals(resource.name()) && result.resourceType() == resource.type().id()) {
                ServerErrors.throwIfError(result.errorCode(), result.errorMessage(), facts(resource));
                List<ConfigEntry> entries = new ArrayList<>();
                for (DescribeConfigsResponseData.DescribeConfigsResourceResult config : result.configs()) {
                    List<ConfigEntry.Synonym> synonyms = new ArrayList<>();
                    for (DescribeConfigsResponseData.DescribeConfigsSynonym synonym : config.synonyms()) {
                        synonyms.add(new ConfigEntry.Synonym(synonym.name(), synonym.value(),
                                ConfigSource.forId(synonym.source())));
                    }
                    entries.add(new ConfigEntry(config.name(), config.value(),
                            ConfigSource.forId(config.configSource()), config.readOnly(), config.isSensitive(),
                            synonyms));
                }
                return entries;
            }
        }
        throw missing("DescribeConfigs", facts(resource));
    }

    static IncrementalAlterConfigsRequestData alterConfigsRequest(ConfigResource resource, List<AlterConfigOp> ops) {
        List<IncrementalAlterConfigsRequestData.AlterableConfig> configs = new ArrayList<>();
        for (AlterConfigOp op : ops) {
            configs.add(new IncrementalAlterConfigsRequestData.AlterableConfig().setName(op.name())
                    .setConfigOperation(op.opType().id()).setValue(op.value()));
        }
        return new IncrementalAlterConfigsRequestData().setResources(List.of(
                new IncrementalAlterConfigsRequestData.AlterConfigsResource().setResourceType(resource.type().id())
                        .setResourceName(resource.name()).setConfigs(configs)));
    }

    static void alterConfigsResult(IncrementalAlterConfigsResponseData response, ConfigResource resource) {
        for (IncrementalAlterConfigsResponseData.AlterConfigsResourceResponse result : response.responses()) {
            if (result.resourceName().equals(resource.name()) && result.resourceType() == resource.type().id()) {
                ServerErrors.throwIfError(result.errorCode(), result.errorMessage(), facts(resource));
                return;
            }
        }
        throw missing("IncrementalAlterConfigs", facts(resource));
    }

    private static String facts(ConfigResource resource) {
        return "resourceType=" + resource.type() + " resourceName=" + resource.name();
    }

    private static MissingResultException missing(String api, String facts) {
        return new MissingResultException("api=" + api + " " + facts + " reason=resourceMissingFromResponse");
    }
}
