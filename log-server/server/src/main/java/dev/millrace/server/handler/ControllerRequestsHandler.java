package dev.millrace.server.handler;

import dev.millrace.protocol.message.AlterConfigsRequestData;
import dev.millrace.protocol.message.CreatePartitionsRequestData;
import dev.millrace.protocol.message.DeleteTopicsRequestData;
import dev.millrace.protocol.message.IncrementalAlterConfigsRequestData;
import dev.millrace.protocol.types.ApiMessage;
import dev.millrace.server.cluster.ControllerGateway;
import dev.millrace.server.network.Request;
import java.util.concurrent.CompletableFuture;

/**
 * The admin APIs that change metadata and are answered entirely by the controller: DeleteTopics
 * (20), CreatePartitions (37), IncrementalAlterConfigs (44) and AlterConfigs (33). CreateTopics has
 * its own handler because its response also describes the new topics' configs. The controller
 * reports every validation failure per topic or resource; a failure of the controller itself
 * closes the connection (the client retries on a new one).
 */
public final class ControllerRequestsHandler {
    private final ControllerGateway controller;

    public ControllerRequestsHandler(ControllerGateway controller) {
        this.controller = controller;
    }

    public void deleteTopics(Request request) {
        reply(request, controller.deleteTopics(request.body(DeleteTopicsRequestData.class), request.version()));
    }

    public void createPartitions(Request request) {
        reply(request, controller.createPartitions(request.body(CreatePartitionsRequestData.class),
                request.version()));
    }

    public void incrementalAlterConfigs(Request request) {
        reply(request, controller.incrementalAlterConfigs(request.body(IncrementalAlterConfigsRequestData.class),
                request.version()));
    }

    public void alterConfigs(Request request) {
        reply(request, controller.alterConfigs(request.body(AlterConfigsRequestData.class), request.version()));
    }

    private static void reply(Request request, CompletableFuture<? extends ApiMessage> result) {
        result.whenComplete((response, failure) -> {
            if (failure != null) {
                request.closeConnection("controller failed: " + failure);
            } else {
                request.respond(response);
            }
        });
    }
}
