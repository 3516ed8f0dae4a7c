package dev.millrace.common.errors;

/**
 * A record batch failed its integrity checks: CRC mismatch, impossible sizes or counts, truncated
 * data (wire error CORRUPT_MESSAGE, code 2).
 */
public class CorruptRecordException extends RetriableException {
    private static final long serialVersionUID = 1L;

    public CorruptRecordException(String message) {
        super(message);
    }

    public CorruptRecordException(String message, Throwable cause) {
        super(message, cause);
    }

    public CorruptRecordException() {
        super("This message has failed its CRC checksum, exceeds the valid size, or is otherwise corrupt.");
    }
}
