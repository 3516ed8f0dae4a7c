package dev.millrace.common.errors;

/**
 * The requested API version is not supported by the peer, or a value cannot be expressed in the
 * negotiated version.
 *
 * <p>Wire error {@code UNSUPPORTED_VERSION} (code 35). Not retriable.
 */
public class UnsupportedVersionException extends InvalidConfigurationException {
    private static final long serialVersionUID = 1L;

    public UnsupportedVersionException(String message) {
        super(message);
    }

    public UnsupportedVersionException(String message, Throwable cause) {
        super(message, cause);
    }
}
