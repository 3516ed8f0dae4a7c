package dev.millrace.metadata;

import dev.millrace.protocol.error.ErrorCode;
import dev.millrace.storage.LogStorageException;

/**
 * The outcome of one item of an admin request: an error code and the message the client sees.
 *
 * @param error the error code ({@link ErrorCode#NONE} on success)
 * @param message the message, or null
 */
record ApiError(ErrorCode error, String message) {
    static final ApiError NONE = new ApiError(ErrorCode.NONE, null);

    static ApiError of(ErrorCode error, String message) {
        return new ApiError(error, message);
    }

    /** The error a failure maps to: its Kafka code, storage failures as KAFKA_STORAGE_ERROR. */
    static ApiError from(RuntimeException failure) {
        ErrorCode code = failure instanceof LogStorageException ? ErrorCode.KAFKA_STORAGE_ERROR
                : ErrorCode.forException(failure);
        return new ApiError(code, failure.getMessage());
    }

    boolean isFailure() {
        return error != ErrorCode.NONE;
    }

    short code() {
        return error.code();
    }
}
