package dev.millrace.serdes.avro.registry.store;

import dev.millrace.common.errors.MillraceException;

/**
 * The registry's store could not append or replay a record, or a replayed record is malformed. The
 * registry answers such failures with HTTP 500 / error code 50001.
 */
public class SchemaStoreException extends MillraceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the facts, as {@code key=value} pairs
     */
    public SchemaStoreException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message the facts, as {@code key=value} pairs
     * @param cause the underlying failure
     */
    public SchemaStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
