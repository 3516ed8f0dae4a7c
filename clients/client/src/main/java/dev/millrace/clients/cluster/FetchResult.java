package dev.millrace.clients.cluster;

import dev.millrace.protocol.record.MemoryRecords;

/**
 * What one fetch returned for one partition. The records may end with a partial batch, which
 * {@link MemoryRecords#batches()} skips. Immutable apart from the record bytes, which belong to the caller.
 *
 * @param highWatermark the partition's high watermark
 * @param logStartOffset the partition's log start offset, -1 if not reported
 * @param records the record batches read (possibly empty, never null)
 */
public record FetchResult(long highWatermark, long logStartOffset, MemoryRecords records) {
}
