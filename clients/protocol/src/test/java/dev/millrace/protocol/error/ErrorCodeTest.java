package dev.millrace.protocol.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.common.errors.ApiException;
import dev.millrace.common.errors.AuthorizerNotReadyException;
import dev.millrace.common.errors.DisconnectException;
import dev.millrace.common.errors.InterruptException;
import dev.millrace.common.errors.SerializationException;
import dev.millrace.common.errors.SslAuthenticationException;
import dev.millrace.common.errors.TimeoutException;
import dev.millrace.common.errors.TransactionAbortedException;
import dev.millrace.common.errors.UnknownTopicOrPartitionException;
import dev.millrace.common.errors.WakeupException;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;

/**
 * Judges {@link ErrorCode} against Apache Kafka's {@code Errors} enum (kafka-clients, test scope):
 * same constants and codes, same retriability, exception classes named alike under the porting rule,
 * and the same answers from the code and exception lookups.
 */
class ErrorCodeTest {
    private static String port(String kafkaSimpleName) {
        return kafkaSimpleName.startsWith("Kafka") ? "Millrace" + kafkaSimpleName.substring(5) : kafkaSimpleName;
    }

    @Test
    void shouldDefineEveryKafkaErrorWithTheSameNameAndCode() {
        for (Errors kafka : Errors.values()) {
            ErrorCode ours = ErrorCode.valueOf(kafka.name());
            assertThat(ours.code()).as(kafka.name()).isEqualTo(kafka.code());
        }
        Set<String> kafkaNames = Arrays.stream(Errors.values()).map(Enum::name).collect(Collectors.toSet());
        Set<String> ourNames = Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toSet());
        assertThat(ourNames).isEqualTo(kafkaNames);
    }

    @Test
    void shouldAgreeWithKafkaOnRetriability() {
        for (Errors kafka : Errors.values()) {
            assertThat(ErrorCode.valueOf(kafka.name()).isRetriable()).as(kafka.name())
                    .isEqualTo(kafka.exception() instanceof RetriableException);
        }
    }

    @Test
    void shouldMapToTheExceptionKafkaMapsToAfterPorting() {
        for (Errors kafka : Errors.values()) {
            ErrorCode ours = ErrorCode.valueOf(kafka.name());
            if (kafka == Errors.NONE) {
                assertThat(ours.exceptionClass()).isNull();
                assertThat(ours.exception()).isNull();
                assertThat(ours.exception("ignored")).isNull();
                continue;
            }
            assertThat(ours.exceptionClass().getSimpleName()).as(kafka.name())
                    .isEqualTo(port(kafka.exception().getClass().getSimpleName()));
            assertThat(ours.exceptionClass().getPackageName()).isEqualTo("dev.millrace.common.errors");
            assertThat(ours.exception()).as(kafka.name()).isExactlyInstanceOf(ours.exceptionClass());
            assertThat(ours.isRetriable()).as(kafka.name())
                    .isEqualTo(ours.exception() instanceof dev.millrace.common.errors.RetriableException);
        }
    }

    @Test
    void shouldMapEveryShortLikeKafkaAndUnknownCodesToUnknownServerError() {
        Set<Short> known = new HashSet<>();
        for (ErrorCode error : ErrorCode.values()) {
            known.add(error.code());
        }
        for (int code = Short.MIN_VALUE; code <= Short.MAX_VALUE; code++) {
            ErrorCode ours = ErrorCode.forCode((short) code);
            assertThat(ours.name()).as("code=" + code).isEqualTo(Errors.forCode((short) code).name());
            if (!known.contains((short) code)) {
                assertThat(ours).as("code=" + code).isEqualTo(ErrorCode.UNKNOWN_SERVER_ERROR);
            }
        }
        assertThat(ErrorCode.forCode((short) 134)).isEqualTo(ErrorCode.UNKNOWN_SERVER_ERROR);
        assertThat(ErrorCode.forCode((short) -2)).isEqualTo(ErrorCode.UNKNOWN_SERVER_ERROR);
    }

    @Test
    void shouldRoundTripEveryCodeThroughItsException() {
        for (ErrorCode error : ErrorCode.values()) {
            assertThat(ErrorCode.forCode(error.code())).isEqualTo(error);
            if (error != ErrorCode.NONE) {
                assertThat(ErrorCode.forException(error.exception())).as(error.name()).isEqualTo(error);
                assertThat(ErrorCode.forException(error.exception("code=" + error.code()))).isEqualTo(error);
            }
        }
    }

    @Test
    void shouldCarryTheGivenMessageOrTheDefaultOne() {
        ApiException withMessage = ErrorCode.NOT_LEADER_OR_FOLLOWER.exception("topicPartition=orders-3 leaderId=2");
        assertThat(withMessage).hasMessage("topicPartition=orders-3 leaderId=2");
        for (ErrorCode error : ErrorCode.values()) {
            assertThat(error.defaultMessage()).as(error.name()).isNotBlank().endsWith(".");
            if (error != ErrorCode.NONE) {
                assertThat(error.exception()).as(error.name()).hasMessage(error.defaultMessage());
                assertThat(error.exception(null)).as(error.name()).hasMessage(error.defaultMessage());
                assertThat(error.exception()).isNotSameAs(error.exception());
            }
        }
    }

    @Test
    void shouldMapUnmappedSubclassesToTheNearestMappedAncestorLikeKafka() {
        assertSameCode(new SslAuthenticationException("m"),
                new org.apache.kafka.common.errors.SslAuthenticationException("m"));
        assertSameCode(new DisconnectException("m"), new org.apache.kafka.common.errors.DisconnectException("m"));
        assertSameCode(new AuthorizerNotReadyException(),
                new org.apache.kafka.common.errors.AuthorizerNotReadyException());
        assertSameCode(new TransactionAbortedException("m"),
                new org.apache.kafka.common.errors.TransactionAbortedException("m"));
        assertSameCode(new SerializationException("m"), new org.apache.kafka.common.errors.SerializationException("m"));
        assertSameCode(new WakeupException(), new org.apache.kafka.common.errors.WakeupException());
        try {
            assertSameCode(new InterruptException("m"), new org.apache.kafka.common.errors.InterruptException("m"));
        } finally {
            Thread.interrupted();
        }
        assertSameCode(new NullPointerException(), new NullPointerException());
        assertSameCode(new IOException("disk"), new IOException("disk"));
        assertThat(ErrorCode.forException(new SslAuthenticationException("m"))).isEqualTo(ErrorCode.INVALID_CONFIG);
        assertThat(ErrorCode.forException(new UnknownTopicOrPartitionException("m") {
            private static final long serialVersionUID = 1L;
        })).isEqualTo(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    }

    private static void assertSameCode(Throwable ours, Throwable kafka) {
        assertThat(ErrorCode.forException(ours).name()).as(ours.getClass().getName())
                .isEqualTo(Errors.forException(kafka).name());
    }

    @Test
    void shouldJudgeCompletionAndExecutionExceptionsByTheirCauseOneLevelDeepLikeKafka() {
        var kafkaTimeout = new org.apache.kafka.common.errors.TimeoutException("t");
        TimeoutException timeout = new TimeoutException("t");
        assertSameCode(new CompletionException(timeout), new CompletionException(kafkaTimeout));
        assertSameCode(new ExecutionException(timeout), new ExecutionException(kafkaTimeout));
        assertSameCode(new CompletionException(new ExecutionException(timeout)),
                new CompletionException(new ExecutionException(kafkaTimeout)));
        assertSameCode(new RuntimeException(timeout), new RuntimeException(kafkaTimeout));
        assertThat(ErrorCode.forException(new CompletionException(timeout))).isEqualTo(ErrorCode.REQUEST_TIMED_OUT);
        assertThat(ErrorCode.forException(new CompletionException("no cause", null)))
                .isEqualTo(ErrorCode.UNKNOWN_SERVER_ERROR);
    }

    @Test
    void shouldReportNoneForAbsentFailure() {
        assertThat(ErrorCode.forException(null)).isEqualTo(ErrorCode.NONE);
    }
}
