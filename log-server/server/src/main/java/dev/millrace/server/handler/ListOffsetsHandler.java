package dev.millrace.server.handler;

import dev.millrace.common.TopicPartition;
import dev.millrace.protocol.error.ErrorCode;
import dev.millrace.protocol.message.ListOffsetsRequestData;
import dev.millrace.protocol.message.ListOffsetsResponseData;
import dev.millrace.server.cluster.ClusterView;
import dev.millrace.server.cluster.PartitionView;
import dev.millrace.server.cluster.TopicView;
import dev.millrace.server.log.LogManager;
import dev.millrace.server.network.Request;
import dev.millrace.storage.log.PartitionLog;
import dev.millrace.storage.log.TimestampAndOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * ListOffsets (API 2): earliest (-2), latest (-1: high watermark, or last stable offset for
 * read_committed), max timestamp (-3), earliest local (-4: the log start without tiered storage),
 * latest tiered (-5: none, offset -1) and the first offset whose timestamp is at or after a time.
 * Lookups read index and segment files and the epoch cache, so each runs on its partition's owner
 * shard, never the event loop. Results never point past the high watermark.
 */
public final class ListOffsetsHandler {
    static final long LATEST = -1;
    static final long EARLIEST = -2;
    static final long MAX_TIMESTAMP = -3;
    static final long EARLIEST_LOCAL = -4;
    static final long LATEST_TIERED = -5;

    private final Supplier<ClusterView> cluster;
    private final LogManager logs;

    public ListOffsetsHandler(Supplier<ClusterView> cluster, LogManager logs) {
        this.cluster = cluster;
        this.logs = logs;
    }

    public void handle(Request request) {
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        ListOffsetsResponseData response = answer(request, pending);
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .whenComplete((ignored, failure) -> request.respond(response));
    }

    private ListOffsetsResponseData answer(Request request, List<CompletableFuture<Void>> pending) {
        ListOffsetsRequestData data = request.body(ListOffsetsRequestData.class);
        ClusterView view = cluster.get();
        ListOffsetsResponseData response = new ListOffsetsResponseData();
        for (ListOffsetsRequestData.ListOffsetsTopic topic : data.topics()) {
            TopicView tv = view.topic(topic.name());
            ListOffsetsResponseData.ListOffsetsTopicResponse tr =
                    new ListOffsetsResponseData.ListOffsetsTopicResponse().setName(topic.name());
            response.topics().add(tr);
            for (ListOffsetsRequestData.ListOffsetsPartition part : topic.partitions()) {
                ListOffsetsResponseData.ListOffsetsPartitionResponse pr =
                        new ListOffsetsResponseData.ListOffsetsPartitionResponse()
                                .setPartitionIndex(part.partitionIndex());
                tr.partitions().add(pr);
                PartitionView pv = tv == null ? null : tv.partition(part.partitionIndex());
                PartitionLog log = pv == null ? null : logs.log(new TopicPartition(tv.name(), pv.index()));
                if (pv == null || log == null) {
                    pr.setErrorCode(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION.code());
                } else if (part.currentLeaderEpoch() >= 0 && part.currentLeaderEpoch() != pv.leaderEpoch()) {
                    pr.setErrorCode(part.currentLeaderEpoch() < pv.leaderEpoch() ? ErrorCode.FENCED_LEADER_EPOCH.code()
                            : ErrorCode.UNKNOWN_LEADER_EPOCH.code());
                } else {
                    pending.add(logs.shardFor(log.topicPartition()).submit(() -> {
                        lookUp(log, request.version() >= 4 ? pv.leaderEpoch() : -1, part.timestamp(),
                                data.isolationLevel() == 1, pr);
                        return null;
                    }));
                }
            }
        }
        return response;
    }

    /** Fills {@code pr}; {@code leaderEpoch} is -1 for versions below 4, which have no epoch field. */
    private static void lookUp(PartitionLog log, int leaderEpoch, long target, boolean readCommitted,
                               ListOffsetsResponseData.ListOffsetsPartitionResponse pr) {
        try {
            long bound = readCommitted ? log.lastStableOffset() : log.highWatermark();
            if (target == LATEST) {
                pr.setOffset(bound).setTimestamp(-1).setLeaderEpoch(leaderEpoch);
            } else if (target == EARLIEST || target == EARLIEST_LOCAL) {
                pr.setOffset(log.logStartOffset()).setTimestamp(-1).setLeaderEpoch(leaderEpoch);
            } else if (target == LATEST_TIERED) {
                pr.setOffset(-1).setTimestamp(-1);
            } else if (target == MAX_TIMESTAMP) {
                found(log.maxTimestampAndOffset(), bound, log, leaderEpoch, pr);
            } else if (target >= 0) {
                found(log.fetchOffsetByTimestamp(target), bound, log, leaderEpoch, pr);
            } else {
                pr.setErrorCode(ErrorCode.INVALID_REQUEST.code());
            }
        } catch (RuntimeException e) {
            pr.setErrorCode(PartitionErrors.codeFor(e, true).code());
        }
    }

    private static void found(Optional<TimestampAndOffset> result, long bound, PartitionLog log, int leaderEpoch,
                              ListOffsetsResponseData.ListOffsetsPartitionResponse pr) {
        if (result.isEmpty() || result.get().offset() >= bound) {
            pr.setOffset(-1).setTimestamp(-1);
            return;
        }
        TimestampAndOffset t = result.get();
        int epoch = leaderEpoch < 0 ? -1 : log.leaderEpochCache().epochForOffset(t.offset()).orElse(-1);
        pr.setOffset(t.offset()).setTimestamp(t.timestamp()).setLeaderEpoch(epoch);
    }
}
