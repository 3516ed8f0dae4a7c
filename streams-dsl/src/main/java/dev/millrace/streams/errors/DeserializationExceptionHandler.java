package dev.millrace.streams.errors;

import dev.millrace.clients.consumer.ConsumerRecord;
import dev.millrace.clients.producer.ProducerRecord;
import dev.millrace.common.Configurable;
import dev.millrace.streams.errors.internals.DefaultErrorHandlerContext;
import dev.millrace.streams.processor.ProcessorContext;

import java.util.Collections;
import java.util.List;

/**
 * Decides what happens when a consumed record cannot be deserialized: fail the task or resume with the next
 * record, optionally sending records to a dead letter queue; mirrors Kafka 4.3's
 * {@code DeserializationExceptionHandler}.
 *
 * <p>The runtime calls {@link #handleError}. Its default delegates to the deprecated {@code handle} methods, so
 * handlers written for older Kafka versions keep working; new handlers override {@code handleError} only.
 * Implementations are created from configuration, configured once and then called from stream threads; a handler
 * shared by several threads must be thread-safe.
 */
public interface DeserializationExceptionHandler extends Configurable {

    /**
     * Legacy callback; the default throws {@link UnsupportedOperationException}.
     *
     * @param context the processor context, may be null
     * @param record the raw record
     * @param exception the deserialization failure
     * @return whether to continue or fail
     * @deprecated implement {@link #handleError} instead
     */
    @Deprecated
    default DeserializationHandlerResponse handle(ProcessorContext context, ConsumerRecord<byte[], byte[]> record,
                                                  Exception exception) {
        throw new UnsupportedOperationException();
    }

    /**
     * Legacy callback; the default calls the {@code ProcessorContext} variant with the context the runtime
     * attached, if any.
     *
     * @param context the error context
     * @param record the raw record
     * @param exception the deserialization failure
     * @return whether to continue or fail
     * @deprecated implement {@link #handleError} instead
     */
    @Deprecated
    default DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                                  Exception exception) {
        ProcessorContext processorContext = context instanceof DefaultErrorHandlerContext
            ? ((DefaultErrorHandlerContext) context).processorContext().orElse(null)
            : null;
        return handle(processorContext, record, exception);
    }

    /**
     * Handles a record that could not be deserialized. The default maps the legacy response.
     *
     * @param context the error context
     * @param record the raw record
     * @param exception the deserialization failure
     * @return the decision and the dead letter queue records to send
     */
    default Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                 Exception exception) {
        return new Response(Result.from(handle(context, record, exception)), Collections.emptyList());
    }

    /**
     * Legacy decision.
     *
     * @deprecated use {@link Result}
     */
    @Deprecated
    enum DeserializationHandlerResponse {
        /** Skip the record and continue. */
        CONTINUE(0, "CONTINUE"),
        /** Stop processing and fail the task. */
        FAIL(1, "FAIL");

        /** The readable name. */
        public final String name;
        /** The permanent id. */
        public final int id;

        DeserializationHandlerResponse(int id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    /** The decision for a record that could not be deserialized. */
    enum Result {
        /** Skip the record and continue. */
        RESUME(0, "RESUME"),
        /** Stop processing and fail the task. */
        FAIL(1, "FAIL");

        /** The readable name. */
        public final String name;
        /** The permanent id. */
        public final int id;

        Result(int id, String name) {
            this.id = id;
            this.name = name;
        }

        private static Result from(DeserializationHandlerResponse value) {
            switch (value) {
                case FAIL:
                    return FAIL;
                case CONTINUE:
                    return RESUME;
                default:
                    throw new IllegalArgumentException("No Result enum found for old value: " + value);
            }
        }
    }

    /** A decision plus the records to send to the dead letter queue. Immutable. */
    final class Response {

        private final Result result;
        private final List<ProducerRecord<byte[], byte[]>> deadLetterQueueRecords;

        private Response(Result result, List<ProducerRecord<byte[], byte[]>> deadLetterQueueRecords) {
            this.result = result;
            this.deadLetterQueueRecords = deadLetterQueueRecords;
        }

        /**
         * Fails the task after sending the given records.
         *
         * @param deadLetterQueueRecords the records to send
         * @return the response
         */
        public static Response fail(List<ProducerRecord<byte[], byte[]>> deadLetterQueueRecords) {
            return new Response(Result.FAIL, deadLetterQueueRecords);
        }

        /** @return a response that fails the task */
        public static Response fail() {
            return fail(Collections.emptyList());
        }

        /**
         * Skips the record after sending the given records.
         *
         * @param deadLetterQueueRecords the records to send
         * @return the response
         */
        public static Response resume(List<ProducerRecord<byte[], byte[]>> deadLetterQueueRecords) {
            return new Response(Result.RESUME, deadLetterQueueRecords);
        }

        /** @return a response that skips the record */
        public static Response resume() {
            return resume(Collections.emptyList());
        }

        /** @return the decision */
        public Result result() {
            return result;
        }

        /** @return an unmodifiable view of the dead letter queue records, empty if none */
        public List<ProducerRecord<byte[], byte[]>> deadLetterQueueRecords() {
            if (deadLetterQueueRecords == null) {
                return Collections.emptyList();
            }
            return Collections.unmodifiableList(deadLetterQueueRecords);
        }
    }
}
