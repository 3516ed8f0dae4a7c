package dev.millrace.common.errors;

/**
 * A blocking client call was interrupted; the unchecked counterpart of {@link InterruptedException}.
 *
 * <p>Creating one sets the interrupt flag of the current thread again (catching the
 * {@code InterruptedException} cleared it), so code further up still sees the interruption. Create
 * it on the thread that was interrupted. Has no wire error code.
 */
public class InterruptException extends MillraceException {
    private static final long serialVersionUID = 1L;

    /**
     * Wraps an interruption and re-asserts the current thread's interrupt flag.
     *
     * @param cause the interruption that was caught
     */
    public InterruptException(InterruptedException cause) {
        super(cause);
        Thread.currentThread().interrupt();
    }

    /**
     * Wraps an interruption with a message and re-asserts the current thread's interrupt flag.
     *
     * @param message what was interrupted, as {@code key=value} facts
     * @param cause the interruption that was caught
     */
    public InterruptException(String message, InterruptedException cause) {
        super(message, cause);
        Thread.currentThread().interrupt();
    }

    /**
     * Reports an interruption detected without an {@link InterruptedException} (the cause is a new
     * one with the same message) and sets the current thread's interrupt flag.
     *
     * @param message what was interrupted, as {@code key=value} facts
     */
    public InterruptException(String message) {
        this(message, new InterruptedException(message));
    }
}
