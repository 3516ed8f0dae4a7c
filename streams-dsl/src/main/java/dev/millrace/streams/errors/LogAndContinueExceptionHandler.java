package dev.millrace.streams.errors;

import dev.millrace.clients.consumer.ConsumerRecord;
import dev.millrace.streams.errors.internals.ExceptionHandlerUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * A deserialization exception handler that logs the failure at warn level and skips the record.
 * Mirrors Kafka's {@code LogAndContinueExceptionHandler}: the same log message, and when a dead letter queue
 * topic is configured, one record carrying the source record's raw key and value plus error headers
 * goes there. Configured once, then called from stream threads; stateless after configuration.
 */
public class LogAndContinueExceptionHandler implements DeserializationExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(LogAndContinueExceptionHandler.class);

    private String deadLetterQueueTopic;

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                Exception exception) {
        log.warn("Exception caught during Deserialization, taskId: {}, topic: {}, partition: {}, offset: {}",
            context.taskId(), record.topic(), record.partition(), record.offset(), exception);
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
