package dev.millrace.common.errors;

/**
 * The member epoch is stale; the member retries once a heartbeat has given it the current epoch.
 *
 * <p>Wire error {@code STALE_MEMBER_EPOCH} (code 113). Not retriable.
 */
public class StaleMemberEpochException extends ApiException {
    private static final long serialVersionUID = 1L;

    public StaleMemberEpochException(String message) {
        super(message);
    }

    public StaleMemberEpochException(String message, Throwable cause) {
        super(message, cause);
    }
}
