package dev.millrace.server.handler;

import dev.millrace.common.TopicPartition;
import dev.millrace.protocol.error.ErrorCode;
import dev.millrace.protocol.message.DeleteRecordsRequestData;
import dev.millrace.protocol.message.DeleteRecordsResponseData;
import dev.millrace.server.cluster.ClusterView;
import dev.millrace.server.cluster.TopicView;
import dev.millrace.server.log.LogManager;
import dev.millrace.server.network.Request;
import dev.millrace.storage.log.PartitionLog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * DeleteRecords (API 21): advances each partition's log start offset on the partition's owner
 * shard. Offset -1 means the high watermark; an offset beyond it is OFFSET_OUT_OF_RANGE. The answer
 * carries the new low watermark (log start offset). Kafka Streams purges repartition topics this way.
 */
public final class DeleteRecordsHandler {
    private final Supplier<ClusterView> cluster;
    private final LogManager logs;

    public DeleteRecordsHandler(Supplier<ClusterView> cluster, LogManager logs) {
        this.cluster = cluster;
        this.logs = logs;
    }

    public void handle(Request request) {
        DeleteRecordsRequestData data = request.body(DeleteRecordsRequestData.class);
        ClusterView view = cluster.get();
        DeleteRecordsResponseData response = new DeleteRecordsResponseData();
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        for (DeleteRecordsRequestData.DeleteRecordsTopic topic : data.topics()) {
            TopicView tv = view.topic(topic.name());
            DeleteRecordsResponseData.DeleteRecordsTopicResult tr =
                    new DeleteRecordsResponseData.DeleteRecordsTopicResult().setName(topic.name());
            response.topics().add(tr);
            for (DeleteRecordsRequestData.DeleteRecordsPartition part : topic.partitions()) {
                DeleteRecordsResponseData.DeleteRecordsPartitionResult pr =
                        new DeleteRecordsResponseData.DeleteRecordsPartitionResult()
                                .setPartitionIndex(part.partitionIndex()).setLowWatermark(-1);
                tr.partitions().add(pr);
                TopicPartition tp = new TopicPartition(topic.name(), part.partitionIndex());
                PartitionLog log = tv == null || tv.partition(part.partitionIndex()) == null ? null : logs.log(tp);
                if (log == null) {
                    pr.setErrorCode(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION.code());
                    continue;
                }
                pending.add(logs.shardFor(tp).submit(() -> {
                    deleteBefore(log, part.offset(), pr);
                    return null;
                }));
            }
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .whenComplete((ignored, failure) -> request.respond(response));
    }

    private static void deleteBefore(PartitionLog log, long requested, DeleteRecordsResponseData
            .DeleteRecordsPartitionResult pr) {
        long hwm = log.highWatermark();
        long offset = requested == -1 ? hwm : requested;
        if (offset < 0 || offset > hwm) {
            pr.setErrorCode(ErrorCode.OFFSET_OUT_OF_RANGE.code());
            return;
        }
        try {
            pr.setLowWatermark(log.deleteRecordsBefore(offset));
        } catch (RuntimeException e) {
            pr.setErrorCode(PartitionErrors.codeFor(e, true).code());
        }
    }
}
