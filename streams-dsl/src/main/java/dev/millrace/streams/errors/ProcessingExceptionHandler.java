package dev.millrace.streams.errors;

import dev.millrace.clients.producer.ProducerRecord;
import dev.millrace.common.Configurable;
import dev.millrace.streams.processor.api.Record;

import java.util.Collections;
import java.util.List;

/**
 * Decides what happens when a processor throws while processing a record: fail the task or resume with the next
 * record, optionally sending records to a dead letter queue; mirrors Kafka 4.3's
 * {@code ProcessingExceptionHandler}.
 *
 * <p>The runtime calls {@link #handleError}; its default delegates to the deprecated
 * {@link #handle(ErrorHandlerContext, Record, Exception)}. Implementations are configured once and then called
 * from stream threads.
 */
public interface ProcessingExceptionHandler extends Configurable {

    /**
     * Legacy callback; the default throws {@link UnsupportedOperationException}.
     *
     * @param context the error context
     * @param record the record being processed when the processor threw
     * @param exception the failure
     * @return the legacy decision
     * @deprecated implement {@link #handleError} instead
     */
    @Deprecated
    default ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        throw new UnsupportedOperationException();
    }

    /**
     * Handles a processing failure. The default maps the legacy response.
     *
     * @param context the error context
     * @param record the record being processed when the processor threw
     * @param exception the failure
     * @return the decision and the dead letter queue records to send
     */
    default Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        return new Response(Result.from(handle(context, record, exception)), Collections.emptyList());
    }

    /**
     * Legacy decision.
     *
     * @deprecated use {@link Result}
     */
    @Deprecated
    enum ProcessingHandlerResponse {
        /** Skip the record and continue. */
        CONTINUE(1, "CONTINUE"),
        /** Stop processing and fail the task. */
        FAIL(2, "FAIL");

        /** The readable name. */
        public final String name;
        /** The permanent id. */
        public final int id;

        ProcessingHandlerResponse(int id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    /** The decision for a record whose processing failed. */
    enum Result {
        /** Skip the record and continue. */
        RESUME(1, "RESUME"),
        /** Stop processing and fail the task. */
        FAIL(2, "FAIL");

        /** The readable name. */
        public final String name;
        /** The permanent id. */
        public final int id;

        Result(int id, String name) {
            this.id = id;
            this.name = name;
        }

        private static Result from(ProcessingHandlerResponse value) {
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
