package dev.millrace.storage.log;

import dev.millrace.protocol.record.Records;
import dev.millrace.storage.index.AbortedTxn;
import java.util.List;

/**
 * The result of a read.
 *
 * @param fetchOffset the offset the read was asked for
 * @param firstBatchOffset base offset of the first returned batch (may be below fetchOffset: batches
 *     are returned whole and the consumer skips records below its position), or fetchOffset if empty
 * @param records the batches, a zero-copy slice of a segment file (or empty)
 * @param abortedTransactions for read_committed reads, the aborted transactions overlapping the
 *     returned range; empty otherwise
 */
public record FetchDataInfo(long fetchOffset, long firstBatchOffset, Records records,
                            List<AbortedTxn> abortedTransactions) {
}
