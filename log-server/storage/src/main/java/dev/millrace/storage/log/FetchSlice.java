package dev.millrace.storage.log;

/**
 * A segment's answer to a read: where the first returned batch starts and the bytes.
 *
 * @param firstBatchOffset base offset of the first batch
 * @param position file position of the first batch
 * @param records the slice of the segment file
 */
public record FetchSlice(long firstBatchOffset, int position, FileRecords records) {
}
