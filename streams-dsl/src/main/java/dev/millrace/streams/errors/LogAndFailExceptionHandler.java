package dev.millrace.streams.errors;

import dev.millrace.clients.consumer.ConsumerRecord;
import dev.millrace.streams.errors.internals.ExceptionHandlerUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * The default deserialization exception handler: logs the failure at error level and fails the task.
 * Mirrors Kafka's {@code LogAndFailExceptionHandler}: the same log message, and when a dead letter queue
 * topic is configured, one record carrying the source record's raw key and value plus error headers
 * goes there. Configured once, then called from stream threads; stateless after configuration.
 */
public class LogAndFailExceptionHandler implements DeserializationExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(LogAndFailExceptionHandler.class);

    private String deadLetterQueueTopic;

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                Exception exception) {
        log.error("Exception caught during Deserialization, taskId: {}, topic: {}, partition: {}, offset: {}",
            context.taskId(), record.topic(), record.partition(), record.offset(), exception);
        return Response.fail(ExceptionHandlerUtils.maybeBuildDeadLetterQueueRecords(deadLetterQueueTopic,
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
