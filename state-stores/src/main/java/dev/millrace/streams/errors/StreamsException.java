package dev.millrace.streams.errors;

import dev.millrace.common.errors.MillraceException;
import dev.millrace.streams.processor.TaskId;

/**
 * Base class of the exceptions raised by stream processing and its state stores. Unchecked; the message carries
 * {@code key=value} facts about the failing store or operation.
 */
public class StreamsException extends MillraceException {

    private static final long serialVersionUID = 1L;

    /** The task that failed, if known; transient because task ids are not serializable. */
    private transient TaskId taskId;

    /**
     * Creates an exception.
     *
     * @param message the message
     */
    public StreamsException(String message) {
        this(message, (TaskId) null);
    }

    /**
     * Creates an exception naming the failed task.
     *
     * @param message the message
     * @param taskId the task, or null
     */
    public StreamsException(String message, TaskId taskId) {
        super(message);
        this.taskId = taskId;
    }

    /**
     * Creates an exception with a cause.
     *
     * @param message the message
     * @param cause the cause
     */
    public StreamsException(String message, Throwable cause) {
        this(message, cause, null);
    }

    /**
     * Creates an exception with a cause, naming the failed task.
     *
     * @param message the message
     * @param cause the cause
     * @param taskId the task, or null
     */
    public StreamsException(String message, Throwable cause, TaskId taskId) {
        super(message, cause);
        this.taskId = taskId;
    }

    /**
     * Wraps a cause.
     *
     * @param cause the cause
     */
    public StreamsException(Throwable cause) {
        this(cause, null);
    }

    /**
     * Wraps a cause, naming the failed task.
     *
     * @param cause the cause
     * @param taskId the task, or null
     */
    public StreamsException(Throwable cause, TaskId taskId) {
        super(cause);
        this.taskId = taskId;
    }

    /** @return the task that failed, if known */
    public java.util.Optional<TaskId> taskId() {
        return java.util.Optional.ofNullable(taskId);
    }

    /**
     * Sets the task that failed.
     *
     * @param taskId the task
     */
    public void setTaskId(TaskId taskId) {
        this.taskId = taskId;
    }
}
