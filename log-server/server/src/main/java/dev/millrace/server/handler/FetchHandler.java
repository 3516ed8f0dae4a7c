package dev.millrace.server.handler;

import dev.millrace.common.TopicPartition;
import dev.millrace.common.errors.OffsetOutOfRangeException;
import dev.millrace.common.time.Time;
import dev.millrace.protocol.error.ErrorCode;
import dev.millrace.protocol.message.FetchRequestData;
import dev.millrace.protocol.message.FetchResponseData;
import dev.millrace.protocol.record.MemoryRecords;
import dev.millrace.server.cluster.ClusterView;
import dev.millrace.server.cluster.PartitionView;
import dev.millrace.server.cluster.TopicView;
import dev.millrace.server.log.LogManager;
import dev.millrace.server.network.Request;
import dev.millrace.server.shard.PartitionShard;
import dev.millrace.server.shard.ShardPool;
import dev.millrace.storage.index.AbortedTxn;
import dev.millrace.storage.log.FetchDataInfo;
import dev.millrace.storage.log.FetchIsolation;
import dev.millrace.storage.log.PartitionLog;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Fetch (API 1) for consumers. The request runs on one shard (reads are safe from any thread: they
 * use immutable segment views and zero-copy file slices). If fewer than {@code MinBytes} are
 * available and {@code MaxWaitMs} is positive, the fetch waits: appends to its partitions wake it
 * and it re-reads; at the deadline it answers with what there is. A fetch naming no partition (a
 * consumer closing its session) is answered at once. Every response lists exactly the
 * requested partitions, and the session id is always 0 (no incremental sessions; always legal).
 *
 * <p>Limits: {@code MaxBytes} across the response and {@code PartitionMaxBytes} per partition, except
 * that the first partition with data returns at least one whole batch (KIP-74) so consumers
 * always progress.
 */
public final class FetchHandler {
    private final Supplier<ClusterView> cluster;
    private final LogManager logs;
    private final ShardPool shards;
    private final FetchWaiters waiters;
    private final Time time;

    public FetchHandler(Supplier<ClusterView> cluster, LogManager logs, ShardPool shards, FetchWaiters waiters,
                        Time time) {
        this.cluster = cluster;
        this.logs = logs;
        this.shards = shards;
        this.waiters = waiters;
        this.time = time;
    }

    public void handle(Request request) {
        PartitionShard shard = shards.any();
        long deadline = time.milliseconds() + Math.max(0, request.body(FetchRequestData.class).maxWaitMs());
        shard.execute(() -> new PendingFetch(request, shard, deadline).attempt());
    }

    /** One fetch from its first read until its response; confined to its shard. */
    private final class PendingFetch implements FetchWaiters.Waiter {
        private final Request request;
        private final FetchRequestData data;
        private final PartitionShard shard;
        private final long deadlineMs;
        private final List<TopicPartition> registered = new ArrayList<>();
        private boolean completed;
        private boolean waiting;
        private boolean wakeQueued;

        PendingFetch(Request request, PartitionShard shard, long deadlineMs) {
            this.request = request;
            this.data = request.body(FetchRequestData.class);
            this.shard = shard;
            this.deadlineMs = deadlineMs;
        }

        void attempt() {
            if (completed) {
                return;
            }
            Result result = read();
            boolean enough = result.bytes >= data.minBytes() || result.hasError || data.maxWaitMs() <= 0
                    || result.partitions.isEmpty() || time.milliseconds() >= deadlineMs;
            if (enough) {
                complete(result.response);
                return;
            }
            if (!waiting) {
                waiting = true;
                for (TopicPartition tp : result.partitions) {
                    waiters.register(tp, this);
                    registered.add(tp);
                }
                shard.schedule(deadlineMs, () -> {
                    if (!completed) {
                        complete(read().response);
                    }
                });
                // An append between the read and the registration must not be missed.
                wake();
            }
        }

        @Override
        public void wake() {
            synchronized (this) {
                if (wakeQueued) {
                    return;
                }
                wakeQueued = true;
            }
            shard.execute(() -> {
                synchronized (this) {
                    wakeQueued = false;
                }
                attempt();
            });
        }

        private void complete(FetchResponseData response) {
            completed = true;
            for (TopicPartition tp : registered) {
                waiters.unregister(tp, this);
            }
            registered.clear();
            request.respond(response);
        }

