package dev.millrace.common.errors;

/**
 * The partition has pending transactional offsets, so committed offsets are not stable yet.
 *
 * <p>Wire error {@code UNSTABLE_OFFSET_COMMIT} (code 88). Retriable: the same request may succeed when sent again.
 */
public class UnstableOffsetCommitException extends RetriableException {
    private static final long serialVersionUID = 1L;

    public UnstableOffsetCommitException(String message) {
        super(message);
    }

    public UnstableOffsetCommitException(String message, Throwable cause) {
        super(message, cause);
    }
}
