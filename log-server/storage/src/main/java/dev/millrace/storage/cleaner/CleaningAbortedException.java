package dev.millrace.storage.cleaner;

import dev.millrace.common.errors.MillraceException;

/**
 * Cleaning of a log stopped before it finished because it was asked to (the cleaner is closing or
 * the log was removed from it) or because the log's owner refused the hand-off. Nothing is wrong
 * with the log: whatever the pass had written but not swapped in is deleted, and the checkpoint
 * does not move.
 */
public final class CleaningAbortedException extends MillraceException {
    private static final long serialVersionUID = 1L;

    public CleaningAbortedException(String message) {
        super(message);
    }

    public CleaningAbortedException(String message, Throwable cause) {
        super(message, cause);
    }
}
