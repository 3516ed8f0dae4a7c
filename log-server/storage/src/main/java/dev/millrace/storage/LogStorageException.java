package dev.millrace.storage;

import dev.millrace.common.errors.MillraceException;

/**
 * A storage operation failed because of the disk: an I/O error while reading, writing, flushing,
 * renaming or deleting a log file. The log directory that raised it is suspect; the server maps it
 * to KAFKA_STORAGE_ERROR. The message names the file and the operation.
 */
public class LogStorageException extends MillraceException {
    private static final long serialVersionUID = 1L;

    public LogStorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public LogStorageException(String message) {
        super(message);
    }
}
