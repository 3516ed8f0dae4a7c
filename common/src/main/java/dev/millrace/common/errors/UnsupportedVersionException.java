package dev.millrace.common.errors;

/**
 * The requested API version is not supported by the peer, or a value cannot be expressed in the
 * negotiated version (wire error UNSUPPORTED_VERSION, code 35).
 */
public class UnsupportedVersionException extends ApiException {
    private static final long serialVersionUID = 1L;

    public UnsupportedVersionException(String message) {
        super(message);
    }

    public UnsupportedVersionException(String message, Throwable cause) {
        super(message, cause);
    }
}
