package dev.millrace.common.errors;

/**
 * A configuration value in the request is not valid.
 *
 * <p>Wire error {@code INVALID_CONFIG} (code 40). Not retriable.
 */
public class InvalidConfigurationException extends ApiException {
    private static final long serialVersionUID = 1L;

    public InvalidConfigurationException() {
        super();
    }

    public InvalidConfigurationException(String message) {
        super(message);
    }

    public InvalidConfigurationException(Throwable cause) {
        super(cause);
    }

    public InvalidConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
