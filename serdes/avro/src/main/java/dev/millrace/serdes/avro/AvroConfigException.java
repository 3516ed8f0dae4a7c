package dev.millrace.serdes.avro;

import dev.millrace.common.errors.MillraceException;

/**
 * A serde or registry configuration value is missing, of the wrong type or out of range. Raised by
 * {@code configure}, never while records flow; the message names the key and the offending value, for
 * example {@code key=auto.register.schemas value=maybe reason=notABoolean}.
 */
public class AvroConfigException extends MillraceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the facts, as {@code key=value} pairs
     */
    public AvroConfigException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message the facts, as {@code key=value} pairs
     * @param cause the underlying failure
     */
    public AvroConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
