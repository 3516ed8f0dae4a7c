package dev.millrace.common.errors;

/**
 * The consumer cannot read the compression type the requested records use.
 *
 * <p>Wire error {@code UNSUPPORTED_COMPRESSION_TYPE} (code 76). Not retriable.
 */
public class UnsupportedCompressionTypeException extends ApiException {
    private static final long serialVersionUID = 1L;

    public UnsupportedCompressionTypeException(String message) {
        super(message);
    }

    public UnsupportedCompressionTypeException(String message, Throwable cause) {
        super(message, cause);
    }
}
