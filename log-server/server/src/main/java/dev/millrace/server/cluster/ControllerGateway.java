package dev.millrace.server.cluster;

import dev.millrace.protocol.message.AlterConfigsRequestData;
import dev.millrace.protocol.message.AlterConfigsResponseData;
import dev.millrace.protocol.message.CreatePartitionsRequestData;
import dev.millrace.protocol.message.CreatePartitionsResponseData;
import dev.millrace.protocol.message.CreateTopicsRequestData;
import dev.millrace.protocol.message.CreateTopicsResponseData;
import dev.millrace.protocol.message.DeleteTopicsRequestData;
import dev.millrace.protocol.message.DeleteTopicsResponseData;
import dev.millrace.protocol.message.IncrementalAlterConfigsRequestData;
import dev.millrace.protocol.message.IncrementalAlterConfigsResponseData;
import java.util.concurrent.CompletableFuture;

/**
 * The request handlers' way to the metadata controller. Every call is queued to the controller's
 * single thread and completes when the change is committed to the metadata log and the partition
 * logs it implies exist (or are gone), so a client that gets an answer can use the result at once.
 */
public interface ControllerGateway {
    CompletableFuture<CreateTopicsResponseData> createTopics(CreateTopicsRequestData request, short version);

    CompletableFuture<DeleteTopicsResponseData> deleteTopics(DeleteTopicsRequestData request, short version);

    CompletableFuture<CreatePartitionsResponseData> createPartitions(CreatePartitionsRequestData request,
                                                                     short version);

    CompletableFuture<IncrementalAlterConfigsResponseData> incrementalAlterConfigs(
            IncrementalAlterConfigsRequestData request, short version);

    CompletableFuture<AlterConfigsResponseData> alterConfigs(AlterConfigsRequestData request, short version);

    /** Reserves {@code count} producer ids, never handed out again (also after restarts); returns the first. */
    CompletableFuture<Long> allocateProducerIds(int count);
}
