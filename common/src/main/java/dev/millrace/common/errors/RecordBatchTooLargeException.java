package dev.millrace.common.errors;

/**
 * The produce request carries a batch larger than the configured segment size.
 *
 * <p>Wire error {@code RECORD_LIST_TOO_LARGE} (code 18). Not retriable.
 */
public class RecordBatchTooLargeException extends InvalidConfigurationException {
    private static final long serialVersionUID = 1L;

    public RecordBatchTooLargeException() {
        super();
    }

    public RecordBatchTooLargeException(String message) {
        super(message);
    }

    public RecordBatchTooLargeException(Throwable cause) {
        super(cause);
    }

    public RecordBatchTooLargeException(String message, Throwable cause) {
        super(message, cause);
    }
}
