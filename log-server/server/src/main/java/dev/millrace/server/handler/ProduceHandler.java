package dev.millrace.server.handler;

import dev.millrace.common.TopicPartition;
import dev.millrace.protocol.error.ErrorCode;
import dev.millrace.protocol.message.ProduceRequestData;
import dev.millrace.protocol.message.ProduceResponseData;
import dev.millrace.protocol.record.MemoryRecords;
import dev.millrace.protocol.record.RecordBatch;
import dev.millrace.protocol.record.Records;
import dev.millrace.server.cluster.ClusterView;
import dev.millrace.server.cluster.PartitionView;
import dev.millrace.server.cluster.TopicView;
import dev.millrace.server.log.LogManager;
import dev.millrace.server.network.Request;
import dev.millrace.server.shard.PartitionShard;
import dev.millrace.storage.log.AppendOrigin;
import dev.millrace.storage.log.LogAppendInfo;
import dev.millrace.storage.log.PartitionLog;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Produce (API 0). The event loop checks each partition's request (topic known, one magic-2 batch,
 * codec allowed at this version, acks and min.insync.replicas) and hands the appends to the shards
 * that own the partitions, one task per shard. The response is sent when every shard has appended
 * and every append is durable per the flush policy; the high watermark moves once the append is
 * durable (on one node the in-sync replica set is the leader alone, so acks=all equals acks=1).
 *
 * <p>Errors are per partition and nothing is appended for a failed partition. With acks=0 there is
 * no response; if any partition failed the connection is closed instead, which is how a Kafka
 * broker tells an acks=0 producer that something went wrong.
 */
public final class ProduceHandler {
    private final Supplier<ClusterView> cluster;
    private final LogManager logs;
    private final ToIntFunction<String> minInsyncReplicas;
    private final FetchWaiters waiters;

    public ProduceHandler(Supplier<ClusterView> cluster, LogManager logs, ToIntFunction<String> minInsyncReplicas,
                          FetchWaiters waiters) {
        this.cluster = cluster;
        this.logs = logs;
        this.minInsyncReplicas = minInsyncReplicas;
        this.waiters = waiters;
    }

