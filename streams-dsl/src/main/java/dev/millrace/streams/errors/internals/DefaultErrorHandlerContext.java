package dev.millrace.streams.errors.internals;

import dev.millrace.common.header.Headers;
import dev.millrace.streams.errors.ErrorHandlerContext;
import dev.millrace.streams.processor.ProcessorContext;
import dev.millrace.streams.processor.TaskId;

import java.util.Optional;

/**
 * The runtime's {@link ErrorHandlerContext}: a snapshot of the failing record's coordinates taken when the error is
 * reported, plus the (legacy) processor context for handlers still implementing deprecated callbacks. Immutable
 * apart from the shared headers and byte arrays. {@link #toString()} leaves out headers and raw bytes so that
 * logging the context does not leak user data, as in Kafka.
 */
public class DefaultErrorHandlerContext implements ErrorHandlerContext {

    private final String topic;
    private final int partition;
    private final long offset;
    private final Headers headers;
    private final String processorNodeId;
    private final TaskId taskId;
    private final long timestamp;
    private final byte[] sourceRawKey;
    private final byte[] sourceRawValue;
    private final ProcessorContext processorContext;

    /**
     * Creates a context.
     *
     * @param processorContext the legacy processor context, or null
     * @param topic the source topic, or null
     * @param partition the source partition, or -1
     * @param offset the source offset, or -1
     * @param headers the headers
     * @param processorNodeId the failing processor node
     * @param taskId the task
     * @param timestamp the record timestamp
     * @param sourceRawKey the source key bytes, or null
     * @param sourceRawValue the source value bytes, or null
     */
    public DefaultErrorHandlerContext(ProcessorContext processorContext, String topic, int partition, long offset,
                                      Headers headers, String processorNodeId, TaskId taskId, long timestamp,
                                      byte[] sourceRawKey, byte[] sourceRawValue) {
        this.processorContext = processorContext;
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.headers = headers;
        this.processorNodeId = processorNodeId;
        this.taskId = taskId;
        this.timestamp = timestamp;
        this.sourceRawKey = sourceRawKey;
        this.sourceRawValue = sourceRawValue;
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public int partition() {
        return partition;
    }

    @Override
    public long offset() {
        return offset;
    }

    @Override
    public Headers headers() {
        return headers;
    }

    @Override
    public String processorNodeId() {
        return processorNodeId;
    }

    @Override
    public TaskId taskId() {
        return taskId;
    }

    @Override
    public long timestamp() {
        return timestamp;
    }

    @Override
    public byte[] sourceRawKey() {
        return sourceRawKey;
    }

    @Override
    public byte[] sourceRawValue() {
        return sourceRawValue;
    }

    /** @return the legacy processor context, if the runtime attached one */
    public Optional<ProcessorContext> processorContext() {
        return Optional.ofNullable(processorContext);
    }

    @Override
    public String toString() {
        return "ErrorHandlerContext{topic='" + topic + '\''
            + ", partition=" + partition
            + ", offset=" + offset
            + ", processorNodeId='" + processorNodeId + '\''
            + ", taskId=" + taskId
            + '}';
    }
}
