package dev.millrace.server.handler;

import dev.millrace.common.Uuid;
import dev.millrace.protocol.error.ErrorCode;
import dev.millrace.protocol.message.CreateTopicsRequestData;
import dev.millrace.protocol.message.MetadataRequestData;
import dev.millrace.protocol.message.MetadataResponseData;
import dev.millrace.server.cluster.BrokerEndpoint;
import dev.millrace.server.cluster.ClusterView;
import dev.millrace.server.cluster.ControllerGateway;
import dev.millrace.server.cluster.PartitionView;
import dev.millrace.server.cluster.TopicView;
import dev.millrace.server.network.Request;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Metadata (API 3): brokers (this node), cluster id, controller id (this node, so admin requests
 * have somewhere to go), topics with their stable ids and partitions. Topics asked for by name that
 * do not exist are created first when {@code auto.create.topics.enable} is on and the request allows
 * it (v4+ flag; always for older versions), as Kafka does; creation errors (an illegal name, for
 * instance) are reported per topic. Runs on the event loop unless it must wait for a creation.
 */
public final class MetadataHandler {
    private final Supplier<ClusterView> cluster;
    private final BrokerEndpoint self;
    private final ControllerGateway controller;
    private final BooleanSupplier autoCreateEnabled;

    public MetadataHandler(Supplier<ClusterView> cluster, BrokerEndpoint self, ControllerGateway controller,
                           BooleanSupplier autoCreateEnabled) {
        this.cluster = cluster;
        this.self = self;
        this.controller = controller;
        this.autoCreateEnabled = autoCreateEnabled;
    }

    public void handle(Request request) {
        MetadataRequestData data = request.body(MetadataRequestData.class);
        short version = request.version();
        ClusterView view = cluster.get();
        Set<String> missing = new LinkedHashSet<>();
        boolean allowCreate = (version < 4 || data.allowAutoTopicCreation()) && autoCreateEnabled.getAsBoolean();
        if (data.topics() != null && allowCreate) {
            for (MetadataRequestData.MetadataRequestTopic t : data.topics()) {
                if (t.name() != null && view.topic(t.name()) == null) {
                    missing.add(t.name());
                }
            }
        }
        if (missing.isEmpty()) {
            request.respond(answer(data, version, view, Map.of()));
            return;
        }
        CreateTopicsRequestData create = new CreateTopicsRequestData().setTimeoutMs(30_000);
        for (String name : missing) {
            create.topics().add(new CreateTopicsRequestData.CreatableTopic().setName(name).setNumPartitions(-1)
                    .setReplicationFactor((short) -1));
        }
        controller.createTopics(create, (short) 7).whenComplete((result, failure) -> {
            java.util.HashMap<String, Short> errors = new java.util.HashMap<>();
            if (failure != null) {
                missing.forEach(n -> errors.put(n, ErrorCode.LEADER_NOT_AVAILABLE.code()));
            } else {
                for (var t : result.topics()) {
                    if (t.errorCode() != 0 && t.errorCode() != ErrorCode.TOPIC_ALREADY_EXISTS.code()) {
                        errors.put(t.name(), t.errorCode());
                    }
                }
            }
            request.respond(answer(data, version, cluster.get(), errors));
        });
    }

    private MetadataResponseData answer(MetadataRequestData data, short version, ClusterView view,
                                        Map<String, Short> creationErrors) {
        MetadataResponseData response = new MetadataResponseData()
                .setClusterId(view.clusterId()).setControllerId(view.nodeId());
        response.brokers().add(new MetadataResponseData.MetadataResponseBroker().setNodeId(self.nodeId())
                .setHost(self.host()).setPort(self.port()).setRack(self.rack()));
        boolean all = data.topics() == null || (version == 0 && data.topics().isEmpty());
        if (all) {
            for (TopicView tv : view.topics()) {
                response.topics().add(describe(tv));
            }
            return response;
        }
        for (MetadataRequestData.MetadataRequestTopic t : data.topics()) {
            TopicView tv = t.name() != null ? view.topic(t.name()) : view.topic(t.topicId());
            if (tv != null) {
                response.topics().add(describe(tv));
                continue;
            }
            short error;
            if (t.name() == null) {
                error = ErrorCode.UNKNOWN_TOPIC_ID.code();
            } else {
                error = creationErrors.getOrDefault(t.name(), ErrorCode.UNKNOWN_TOPIC_OR_PARTITION.code());
            }
            response.topics().add(new MetadataResponseData.MetadataResponseTopic().setErrorCode(error)
                    .setName(t.name()).setTopicId(t.name() == null ? t.topicId() : Uuid.ZERO_UUID));
        }
        return response;
    }

    private static MetadataResponseData.MetadataResponseTopic describe(TopicView tv) {
        List<MetadataResponseData.MetadataResponsePartition> partitions = new ArrayList<>(tv.partitions().size());
        for (PartitionView pv : tv.partitions()) {
            partitions.add(new MetadataResponseData.MetadataResponsePartition().setPartitionIndex(pv.index())
                    .setLeaderId(pv.leader()).setLeaderEpoch(pv.leaderEpoch()).setReplicaNodes(pv.replicas())
                    .setIsrNodes(pv.isr()).setOfflineReplicas(List.of())
                    .setErrorCode(pv.leader() < 0 ? ErrorCode.LEADER_NOT_AVAILABLE.code() : 0));
        }
        return new MetadataResponseData.MetadataResponseTopic().setName(tv.name()).setTopicId(tv.id())
                .setIsInternal(tv.internal()).setPartitions(partitions);
    }
}