    public void handle(Request request) {
        ProduceRequestData data = request.body(ProduceRequestData.class);
        short version = request.version();
        ClusterView view = cluster.get();
        ProduceResponseData response = new ProduceResponseData();
        Map<PartitionShard, List<Append>> work = new LinkedHashMap<>();
        for (ProduceRequestData.TopicProduceData topic : data.topicData()) {
            TopicView tv = version >= 13 ? view.topic(topic.topicId()) : view.topic(topic.name());
            ProduceResponseData.TopicProduceResponse tr = new ProduceResponseData.TopicProduceResponse()
                    .setName(topic.name()).setTopicId(topic.topicId());
            response.responses().add(tr);
            for (ProduceRequestData.PartitionProduceData part : topic.partitionData()) {
                ProduceResponseData.PartitionProduceResponse pr = new ProduceResponseData.PartitionProduceResponse()
                        .setIndex(part.index()).setBaseOffset(-1);
                tr.partitionResponses().add(pr);
                String problem = check(data, version, tv, part, pr);
                if (pr.errorCode() != 0) {
                    pr.setErrorMessage(problem);
                    continue;
                }
                TopicPartition tp = new TopicPartition(tv.name(), part.index());
                PartitionLog log = logs.log(tp);
                if (log == null) {
                    pr.setErrorCode(ErrorCode.NOT_LEADER_OR_FOLLOWER.code());
                    continue;
                }
                int epoch = tv.partition(part.index()).leaderEpoch();
                work.computeIfAbsent(logs.shardFor(tp), s -> new ArrayList<>())
                        .add(new Append(tp, log, (MemoryRecords) part.records(), epoch, pr));
            }
        }
        if (work.isEmpty()) {
            finish(request, data.acks(), response);
            return;
        }
        List<CompletableFuture<Void>> done = new ArrayList<>(work.size());
        for (Map.Entry<PartitionShard, List<Append>> entry : work.entrySet()) {
            CompletableFuture<Void> shardDone = new CompletableFuture<>();
            done.add(shardDone);
            entry.getKey().execute(() -> appendAll(entry.getKey(), entry.getValue(), version, shardDone));
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new))
                .whenComplete((ignored, failure) -> finish(request, data.acks(), response));
    }

    /** Checks one partition before anything is appended; on failure sets the error code and returns a message. */
    private String check(ProduceRequestData data, short version, TopicView tv,
                         ProduceRequestData.PartitionProduceData part,
                         ProduceResponseData.PartitionProduceResponse pr) {
        if (data.acks() != 0 && data.acks() != 1 && data.acks() != -1) {
            pr.setErrorCode(ErrorCode.INVALID_REQUIRED_ACKS.code());
            return "acks=" + data.acks() + " reason=mustBe0,1or-1";
        }
        if (tv == null || tv.partition(part.index()) == null) {
            pr.setErrorCode(version >= 13 && tv == null ? ErrorCode.UNKNOWN_TOPIC_ID.code()
                    : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION.code());
            return null;
        }
        if (data.transactionalId() != null) {
            pr.setErrorCode(ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED.code());
            return "transactionalId=" + data.transactionalId() + " reason=transactionsNotSupportedYet";
        }
        String batchProblem = checkSingleBatch(part.records(), version, pr);
        if (batchProblem != null) {
            return batchProblem;
        }
        PartitionView pv = tv.partition(part.index());
        if (data.acks() == -1 && pv.isr().size() < minInsyncReplicas.applyAsInt(tv.name())) {
            pr.setErrorCode(ErrorCode.NOT_ENOUGH_REPLICAS.code());
            return "topicPartition=" + tv.name() + "-" + part.index() + " isrSize=" + pv.isr().size()
                    + " minInsyncReplicas=" + minInsyncReplicas.applyAsInt(tv.name());
        }
        return null;
    }

    /** Produce v3+ carries exactly one record batch of magic 2 per partition (checked without decoding). */
    private static String checkSingleBatch(Records records, short version,
                                           ProduceResponseData.PartitionProduceResponse pr) {
        if (!(records instanceof MemoryRecords memory) || memory.sizeInBytes() < RecordBatch.RECORD_BATCH_OVERHEAD) {
            pr.setErrorCode(ErrorCode.CORRUPT_MESSAGE.code());
            return "sizeInBytes=" + (records == null ? -1 : records.sizeInBytes()) + " reason=noCompleteBatch";
        }
        ByteBuffer buffer = memory.buffer();
        int start = buffer.position();
        int size = memory.sizeInBytes();
        if (buffer.get(start + 16) != RecordBatch.MAGIC) {
            pr.setErrorCode(ErrorCode.INVALID_RECORD.code());
            return "magic=" + buffer.get(start + 16) + " reason=onlyMagic2AllowedFromProduceV3";
        }
        int batchLength = buffer.getInt(start + 8);
        if (batchLength + RecordBatch.LOG_OVERHEAD != size) {
            pr.setErrorCode(batchLength + RecordBatch.LOG_OVERHEAD < size ? ErrorCode.INVALID_RECORD.code()
                    : ErrorCode.CORRUPT_MESSAGE.code());
            return "sizeInBytes=" + size + " firstBatchSize=" + (batchLength + RecordBatch.LOG_OVERHEAD)
                    + " reason=exactlyOneBatchRequired";
        }
        int codec = buffer.getShort(start + 21) & 0x7;
        if (codec == 4 && version < 7) {
            pr.setErrorCode(ErrorCode.UNSUPPORTED_COMPRESSION_TYPE.code());
            return "compression=zstd produceVersion=" + version + " reason=zstdNeedsProduceV7";
        }
        return null;
    }

    private void appendAll(PartitionShard shard, List<Append> appends, short version, CompletableFuture<Void> done) {
        List<CompletableFuture<Void>> durable = new ArrayList<>(appends.size());
        for (Append append : appends) {
            ProduceResponseData.PartitionProduceResponse pr = append.response;
            try {
                LogAppendInfo info = append.log.appendAsLeader(append.records, append.leaderEpoch,
                        AppendOrigin.CLIENT);
                pr.setBaseOffset(info.firstOffset()).setLogAppendTimeMs(info.logAppendTimeMs())
                        .setLogStartOffset(info.logStartOffset());
                if (info.duplicate()) {
                    continue;
                }
                durable.add(info.durable().handle((ok, failure) -> {
                    shard.execute(() -> {
                        if (failure != null) {
                            pr.setErrorCode(PartitionErrors.codeFor(failure, version >= 4).code())
                                    .setErrorMessage(PartitionErrors.messageFor(failure));
                        }
                        append.log.updateHighWatermark(append.log.logEndOffset());
                        waiters.onAppend(append.partition);
                    });
                    return null;
                }));
            } catch (RuntimeException e) {
                pr.setErrorCode(PartitionErrors.codeFor(e, version >= 4).code())
                        .setErrorMessage(PartitionErrors.messageFor(e)).setBaseOffset(-1);
            }
        }
        if (durable.isEmpty()) {
            done.complete(null);
            return;
        }
        // The high watermark moves on this shard after each fsync; answer after those updates ran.
        CompletableFuture.allOf(durable.toArray(CompletableFuture[]::new))
                .whenComplete((ignored, failure) -> shard.execute(() -> done.complete(null)));
    }

    private static void finish(Request request, short acks, ProduceResponseData response) {
        if (acks != 0) {
            request.respond(response);
            return;
        }
        for (ProduceResponseData.TopicProduceResponse tr : response.responses()) {
            for (ProduceResponseData.PartitionProduceResponse pr : tr.partitionResponses()) {
                if (pr.errorCode() != 0) {
                    request.closeConnection("acks=0 produce failed: partition=" + tr.name() + "-" + pr.index()
                            + " error=" + ErrorCode.forCode(pr.errorCode()) + " " + pr.errorMessage());
                    return;
                }
            }
        }
        request.respondNothing();
    }

    private record Append(TopicPartition partition, PartitionLog log, MemoryRecords records, int leaderEpoch,
                          ProduceResponseData.PartitionProduceResponse response) {
    }
}
