package dev.millrace.streams.processor.internals;

import dev.millrace.clients.consumer.ConsumerRecord;
import dev.millrace.clients.producer.ProducerRecord;
import dev.millrace.streams.errors.DeserializationExceptionHandler;
import dev.millrace.streams.errors.ErrorHandlerContext;
import dev.millrace.streams.errors.ProcessingExceptionHandler;
import dev.millrace.streams.errors.ProductionExceptionHandler;
import dev.millrace.streams.errors.StreamsException;
import dev.millrace.streams.errors.internals.DefaultErrorHandlerContext;
import dev.millrace.streams.errors.internals.FailedProcessingException;
import dev.millrace.streams.processor.api.Record;
import dev.millrace.streams.state.internals.ProcessorRecordContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;

/**
 * Applies the three exception handlers of {@link TaskSettings} the way Kafka Streams does: the handler sees the
 * record and an {@link ErrorHandlerContext}; its dead-letter-queue records are sent; FAIL stops the task with an
 * exception naming the handler's config key, RESUME drops the record and counts it in {@code dropped-records}.
 */
final class ErrorHandling {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandling.class);

    private ErrorHandling() {
    }

    private static ErrorHandlerContext context(TaskContext context, String nodeName) {
        ProcessorRecordContext record = context.recordContext();
        return new DefaultErrorHandlerContext(context, record.topic(), record.partition(), record.offset(),
                record.headers(), nodeName, context.taskId(), record.timestamp(), context.sourceRawKey(),
                context.sourceRawValue());
    }

    private static void sendDeadLetters(TaskContext context, List<ProducerRecord<byte[], byte[]>> records) {
        for (ProducerRecord<byte[], byte[]> record : records) {
            context.recordCollector().sendSerialized(record.topic(), record.partition() == null ? -1
                            : record.partition(), record.key(), record.value(), record.headers(),
                    record.timestamp() == null ? context.recordContext().timestamp() : record.timestamp());
        }
    }

    /** Handles a record that failed to deserialize; returns normally when the record is to be dropped. */
    static void deserializationFailed(TaskContext context, SourceNode<?, ?> source, ConsumerRecord<byte[], byte[]> raw,
                                      Exception error) {
        ErrorHandlerContext handlerContext = new DefaultErrorHandlerContext(context, raw.topic(), raw.partition(),
                raw.offset(), raw.headers(), source.name(), context.taskId(), raw.timestamp(), raw.key(),
                raw.value());
        DeserializationExceptionHandler.Response response;
        try {
            response = Objects.requireNonNull(context.settings().deserializationHandler()
                    .handleError(handlerContext, raw, error), "Invalid DeserializationExceptionHandler response.");
        } catch (RuntimeException fatal) {
            throw new StreamsException("Fatal user code error in deserialization error callback (task="
                    + context.taskId() + " topic=" + raw.topic() + " partition=" + raw.partition() + " offset="
                    + raw.offset() + ")", fatal, context.taskId());
        }
        sendDeadLetters(context, response.deadLetterQueueRecords());
        if (response.result() == DeserializationExceptionHandler.Result.FAIL) {
            throw new StreamsException("Deserialization exception handler is set to fail upon a deserialization "
                    + "error. If you would rather have the streaming pipeline continue after a deserialization "
                    + "error, please set the deserialization.exception.handler appropriately. (task="
                    + context.taskId() + " node=" + source.name() + " topic=" + raw.topic() + " partition="
                    + raw.partition() + " offset=" + raw.offset() + ")", error, context.taskId());
        }
        LOG.warn("Skipping record due to deserialization error. topic=[{}] partition=[{}] offset=[{}]", raw.topic(),
                raw.partition(), raw.offset(), error);
        StreamsMetricsImpl.recordDroppedRecord(context);
    }

    /** Handles an exception thrown by a processor; returns normally when the record is to be dropped. */
    static void processingFailed(TaskContext context, ProcessorNode<?, ?, ?, ?> node, Record<?, ?> record,
                                 Exception error) {
        ProcessingExceptionHandler.Response response;
        try {
            response = Objects.requireNonNull(context.settings().processingHandler()
                    .handleError(context(context, node.name()), record, error),
                    "Invalid ProcessingExceptionHandler response.");
        } catch (RuntimeException fatal) {
            throw new FailedProcessingException("Fatal user code error in processing error callback", node.name(),
                    fatal);
        }
        sendDeadLetters(context, response.deadLetterQueueRecords());
        if (response.result() == ProcessingExceptionHandler.Result.FAIL) {
            LOG.error("Processing exception handler is set to fail upon a processing error. If you would rather "
                    + "have the streaming pipeline continue after a processing error, please set the "
                    + "processing.exception.handler appropriately.");
            throw new FailedProcessingException(node.name(), error);
        }
        StreamsMetricsImpl.recordDroppedRecord(context);
    }

    /** Handles a sink's serialization failure; returns normally when the record is to be dropped. */
    static void serializationFailed(TaskContext context, String sinkName, ProducerRecord<?, ?> record,
                                    Exception error, ProductionExceptionHandler.SerializationExceptionOrigin origin) {
        ProductionExceptionHandler.Response response;
        try {
            response = Objects.requireNonNull(context.settings().productionHandler()
                    .handleSerializationError(context(context, sinkName), record, error, origin),
                    "Invalid ProductionExceptionHandler response.");
        } catch (RuntimeException fatal) {
            throw new FailedProcessingException("Fatal user code error in production error callback", sinkName,
                    fatal);
        }
        sendDeadLetters(context, response.deadLetterQueueRecords());
        if (response.result() != ProductionExceptionHandler.Result.RESUME) {
            throw new StreamsException(String.format("Unable to serialize record. ProducerRecord(topic=[%s], "
                    + "partition=[%s], timestamp=[%d]) (node=%s origin=%s)", record.topic(), record.partition(),
                    record.timestamp(), sinkName, origin), error, context.taskId());
        }
        LOG.warn("Unable to serialize record, continue processing. ProducerRecord(topic=[{}], timestamp=[{}])",
                record.topic(), record.timestamp(), error);
        StreamsMetricsImpl.recordDroppedRecord(context);
    }
}
