package dev.millrace.storage.log;

import java.util.concurrent.CompletableFuture;

/**
 * The outcome of an append.
 *
 * @param firstOffset offset of the first record appended (or of the original append for a duplicate)
 * @param lastOffset offset of the last record appended
 * @param logAppendTimeMs the broker time stamped on the batches when the topic uses LogAppendTime, else -1
 * @param logStartOffset the log start offset after the append
 * @param duplicate whether the batch was a retry of one already in the log (nothing was appended)
 * @param durable completes when the appended bytes are on disk: at once when the flush policy does
 *     not ask for an fsync (durability then comes from replication, as in Kafka), else after the
 *     group-commit fsync that covers them
 */
public record LogAppendInfo(long firstOffset, long lastOffset, long logAppendTimeMs, long logStartOffset,
                            boolean duplicate, CompletableFuture<Void> durable) {
}
