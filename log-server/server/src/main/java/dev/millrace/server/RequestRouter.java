package dev.millrace.server;

import dev.millrace.server.handler.ApiVersionsHandler;
import dev.millrace.server.handler.ClusterInfoHandlers;
import dev.millrace.server.handler.ConfigsHandler;
import dev.millrace.server.handler.ControllerRequestsHandler;
import dev.millrace.server.handler.CreateTopicsHandler;
import dev.millrace.server.handler.DeleteRecordsHandler;
import dev.millrace.server.handler.FetchHandler;
import dev.millrace.server.handler.InitProducerIdHandler;
import dev.millrace.server.handler.ListOffsetsHandler;
import dev.millrace.server.handler.MetadataHandler;
import dev.millrace.server.handler.OffsetForLeaderEpochHandler;
import dev.millrace.server.handler.ProduceHandler;
import dev.millrace.server.handler.SupportedApis;
import dev.millrace.server.network.Request;
import dev.millrace.server.network.RequestHandler;

/**
 * Sends each request to the handler of its API family. Runs on the event loop; handlers hand work
 * to shards or the controller themselves. A request for an API the server does not advertise closes
 * the connection, as a Kafka broker does with a request it cannot serve.
 */
final class RequestRouter implements RequestHandler {
    private final ApiVersionsHandler apiVersions;
    private final MetadataHandler metadata;
    private final ProduceHandler produce;
    private final FetchHandler fetch;
    private final ListOffsetsHandler listOffsets;
    private final CreateTopicsHandler createTopics;
    private final ControllerRequestsHandler controllerRequests;
    private final ConfigsHandler configs;
    private final DeleteRecordsHandler deleteRecords;
    private final OffsetForLeaderEpochHandler offsetForLeaderEpoch;
    private final InitProducerIdHandler initProducerId;
    private final ClusterInfoHandlers clusterInfo;

    RequestRouter(ApiVersionsHandler apiVersions, MetadataHandler metadata, ProduceHandler produce,
                  FetchHandler fetch, ListOffsetsHandler listOffsets, CreateTopicsHandler createTopics,
                  ControllerRequestsHandler controllerRequests, ConfigsHandler configs,
                  DeleteRecordsHandler deleteRecords, OffsetForLeaderEpochHandler offsetForLeaderEpoch,
                  InitProducerIdHandler initProducerId, ClusterInfoHandlers clusterInfo) {
        this.apiVersions = apiVersions;
        this.metadata = metadata;
        this.produce = produce;
        this.fetch = fetch;
        this.listOffsets = listOffsets;
        this.createTopics = createTopics;
        this.controllerRequests = controllerRequests;
        this.configs = configs;
        this.deleteRecords = deleteRecords;
        this.offsetForLeaderEpoch = offsetForLeaderEpoch;
        this.initProducerId = initProducerId;
        this.clusterInfo = clusterInfo;
    }

    @Override
    public void handle(Request request) {
        if (!SupportedApis.isServed(request.api())) {
            request.closeConnection("api=" + request.api().apiName() + " reason=notServed");
            return;
        }
        switch (request.api()) {
            case API_VERSIONS -> apiVersions.handle(request);
            case METADATA -> metadata.handle(request);
            case PRODUCE -> produce.handle(request);
            case FETCH -> fetch.handle(request);
            case LIST_OFFSETS -> listOffsets.handle(request);
            case CREATE_TOPICS -> createTopics.handle(request);
            case DELETE_TOPICS -> controllerRequests.deleteTopics(request);
            case CREATE_PARTITIONS -> controllerRequests.createPartitions(request);
            case INCREMENTAL_ALTER_CONFIGS -> controllerRequests.incrementalAlterConfigs(request);
            case ALTER_CONFIGS -> controllerRequests.alterConfigs(request);
            case DESCRIBE_CONFIGS -> configs.describeConfigs(request);
            case DELETE_RECORDS -> deleteRecords.handle(request);
            case OFFSET_FOR_LEADER_EPOCH -> offsetForLeaderEpoch.handle(request);
            case INIT_PRODUCER_ID -> initProducerId.handle(request);
            case DESCRIBE_CLUSTER -> clusterInfo.describeCluster(request);
            case DESCRIBE_LOG_DIRS -> clusterInfo.describeLogDirs(request);
            default -> request.closeConnection("api=" + request.api().apiName() + " reason=noHandler");
        }
    }
}
