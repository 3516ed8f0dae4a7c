package dev.millrace.streams.errors;

import dev.millrace.clients.producer.ProducerRecord;
import dev.millrace.common.errors.RetriableException;
import dev.millrace.streams.errors.internals.ExceptionHandlerUtils;

import java.util.Map;

/**
 * The default production exception handler: retries sends that failed with a {@link RetriableException} and
 * fails on every other send or serialization error; mirrors Kafka's {@code DefaultProductionExceptionHandler}.
 * When a dead letter queue topic is configured, a failing record's raw source key and value are also sent there
 * with error headers. Configured once, then called from stream threads; stateless after configuration.
 */
public class DefaultProductionExceptionHandler implements ProductionExceptionHandler {

    private String deadLetterQueueTopic;

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
                                Exception exception) {
        if (exception instanceof RetriableException) {
            return Response.retry();
        }
        return Response.fail(ExceptionHandlerUtils.maybeBuildDeadLetterQueueRecords(deadLetterQueueTopic,
            context.sourceRawKey(), context.sourceRawValue(), context, exception));
    }

    @Override
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord<?, ?> record,
                                             Exception exception, SerializationExceptionOrigin origin) {
        return Response.fail(ExceptionHandlerUtils.maybeBuildDeadLetterQueueRecords(deadLetterQueueTopic,
            context.sourceRawKey(), context.sourceRawValue(), context, exception));
    }

    /**
     * Reads {@code errors.dead.letter.queue.topic.name}; when set, failed records are also sent there.
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
