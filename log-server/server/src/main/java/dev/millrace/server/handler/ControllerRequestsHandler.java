package dev.millrace.server.handler;

import dev.millrace.protocol.message.AlterConfigsRequestData;
import dev.millrace.protocol.message.CreatePartitionsRequestData;
import dev.millrace.protocol.error.ErrorCode;
import dev.millrace.protocol.message.DeleteTopicsRequestData;
import dev.millrace.protocol.message.DeleteTopicsResponseData;
import dev.millrace.protocol.message.IncrementalAlterConfigsRequestData;
import dev.millrace.protocol.types.ApiMessage;
import dev.millrace.server.cluster.ControllerGateway;
import dev.millrace.server.network.Request;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * The admin APIs that change metadata and are answered entirely by the controller: DeleteTopics
 * (20), CreatePartitions (37), IncrementalAlterConfigs (44) and AlterConfigs (33). CreateTopics has
 * its own handler because its response also describes the new topics' configs. The controller
 * reports every validation failure per topic or resource; a failure of the controller itself
 * closes the connection (the client retries on a new one).
 */
public final class ControllerRequestsHandler {
    private final ControllerGateway controller;
    private final BooleanSupplier deleteTopicEnable;

    public ControllerRequestsHandler(ControllerGateway controller, BooleanSupplier deleteTopicEnable) {
        this.controller = controller;
        this.deleteTopicEnable = deleteTopicEnable;
    }

    /** DeleteTopics; refused per topic with TOPIC_DELETION_DISABLED when {@code delete.topic.enable=false}. */
    public void deleteTopics(Request request) {
        DeleteTopicsRequestData data = request.body(DeleteTopicsRequestData.class);
        if (deleteTopicEnable.getAsBoolean()) {
            reply(request, controller.deleteTopics(data, request.version()));
            return;
        }
        short code = request.version() >= 3 ? ErrorCode.TOPIC_DELETION_DISABLED.code()
                : ErrorCode.INVALID_REQUEST.code();
        DeleteTopicsResponseData response = new DeleteTopicsResponseData();
        if (request.version() >= 6) {
            for (DeleteTopicsRequestData.DeleteTopicState t : data.topics()) {
                response.responses().add(new DeleteTopicsResponseData.DeletableTopicResult().setName(t.name())
                        .setTopicId(t.topicId()).setErrorCode(code).setErrorMessage("Topic deletion is disabled."));
            }
        } else {
            for (String name : data.topicNames()) {
                response.responses().add(new DeleteTopicsResponseData.DeletableTopicResult().setName(name)
                        .setErrorCode(code).setErrorMessage("Topic deletion is disabled."));
            }
        }
        request.respond(response);
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
