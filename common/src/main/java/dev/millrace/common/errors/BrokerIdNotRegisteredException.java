package dev.millrace.common.errors;

/**
 * The broker id is not registered.
 *
 * <p>Wire error {@code BROKER_ID_NOT_REGISTERED} (code 102). Not retriable.
 */
public class BrokerIdNotRegisteredException extends ApiException {
    private static final long serialVersionUID = 1L;

    public BrokerIdNotRegisteredException(String message) {
        super(message);
    }

    public BrokerIdNotRegisteredException(String message, Throwable cause) {
        super(message, cause);
    }
}
