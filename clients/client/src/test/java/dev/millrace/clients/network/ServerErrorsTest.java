package dev.millrace.clients.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.errors.TopicExistsException;
import dev.millrace.common.errors.UnknownServerException;
import dev.millrace.common.errors.UnknownTopicOrPartitionException;
import dev.millrace.protocol.error.ErrorCode;
import org.junit.jupiter.api.Test;

class ServerErrorsTest {
    @Test
    void shouldKeepTheBrokersMessageAndAddTheErrorNameAndFacts() {
        assertThatThrownBy(() -> ServerErrors.throwIfError(ErrorCode.TOPIC_ALREADY_EXISTS.code(),
                "Topic 'x' already exists.", "topic=x"))
                .isInstanceOf(TopicExistsException.class)
                .hasMessage("Topic 'x' already exists. (error=TOPIC_ALREADY_EXISTS topic=x)");
    }

    @Test
    void shouldUseTheDefaultMessageWhenTheBrokerSentNone() {
        assertThat(ServerErrors.exception(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION.code(), null, "topic=t partition=1"))
                .isInstanceOf(UnknownTopicOrPartitionException.class)
                .hasMessage(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION.defaultMessage()
                        + " (error=UNKNOWN_TOPIC_OR_PARTITION topic=t partition=1)");
    }

    @Test
    void shouldReturnNullForNoError() {
        assertThat(ServerErrors.exception((short) 0, "ignored", "topic=t")).isNull();
    }

    @Test
    void shouldNameAnUnknownCodeWhenMappingItToUnknownServerError() {
        assertThat(ServerErrors.exception((short) 9999, null, ""))
                .isInstanceOf(UnknownServerException.class).hasMessageContaining("code=9999");
    }
}
