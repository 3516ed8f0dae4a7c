package dev.millrace.streams.errors;

/** Raised when a text does not parse as a task id ({@code <subtopology>_<partition>}, optionally prefixed). */
public class TaskIdFormatException extends StreamsException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message the description, with {@code key=value} facts such as {@code text=1-2}
     */
    public TaskIdFormatException(String message) {
        super(message);
    }
}
