package dev.millrace.streams.errors;

import dev.millrace.clients.producer.ProducerRecord;
import dev.millrace.common.Configurable;

import java.util.Collections;
import java.util.List;

/**
 * Decides what happens when a record cannot be serialized or sent to the broker: fail, resume with the next
 * record, or retry, optionally sending records to a dead letter queue; mirrors Kafka 4.3's
 * {@code ProductionExceptionHandler}.
 *
 * <p>The runtime calls {@link #handleError} for send failures and {@link #handleSerializationError} for
 * serialization failures. Their defaults delegate to the deprecated {@code handle*} methods, so handlers written
 * for older Kafka versions keep working. Kafka declares the serialization callbacks with a raw
 * {@code ProducerRecord}; here they take {@code ProducerRecord<?, ?>}, which handlers overriding them with the raw
 * type still override. Implementations are configured once and then called from stream threads.
 */
public interface ProductionExceptionHandler extends Configurable {

    /**
     * Legacy callback; the default throws {@link UnsupportedOperationException}.
     *
     * @param record the serialized record
     * @param exception the send failure
     * @return the legacy decision
     * @deprecated implement {@link #handleError} instead
     */
    @Deprecated
    default ProductionExceptionHandlerResponse handle(ProducerRecord<byte[], byte[]> record, Exception exception) {
        throw new UnsupportedOperationException();
    }

    /**
     * Legacy callback; the default calls {@link #handle(ProducerRecord, Exception)}.
     *
     * @param context the error context
     * @param record the serialized record
     * @param exception the send failure
     * @return the legacy decision
     * @deprecated implement {@link #handleError} instead
     */
    @Deprecated
    default ProductionExceptionHandlerResponse handle(ErrorHandlerContext context,
                                                      ProducerRecord<byte[], byte[]> record, Exception exception) {
        return handle(record, exception);
    }

    /**
     * Handles a failed send. The default maps the legacy response.
     *
     * @param context the error context
     * @param record the serialized record
     * @param exception the send failure
     * @return the decision and the dead letter queue records to send
     */
    default Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
                                 Exception exception) {
        return new Response(Result.from(handle(context, record, exception)), Collections.emptyList());
    }

    /**
     * Legacy callback; the default fails.
     *
     * @param record the record that could not be serialized
     * @param exception the serialization failure
     * @return the legacy decision
     * @deprecated implement {@link #handleSerializationError} instead
     */
    @Deprecated
    default ProductionExceptionHandlerResponse handleSerializationException(ProducerRecord<?, ?> record,
                                                                            Exception exception) {
        return ProductionExceptionHandlerResponse.FAIL;
    }

    /**
     * Legacy callback; the default calls {@link #handleSerializationException(ProducerRecord, Exception)}.
     *
     * @param context the error context
     * @param record the record that could not be serialized
     * @param exception the serialization failure
     * @param origin whether the key or the value failed
     * @return the legacy decision
     * @deprecated implement {@link #handleSerializationError} instead
     */
    @Deprecated
    default ProductionExceptionHandlerResponse handleSerializationException(ErrorHandlerContext context,
                                                                            ProducerRecord<?, ?> record,
                                                                            Exception exception,
                                                                            SerializationExceptionOrigin origin) {
        return handleSerializationException(record, exception);
    }

    /**
     * Handles a record that could not be serialized. The default maps the legacy response.
     *
     * @param context the error context
     * @param record the record that could not be serialized
     * @param exception the serialization failure
     * @param origin whether the key or the value failed
     * @return the decision and the dead letter queue records to send
     */
    default Response handleSerializationError(ErrorHandlerContext context, ProducerRecord<?, ?> record,
                                              Exception exception, SerializationExceptionOrigin origin) {
        return new Response(Result.from(handleSerializationException(context, record, exception, origin)),
            Collections.emptyList());
    }

    /**
     * Legacy decision.
     *
     * @deprecated use {@link Result}
     */
    @Deprecated
    enum ProductionExceptionHandlerResponse {
        /** Skip the record and continue. */
        CONTINUE(0, "CONTINUE"),
        /** Stop processing and fail the task. */
        FAIL(1, "FAIL"),
        /** Retry the send (for retriable errors). */
        RETRY(2, "RETRY");

        /** The readable name. */
        public final String name;
        /** The permanent id. */
        public final int id;

        ProductionExceptionHandlerResponse(int id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    /** The decision for a record that could not be produced. */
    enum Result {
        /** Skip the record and continue. */
        RESUME(0, "RESUME"),
        /** Stop processing and fail the task. */
        FAIL(1, "FAIL"),
        /** Retry the send (for retriable errors). */
        RETRY(2, "RETRY");

        /** The readable name. */
        public final String name;
        /** The permanent id. */
        public final int id;

        Result(int id, String name) {
            this.id = id;
            this.name = name;
        }

        private static Result from(ProductionExceptionHandlerResponse value) {
            switch (value) {
                case FAIL:
                    return FAIL;
                case CONTINUE:
                    return RESUME;
                case RETRY:
                    return RETRY;
                default:
                    throw new IllegalArgumentException("No Result enum found for old value: " + value);
            }
        }
    }

    /** Which part of a record failed to serialize. */
    enum SerializationExceptionOrigin {
        /** The key serializer failed. */
        KEY,
        /** The value serializer failed. */
        VALUE
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

        /** @return a response that retries the send */
        public static Response retry() {
            return new Response(Result.RETRY, Collections.emptyList());
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
