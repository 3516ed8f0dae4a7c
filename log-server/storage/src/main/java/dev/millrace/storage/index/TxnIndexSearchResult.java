package dev.millrace.storage.index;

import java.util.List;
import java.util.Objects;

/**
 * What {@link TransactionIndex#collectAbortedTxns(long, long)} found in one segment. Immutable.
 *
 * @param abortedTransactions the aborted transactions that overlap the fetch range, in index order
 * @param isComplete          whether the search can stop: an entry's last stable offset reached the
 *                            upper bound, so later segments cannot hold a transaction that overlaps
 *                            the range
 */
public record TxnIndexSearchResult(List<AbortedTxn> abortedTransactions, boolean isComplete) {
    /** Copies the list, so the result cannot change afterwards. */
    public TxnIndexSearchResult {
        abortedTransactions = List.copyOf(Objects.requireNonNull(abortedTransactions, "abortedTransactions"));
    }
}
