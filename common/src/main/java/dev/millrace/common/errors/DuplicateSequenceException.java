package dev.millrace.common.errors;

/**
 * The broker received a producer sequence number it has already accepted.
 *
 * <p>Wire error {@code DUPLICATE_SEQUENCE_NUMBER} (code 46). Not retriable.
 */
public class DuplicateSequenceException extends ApiException {
    private static final long serialVersionUID = 1L;

    public DuplicateSequenceException(String message) {
        super(message);
    }

    public DuplicateSequenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
