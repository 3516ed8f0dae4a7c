package dev.millrace.common.errors;

/**
 * Another transaction operation on the same transactional id is still in progress.
 *
 * <p>Wire error {@code CONCURRENT_TRANSACTIONS} (code 51). Retriable: the same request may succeed when sent again.
 */
public class ConcurrentTransactionsException extends RetriableException {
    private static final long serialVersionUID = 1L;

    public ConcurrentTransactionsException(String message) {
        super(message);
    }

    public ConcurrentTransactionsException(String message, Throwable cause) {
        super(message, cause);
    }
}