        private Result read() {
            short version = request.version();
            ClusterView view = cluster.get();
            FetchIsolation isolation = data.isolationLevel() == 1 ? FetchIsolation.TXN_COMMITTED
                    : FetchIsolation.HIGH_WATERMARK;
            Result result = new Result();
            int remaining = data.maxBytes();
            for (FetchRequestData.FetchTopic topic : data.topics()) {
                TopicView tv = version >= 13 ? view.topic(topic.topicId()) : view.topic(topic.topic());
                FetchResponseData.FetchableTopicResponse tr = new FetchResponseData.FetchableTopicResponse()
                        .setTopic(topic.topic()).setTopicId(topic.topicId());
                result.response.responses().add(tr);
                for (FetchRequestData.FetchPartition part : topic.partitions()) {
                    FetchResponseData.PartitionData pd = new FetchResponseData.PartitionData()
                            .setPartitionIndex(part.partition()).setHighWatermark(-1).setLastStableOffset(-1)
                            .setLogStartOffset(-1).setRecords(MemoryRecords.EMPTY);
                    tr.partitions().add(pd);
                    int read = readPartition(version, tv, part, pd, isolation, remaining, result);
                    remaining -= read;
                    result.bytes += read;
                }
            }
            return result;
        }

        private int readPartition(short version, TopicView tv, FetchRequestData.FetchPartition part,
                                  FetchResponseData.PartitionData pd, FetchIsolation isolation, int remaining,
                                  Result result) {
            PartitionView pv = tv == null ? null : tv.partition(part.partition());
            if (pv == null) {
                result.hasError = true;
                pd.setErrorCode(version >= 13 && tv == null ? ErrorCode.UNKNOWN_TOPIC_ID.code()
                        : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION.code());
                return 0;
            }
            if (part.currentLeaderEpoch() >= 0 && part.currentLeaderEpoch() != pv.leaderEpoch()) {
                result.hasError = true;
                pd.setErrorCode(part.currentLeaderEpoch() < pv.leaderEpoch() ? ErrorCode.FENCED_LEADER_EPOCH.code()
                        : ErrorCode.UNKNOWN_LEADER_EPOCH.code());
                return 0;
            }
            TopicPartition tp = new TopicPartition(tv.name(), part.partition());
            PartitionLog log = logs.log(tp);
            if (log == null) {
                result.hasError = true;
                pd.setErrorCode(ErrorCode.NOT_LEADER_OR_FOLLOWER.code());
                return 0;
            }
            result.partitions.add(tp);
            pd.setHighWatermark(log.highWatermark()).setLastStableOffset(log.lastStableOffset())
                    .setLogStartOffset(log.logStartOffset());
            int limit = Math.min(part.partitionMaxBytes(), Math.max(0, remaining));
            boolean minOneBatch = result.bytes == 0;
            if (limit <= 0 && !minOneBatch) {
                return 0;
            }
            try {
                FetchDataInfo info = log.read(part.fetchOffset(), limit, isolation, minOneBatch);
                pd.setRecords(info.records());
                if (isolation == FetchIsolation.TXN_COMMITTED) {
                    List<FetchResponseData.AbortedTransaction> aborted = new ArrayList<>();
                    for (AbortedTxn txn : info.abortedTransactions()) {
                        aborted.add(new FetchResponseData.AbortedTransaction().setProducerId(txn.producerId())
                                .setFirstOffset(txn.firstOffset()));
                    }
                    pd.setAbortedTransactions(aborted);
                } else {
                    pd.setAbortedTransactions(null);
                }
                return info.records().sizeInBytes();
            } catch (OffsetOutOfRangeException e) {
                result.hasError = true;
                pd.setErrorCode(ErrorCode.OFFSET_OUT_OF_RANGE.code());
                return 0;
            } catch (RuntimeException e) {
                result.hasError = true;
                pd.setErrorCode(PartitionErrors.codeFor(e, version >= 6).code());
                return 0;
            }
        }
    }

    private static final class Result {
        final FetchResponseData response = new FetchResponseData().setSessionId(0);
        final List<TopicPartition> partitions = new ArrayList<>();
        int bytes;
        boolean hasError;
    }
}
