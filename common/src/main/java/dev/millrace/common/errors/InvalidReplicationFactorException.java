package dev.millrace.common.errors;

/**
 * The requested replication factor is not valid.
 *
 * <p>Wire error {@code INVALID_REPLICATION_FACTOR} (code 38). Not retriable.
 */
public class InvalidReplicationFactorException extends InvalidConfigurationException {
    private static final long serialVersionUID = 1L;

    public InvalidReplicationFactorException(String message) {
        super(message);
    }

    public InvalidReplicationFactorException(String message, Throwable cause) {
        super(message, cause);
    }
}
