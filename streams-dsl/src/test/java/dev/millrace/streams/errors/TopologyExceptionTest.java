package dev.millrace.streams.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopologyExceptionTest {

    @Test
    void shouldPrefixMessagesLikeKafka() {
        for (String message : new String[] {null, "", "bad"}) {
            assertThat(new TopologyException(message).getMessage()).as("message=%s", message)
                .isEqualTo(new org.apache.kafka.streams.errors.TopologyException(message).getMessage());
        }
        IllegalStateException cause = new IllegalStateException("boom");
        assertThat(new TopologyException("m", cause).getCause()).isSameAs(cause);
        assertThat(new TopologyException(cause).getMessage())
            .isEqualTo(new org.apache.kafka.streams.errors.TopologyException(cause).getMessage());
        assertThat(new TopologyException("x")).isInstanceOf(StreamsException.class);
    }
}
