package dev.millrace.protocol.types;

import dev.millrace.common.errors.MillraceException;

/**
 * Bytes that cannot be decoded as the message they claim to be: truncated data, negative or
 * oversized lengths, a null where the schema forbids one, a varint longer than its type.
 *
 * <p>Thrown by every decoding path instead of buffer underflows, array index errors or
 * out-of-memory conditions, so that a server can answer INVALID_REQUEST (or close the connection)
 * and a client can fail the call, both with a message that names the field and the offsets.
 */
public class MalformedMessageException extends MillraceException {
    private static final long serialVersionUID = 1L;

    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
