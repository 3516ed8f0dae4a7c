package dev.millrace.streams.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.clients.consumer.ConsumerRecord;
import dev.millrace.clients.producer.ProducerRecord;
import dev.millrace.common.errors.NetworkException;
import dev.millrace.common.header.Header;
import dev.millrace.common.header.RecordHeaders;
import dev.millrace.streams.errors.internals.DefaultErrorHandlerContext;
import dev.millrace.streams.errors.internals.ExceptionHandlerUtils;
import dev.millrace.streams.processor.TaskId;
import dev.millrace.streams.processor.api.Record;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ExceptionHandlersTest {

    private static final Map<String, Object> DLQ = Map.of("errors.dead.letter.queue.topic.name", "dlq");
    private static final byte[] KEY = {1, 2};
    private static final byte[] VALUE = {3};

    private static DefaultErrorHandlerContext context() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("orig", new byte[] {9});
        return new DefaultErrorHandlerContext(null, "in", 4, 77L, headers, "KSTREAM-MAP-0000000001",
            new TaskId(0, 4), 1234L, KEY, VALUE);
    }

    private static final ConsumerRecord<byte[], byte[]> RAW = new ConsumerRecord<>("in", 4, 77L, KEY, VALUE);

    @Test
    void shouldFailOrResumeDeserializationErrorsWithoutDeadLetterQueueByDefault() {
        DeserializationExceptionHandler fail = new LogAndFailExceptionHandler();
        DeserializationExceptionHandler resume = new LogAndContinueExceptionHandler();
        fail.configure(Map.of());
        resume.configure(Map.of());

        DeserializationExceptionHandler.Response failed = fail.handleError(context(), RAW, new RuntimeException("x"));
        assertThat(failed.result()).isEqualTo(DeserializationExceptionHandler.Result.FAIL);
        assertThat(failed.deadLetterQueueRecords()).isEmpty();
        assertThat(resume.handleError(context(), RAW, new RuntimeException("x")).result())
            .isEqualTo(DeserializationExceptionHandler.Result.RESUME);
    }

    @Test
    void shouldBuildDeadLetterQueueRecordWithKafkasHeaders() {
        ProcessingExceptionHandler handler = new LogAndContinueProcessingExceptionHandler();
        handler.configure(DLQ);

        ProcessingExceptionHandler.Response response =
            handler.handleError(context(), new Record<>("k", "v", 1L), new IllegalStateException("broken"));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).hasSize(1);
        ProducerRecord<byte[], byte[]> record = response.deadLetterQueueRecords().get(0);
        assertThat(record.topic()).isEqualTo("dlq");
        assertThat(record.partition()).isNull();
        assertThat(record.timestamp()).isEqualTo(1234L);
        assertThat(record.key()).isEqualTo(KEY);
        assertThat(record.value()).isEqualTo(VALUE);
        assertThat(Arrays.stream(record.headers().toArray()).map(Header::key).collect(Collectors.toList()))
            .containsExactly("orig", "__streams.errors.exception", "__streams.errors.message",
                "__streams.errors.stacktrace", "__streams.errors.topic", "__streams.errors.partition",
                "__streams.errors.offset");
        assertThat(text(record, "__streams.errors.exception")).isEqualTo("java.lang.IllegalStateException");
        assertThat(text(record, "__streams.errors.message")).isEqualTo("broken");
        assertThat(text(record, "__streams.errors.stacktrace"))
            .startsWith("java.lang.IllegalStateException: broken" + System.lineSeparator() + "\tat ");
        assertThat(text(record, "__streams.errors.topic")).isEqualTo("in");
        assertThat(text(record, "__streams.errors.partition")).isEqualTo("4");
        assertThat(text(record, "__streams.errors.offset")).isEqualTo("77");
        assertThat(kafkaHeaderNames()).containsExactly(ExceptionHandlerUtils.HEADER_ERRORS_EXCEPTION_NAME,
            ExceptionHandlerUtils.HEADER_ERRORS_STACKTRACE_NAME,
            ExceptionHandlerUtils.HEADER_ERRORS_EXCEPTION_MESSAGE_NAME,
            ExceptionHandlerUtils.HEADER_ERRORS_TOPIC_NAME, ExceptionHandlerUtils.HEADER_ERRORS_PARTITION_NAME,
            ExceptionHandlerUtils.HEADER_ERRORS_OFFSET_NAME);
    }

    @Test
    void shouldRenderCausesLikePrintStackTrace() {
        Exception e = new IllegalStateException("outer", new IllegalArgumentException("inner"));
        java.io.StringWriter expected = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(expected));

        ProducerRecord<byte[], byte[]> record = ExceptionHandlerUtils.buildDeadLetterQueueRecord("dlq", null, null,
            context(), e);

        assertThat(text(record, "__streams.errors.stacktrace")).isEqualTo(expected.toString());
    }

    @Test
    void shouldRejectMissingDeadLetterQueueTopicWithKafkasMessage() {
        assertThatThrownBy(() -> ExceptionHandlerUtils.buildDeadLetterQueueRecord(null, KEY, VALUE, context(),
            new RuntimeException()))
            .isInstanceOf(dev.millrace.common.errors.InvalidConfigurationException.class)
            .hasMessage("errors.dead.letter.queue.topic.name cannot be null while building dead letter queue record");
    }

    @Test
    void shouldRetryRetriableSendErrorsAndFailOthers() {
        ProductionExceptionHandler handler = new DefaultProductionExceptionHandler();
        handler.configure(DLQ);
        ProducerRecord<byte[], byte[]> sent = new ProducerRecord<>("out", KEY, VALUE);

        ProductionExceptionHandler.Response retry = handler.handleError(context(), sent, new NetworkException("n"));
        assertThat(retry.result()).isEqualTo(ProductionExceptionHandler.Result.RETRY);
        assertThat(retry.deadLetterQueueRecords()).isEmpty();
        ProductionExceptionHandler.Response fail = handler.handleError(context(), sent, new RuntimeException("n"));
        assertThat(fail.result()).isEqualTo(ProductionExceptionHandler.Result.FAIL);
        assertThat(fail.deadLetterQueueRecords()).hasSize(1);
        assertThat(handler.handleSerializationError(context(), new ProducerRecord<>("out", "k", 1),
            new RuntimeException(), ProductionExceptionHandler.SerializationExceptionOrigin.KEY).result())
            .isEqualTo(ProductionExceptionHandler.Result.FAIL);
    }

    /** A handler written against Kafka's raw-typed legacy signature, ported by changing imports only. */
    private static final class LegacyProductionHandler implements ProductionExceptionHandler {
        @Override
        @SuppressWarnings("deprecation")
        public ProductionExceptionHandlerResponse handle(ProducerRecord<byte[], byte[]> record, Exception exception) {
            return ProductionExceptionHandlerResponse.CONTINUE;
        }

        // Kafka declares this callback with a raw ProducerRecord; ported handlers keep the raw type.
        @Override
        @SuppressWarnings({"deprecation", "rawtypes"})
        public ProductionExceptionHandlerResponse handleSerializationException(ProducerRecord record,
                                                                               Exception exception) {
            return ProductionExceptionHandlerResponse.RETRY;
        }

        @Override
        public void configure(Map<String, ?> configs) {
        }
    }

    @Test
    void shouldRouteNewCallbacksToLegacyImplementations() {
        LegacyProductionHandler legacy = new LegacyProductionHandler();

        assertThat(legacy.handleError(context(), new ProducerRecord<>("o", KEY, VALUE), new RuntimeException())
            .result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        assertThat(legacy.handleSerializationError(context(), new ProducerRecord<>("o", "k", "v"),
            new RuntimeException(), ProductionExceptionHandler.SerializationExceptionOrigin.VALUE).result())
            .isEqualTo(ProductionExceptionHandler.Result.RETRY);

        ProcessingExceptionHandler unimplemented = configs -> { };
        assertThatThrownBy(() -> unimplemented.handleError(context(), new Record<>("k", "v", 1L),
            new RuntimeException())).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldKeepKafkasResultIdsAndNames() {
        assertThat(ids(DeserializationExceptionHandler.Result.values()))
            .isEqualTo(ids(org.apache.kafka.streams.errors.DeserializationExceptionHandler.Result.values()));
        assertThat(ids(ProductionExceptionHandler.Result.values()))
            .isEqualTo(ids(org.apache.kafka.streams.errors.ProductionExceptionHandler.Result.values()));
        assertThat(ids(ProcessingExceptionHandler.Result.values()))
            .isEqualTo(ids(org.apache.kafka.streams.errors.ProcessingExceptionHandler.Result.values()));
        assertThat(ids(StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.values())).isEqualTo(ids(
            org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.values()));
    }

    @Test
    void shouldLeaveHeadersOutOfContextToString() {
        assertThat(context().toString()).isEqualTo("ErrorHandlerContext{topic='in', partition=4, offset=77, "
            + "processorNodeId='KSTREAM-MAP-0000000001', taskId=0_4}");
    }

    private static List<String> ids(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name() + ":" + fieldOf(v, "id") + ":" + fieldOf(v, "name"))
            .collect(Collectors.toList());
    }

    private static Object fieldOf(Enum<?> value, String field) {
        try {
            return value.getClass().getField(field).get(value);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> kafkaHeaderNames() {
        return List.of(
            org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils.HEADER_ERRORS_EXCEPTION_NAME,
            org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils.HEADER_ERRORS_STACKTRACE_NAME,
            org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils.HEADER_ERRORS_EXCEPTION_MESSAGE_NAME,
            org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils.HEADER_ERRORS_TOPIC_NAME,
            org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils.HEADER_ERRORS_PARTITION_NAME,
            org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils.HEADER_ERRORS_OFFSET_NAME);
    }

    private static String text(ProducerRecord<byte[], byte[]> record, String header) {
        return new String(record.headers().lastHeader(header).value(), StandardCharsets.UTF_8);
    }
}
