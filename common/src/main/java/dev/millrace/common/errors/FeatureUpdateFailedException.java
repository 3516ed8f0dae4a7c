package dev.millrace.common.errors;

/**
 * The feature update could not be applied on the controller.
 *
 * <p>Wire error {@code FEATURE_UPDATE_FAILED} (code 96). Not retriable.
 */
public class FeatureUpdateFailedException extends ApiException {
    private static final long serialVersionUID = 1L;

    public FeatureUpdateFailedException(String message) {
        super(message);
    }

    public FeatureUpdateFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
