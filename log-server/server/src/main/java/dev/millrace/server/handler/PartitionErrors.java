package dev.millrace.server.handler;

import dev.millrace.common.errors.ApiException;
import dev.millrace.protocol.error.ErrorCode;
import dev.millrace.storage.LogStorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps failures of partition operations to the error code a client expects, the one place that
 * decides how storage failures look on the wire. Stateless.
 */
final class PartitionErrors {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionErrors.class);

    private PartitionErrors() {
    }

    /**
     * The error code for {@code failure}: the code of a Kafka exception, KAFKA_STORAGE_ERROR for disk
     * failures (NOT_LEADER_OR_FOLLOWER for versions that predate it), UNKNOWN_SERVER_ERROR (logged)
     * for anything unexpected.
     *
     * @param storageErrorSupported whether the request version knows KAFKA_STORAGE_ERROR
     */
    static ErrorCode codeFor(Throwable failure, boolean storageErrorSupported) {
        Throwable cause = unwrap(failure);
        if (cause instanceof LogStorageException) {
            LOG.error("storage failure", cause);
            return storageErrorSupported ? ErrorCode.KAFKA_STORAGE_ERROR : ErrorCode.NOT_LEADER_OR_FOLLOWER;
        }
        if (cause instanceof ApiException) {
            return ErrorCode.forException(cause);
        }
        LOG.error("unexpected failure", cause);
        return ErrorCode.UNKNOWN_SERVER_ERROR;
    }

    /** The message to send with {@code failure} (the exception's key=value facts). */
    static String messageFor(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
