package dev.millrace.common.errors;

/**
 * The instance id is still used by another member of the consumer group.
 *
 * <p>Wire error {@code UNRELEASED_INSTANCE_ID} (code 111). Not retriable.
 */
public class UnreleasedInstanceIdException extends ApiException {
    private static final long serialVersionUID = 1L;

    public UnreleasedInstanceIdException(String message) {
        super(message);
    }

    public UnreleasedInstanceIdException(String message, Throwable cause) {
        super(message, cause);
    }
}
