package dev.millrace.streams.errors;

import dev.millrace.streams.errors.internals.ExceptionHandlerUtils;
import dev.millrace.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * A processing exception handler that logs the failure at warn level and skips the record.
 * Mirrors Kafka's {@code LogAndContinueProcessingExceptionHandler}: the same log message, and when a dead letter queue
 * topic is configured, one record carrying the source record's raw key and value plus error headers
 * goes there. Configured once, then called from stream threads; stateless after configuration.
 */
public class LogAndContinueProcessingExceptionHandler implements ProcessingExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(LogAndContinueProcessingExceptionHandler.class);

    private String deadLetterQueueTopic;

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        log.warn("Exception caught during message processing, processor node: {}, taskId: {}, source topic: {}, "
                + "source partition: {}, source offset: {}",
            context.processorNodeId(), context.taskId(), context.topic(), context.partition(), context.offset(),
            exception);
        return Response.resume(ExceptionHandlerUtils.maybeBuildDeadLetterQueueRecords(deadLetterQueueTopic,
            context.sourceRawKey(), context.sourceRawValue(), context, exception));
    }

    /**
     * Reads {@code errors.dead.letter.queue.topic.name}; when set, each handled record is also sent there.
     *
     * @param configs the streams configuration
     */
    @Override
    public void configure(Map<String, ?> configs) {
        String topic = ExceptionHandlerUtils.deadLetterQueueTopic(configs);
        if (topic != null) {
            deadLetterQueueTopic = topic;
        }
    }
}
