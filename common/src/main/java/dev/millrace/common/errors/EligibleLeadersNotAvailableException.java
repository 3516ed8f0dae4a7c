package dev.millrace.common.errors;

/**
 * No replica eligible to lead the partition was available.
 *
 * <p>Wire error {@code ELIGIBLE_LEADERS_NOT_AVAILABLE} (code 83). Retriable once the client has refreshed its
 * metadata.
 */
public class EligibleLeadersNotAvailableException extends InvalidMetadataException {
    private static final long serialVersionUID = 1L;

    public EligibleLeadersNotAvailableException(String message) {
        super(message);
    }

    public EligibleLeadersNotAvailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
