package dev.millrace.metadata;

import dev.millrace.common.Uuid;
import dev.millrace.protocol.message.AlterConfigsRequestData;
import dev.millrace.protocol.message.CreatePartitionsRequestData;
import dev.millrace.protocol.message.CreateTopicsRequestData;
import dev.millrace.protocol.message.CreateTopicsRequestData.CreatableReplicaAssignment;
import dev.millrace.protocol.message.CreateTopicsRequestData.CreatableTopic;
import dev.millrace.protocol.message.CreateTopicsRequestData.CreatableTopicConfig;
import dev.millrace.protocol.message.DeleteTopicsRequestData;
import dev.millrace.protocol.message.IncrementalAlterConfigsRequestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builders for the admin requests the controller tests send. */
final class Requests {
    private Requests() {
    }

    static CreatableTopic topic(String name, int partitions, int replicationFactor) {
        return new CreatableTopic().setName(name).setNumPartitions(partitions)
                .setReplicationFactor((short) replicationFactor);
    }

    static CreatableTopic topicWithConfigs(String name, Map<String, String> configs) {
        List<CreatableTopicConfig> list = new ArrayList<>();
        configs.forEach((k, v) -> list.add(new CreatableTopicConfig().setName(k).setValue(v)));
        return topic(name, -1, -1).setConfigs(list);
    }

    static CreatableTopic assigned(String name, List<List<Integer>> replicas) {
        List<CreatableReplicaAssignment> list = new ArrayList<>();
        for (int p = 0; p < replicas.size(); p++) {
            list.add(new CreatableReplicaAssignment().setPartitionIndex(p).setBrokerIds(replicas.get(p)));
        }
        return topic(name, -1, -1).setAssignments(list);
    }

    static CreateTopicsRequestData create(CreatableTopic... topics) {
        return new CreateTopicsRequestData().setTopics(new ArrayList<>(List.of(topics)));
    }

    static DeleteTopicsRequestData deleteByName(String... names) {
        return new DeleteTopicsRequestData().setTopicNames(new ArrayList<>(List.of(names)));
    }

    static DeleteTopicsRequestData deleteById(Uuid... ids) {
        List<DeleteTopicsRequestData.DeleteTopicState> list = new ArrayList<>();
        for (Uuid id : ids) {
            list.add(new DeleteTopicsRequestData.DeleteTopicState().setTopicId(id));
        }
        return new DeleteTopicsRequestData().setTopics(list);
    }

    static CreatePartitionsRequestData grow(String name, int count, List<List<Integer>> assignments) {
        var topic = new CreatePartitionsRequestData.CreatePartitionsTopic().setName(name).setCount(count);
        if (assignments != null) {
            List<CreatePartitionsRequestData.CreatePartitionsAssignment> list = new ArrayList<>();
            assignments.forEach(a -> list.add(new CreatePartitionsRequestData.CreatePartitionsAssignment()
                    .setBrokerIds(a)));
            topic.setAssignments(list);
        } else {
            topic.setAssignments(null);
        }
        return new CreatePartitionsRequestData().setTopics(new ArrayList<>(List.of(topic)));
    }

    static IncrementalAlterConfigsRequestData.AlterConfigsResource incremental(int type, String name,
                                                                              Object... opKeyValue) {
        List<IncrementalAlterConfigsRequestData.AlterableConfig> ops = new ArrayList<>();
        for (int i = 0; i < opKeyValue.length; i += 3) {
            ops.add(new IncrementalAlterConfigsRequestData.AlterableConfig()
                    .setConfigOperation(((Number) opKeyValue[i]).byteValue()).setName((String) opKeyValue[i + 1])
                    .setValue((String) opKeyValue[i + 2]));
        }
        return new IncrementalAlterConfigsRequestData.AlterConfigsResource().setResourceType((byte) type)
                .setResourceName(name).setConfigs(ops);
    }

    static IncrementalAlterConfigsRequestData alter(IncrementalAlterConfigsRequestData.AlterConfigsResource... rs) {
        return new IncrementalAlterConfigsRequestData().setResources(new ArrayList<>(List.of(rs)));
    }

    static AlterConfigsRequestData replace(int type, String name, Map<String, String> configs) {
        List<AlterConfigsRequestData.AlterableConfig> list = new ArrayList<>();
        configs.forEach((k, v) -> list.add(new AlterConfigsRequestData.AlterableConfig().setName(k).setValue(v)));
        return new AlterConfigsRequestData().setResources(new ArrayList<>(List.of(
                new AlterConfigsRequestData.AlterConfigsResource().setResourceType((byte) type).setResourceName(name)
                        .setConfigs(list))));
    }
}
