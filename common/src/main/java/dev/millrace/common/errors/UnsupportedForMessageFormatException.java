package dev.millrace.common.errors;

/**
 * The message format version on the broker does not support the request.
 *
 * <p>Wire error {@code UNSUPPORTED_FOR_MESSAGE_FORMAT} (code 43). Not retriable.
 */
public class UnsupportedForMessageFormatException extends InvalidConfigurationException {
    private static final long serialVersionUID = 1L;

    public UnsupportedForMessageFormatException(String message) {
        super(message);
    }

    public UnsupportedForMessageFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
