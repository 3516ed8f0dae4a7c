package dev.millrace.storage.producer;

/**
 * A transaction closed by a marker. The log writes aborted ones to the transaction index, which
 * read_committed fetches use to list aborted transactions overlapping the returned range.
 *
 * @param producerId the producer whose transaction ended
 * @param firstOffset the first offset of the transaction, or the marker's offset when the
 *                    partition saw no data of the transaction (a marker without an open transaction)
 * @param lastOffset the offset of the marker
 * @param isAborted true for an ABORT marker, false for COMMIT
 */
public record CompletedTxn(long producerId, long firstOffset, long lastOffset, boolean isAborted) {
}
