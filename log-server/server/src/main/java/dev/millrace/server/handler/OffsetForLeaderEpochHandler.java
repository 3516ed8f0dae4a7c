package dev.millrace.server.handler;

import dev.millrace.common.TopicPartition;
import dev.millrace.protocol.error.ErrorCode;
import dev.millrace.protocol.message.OffsetForLeaderEpochRequestData;
import dev.millrace.protocol.message.OffsetForLeaderEpochResponseData;
import dev.millrace.server.cluster.ClusterView;
import dev.millrace.server.cluster.PartitionView;
import dev.millrace.server.cluster.TopicView;
import dev.millrace.server.log.LogManager;
import dev.millrace.server.network.Request;
import dev.millrace.storage.epoch.OffsetAndEpoch;
import dev.millrace.storage.log.PartitionLog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * OffsetForLeaderEpoch (API 23): the end offset of the largest epoch at or below the requested one,
 * from the leader-epoch cache (consumers use it to detect log truncation after a leader change,
 * KIP-320). The request's current leader epoch is fenced like Fetch's. The epoch cache belongs to
 * the partition's shard, so each lookup runs there.
 */
public final class OffsetForLeaderEpochHandler {
    private final Supplier<ClusterView> cluster;
    private final LogManager logs;

    public OffsetForLeaderEpochHandler(Supplier<ClusterView> cluster, LogManager logs) {
        this.cluster = cluster;
        this.logs = logs;
    }

    public void handle(Request request) {
        OffsetForLeaderEpochRequestData data = request.body(OffsetForLeaderEpochRequestData.class);
        ClusterView view = cluster.get();
        OffsetForLeaderEpochResponseData response = new OffsetForLeaderEpochResponseData();
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        for (OffsetForLeaderEpochRequestData.OffsetForLeaderTopic topic : data.topics()) {
            TopicView tv = view.topic(topic.topic());
            OffsetForLeaderEpochResponseData.OffsetForLeaderTopicResult tr =
                    new OffsetForLeaderEpochResponseData.OffsetForLeaderTopicResult().setTopic(topic.topic());
            response.topics().add(tr);
            for (OffsetForLeaderEpochRequestData.OffsetForLeaderPartition part : topic.partitions()) {
                OffsetForLeaderEpochResponseData.EpochEndOffset out =
                        new OffsetForLeaderEpochResponseData.EpochEndOffset().setPartition(part.partition());
                tr.partitions().add(out);
                PartitionView pv = tv == null ? null : tv.partition(part.partition());
                PartitionLog log = pv == null ? null : logs.log(new TopicPartition(tv.name(), pv.index()));
                if (log == null) {
                    out.setErrorCode(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION.code());
                } else if (part.currentLeaderEpoch() >= 0 && part.currentLeaderEpoch() != pv.leaderEpoch()) {
                    out.setErrorCode(part.currentLeaderEpoch() < pv.leaderEpoch()
                            ? ErrorCode.FENCED_LEADER_EPOCH.code() : ErrorCode.UNKNOWN_LEADER_EPOCH.code());
                } else {
                    pending.add(logs.shardFor(log.topicPartition()).submit(() -> {
                        OffsetAndEpoch end = log.leaderEpochCache().endOffsetFor(part.leaderEpoch(),
                                log.logEndOffset());
                        out.setLeaderEpoch(end.epoch()).setEndOffset(end.offset());
                        return null;
                    }));
                }
            }
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .whenComplete((ignored, failure) -> request.respond(response));
    }
}
