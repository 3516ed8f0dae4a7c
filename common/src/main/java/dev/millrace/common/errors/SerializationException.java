package dev.millrace.common.errors;

/**
 * A serializer or deserializer failed to convert between an object and its bytes.
 *
 * <p>Has no wire error code; raised inside the client.
 */
public class SerializationException extends MillraceException {
    private static final long serialVersionUID = 1L;

    public SerializationException() {
        super();
    }

    public SerializationException(String message) {
        super(message);
    }

    public SerializationException(Throwable cause) {
        super(cause);
    }

    public SerializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
