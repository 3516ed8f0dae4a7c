package dev.millrace.common.errors;

/**
 * A record batch failed its integrity checks: CRC mismatch, impossible sizes or counts, or truncated
 * data.
 *
 * <p>Wire error {@code CORRUPT_MESSAGE} (code 2). Retriable: the same request may succeed when sent
 * again, since the corruption may have happened in transit.
 */
public class CorruptRecordException extends RetriableException {
    private static final long serialVersionUID = 1L;

    public CorruptRecordException(String message) {
        super(message);
    }

    public CorruptRecordException(String message, Throwable cause) {
        super(message, cause);
    }

    public CorruptRecordException(Throwable cause) {
        super(cause);
    }

    /** Creates the exception with a message that names the possible kinds of corruption. */
    public CorruptRecordException() {
        super("This message has failed its CRC checksum, exceeds the valid size, or is otherwise corrupt.");
    }
}
