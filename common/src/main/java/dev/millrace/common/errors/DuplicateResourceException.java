package dev.millrace.common.errors;

/**
 * The resource to be created already exists.
 *
 * <p>Wire error {@code DUPLICATE_RESOURCE} (code 92). Not retriable. It may name the resource concerned; that name
 * is null when the exception was created without one, as in Kafka.
 */
public class DuplicateResourceException extends ApiException {
    private static final long serialVersionUID = 1L;

    private final String resource;

    public DuplicateResourceException(String message) {
        this(null, message, null);
    }

    public DuplicateResourceException(String message, Throwable cause) {
        this(null, message, cause);
    }

    /**
     * Creates the exception naming the resource concerned.
     *
     * @param resource the name of the resource
     * @param message what happened, as {@code key=value} facts
     */
    public DuplicateResourceException(String resource, String message) {
        this(resource, message, null);
    }

    /**
     * Creates the exception naming the resource concerned, with a cause.
     *
     * @param resource the name of the resource
     * @param message what happened, as {@code key=value} facts
     * @param cause the underlying failure
     */
    public DuplicateResourceException(String resource, String message, Throwable cause) {
        super(message, cause);
        this.resource = resource;
    }

    /** Returns the name of the resource concerned, or null when none was given. */
    public String resource() {
        return resource;
    }
}
