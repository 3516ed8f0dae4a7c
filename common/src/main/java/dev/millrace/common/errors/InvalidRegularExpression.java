package dev.millrace.common.errors;

/**
 * The regular expression in the subscription is not valid.
 *
 * <p>Wire error {@code INVALID_REGULAR_EXPRESSION} (code 128). Not retriable.
 */
public class InvalidRegularExpression extends ApiException {
    private static final long serialVersionUID = 1L;

    public InvalidRegularExpression(String message) {
        super(message);
    }

    public InvalidRegularExpression(String message, Throwable cause) {
        super(message, cause);
    }
}
