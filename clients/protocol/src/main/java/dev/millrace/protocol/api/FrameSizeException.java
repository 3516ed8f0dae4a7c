package dev.millrace.protocol.api;

import dev.millrace.protocol.types.MalformedMessageException;

/**
 * A frame's INT32 size prefix is negative or larger than the configured limit
 * ({@code socket.request.max.bytes} on a server). The connection cannot be resynchronised after
 * this: the peer closes it.
 */
public class FrameSizeException extends MalformedMessageException {
    private static final long serialVersionUID = 1L;

    public FrameSizeException(String message) {
        super(message);
    }
}
