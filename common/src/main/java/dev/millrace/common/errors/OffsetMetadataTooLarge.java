package dev.millrace.common.errors;

/**
 * The metadata string attached to a committed offset is longer than the server allows.
 *
 * <p>Wire error {@code OFFSET_METADATA_TOO_LARGE} (code 12). Not retriable.
 */
public class OffsetMetadataTooLarge extends ApiException {
    private static final long serialVersionUID = 1L;

    public OffsetMetadataTooLarge() {
        super();
    }

    public OffsetMetadataTooLarge(String message) {
        super(message);
    }

    public OffsetMetadataTooLarge(Throwable cause) {
        super(cause);
    }

    public OffsetMetadataTooLarge(String message, Throwable cause) {
        super(message, cause);
    }
}
