package dev.millrace.storage.cleaner;

import dev.millrace.common.TopicPartition;

/**
 * What one cleaning pass over a log did. Immutable.
 *
 * @param topicPartition the partition
 * @param firstDirtyOffset start of the dirty range the pass deduplicated
 * @param firstUncleanableOffset end (exclusive) of the dirty range
 * @param cleanedUpToOffset the offset the log is now clean up to: one past the last offset the
 *     offset map covered (the new checkpoint); equals {@code firstDirtyOffset} when nothing was mapped
 * @param completed whether every group was swapped in; when false (the log changed under the pass,
 *     or it was aborted) the checkpoint must not move
 * @param segmentsReplaced old segments replaced by cleaned ones
 * @param segmentsWritten cleaned segments swapped in (one per group)
 * @param bytesRead bytes of old segments read by the rewrite
 * @param bytesWritten bytes of cleaned segments written
 * @param recordsRead records examined by the rewrite
 * @param recordsRemoved records dropped (superseded, expired tombstones, aborted data, expired markers)
 * @param emptyBatchesRetained batches kept without records to preserve a producer's last sequence
 * @param pendingDeleteHorizonMs the earliest delete horizon in the future of a retained batch that
 *     still holds tombstones or a removable transaction marker, or -1 if none: when it passes, a new
 *     pass can remove them
 */
public record CleanResult(TopicPartition topicPartition, long firstDirtyOffset, long firstUncleanableOffset,
                          long cleanedUpToOffset, boolean completed, int segmentsReplaced, int segmentsWritten,
                          long bytesRead, long bytesWritten, long recordsRead, long recordsRemoved,
                          int emptyBatchesRetained, long pendingDeleteHorizonMs) {
}
