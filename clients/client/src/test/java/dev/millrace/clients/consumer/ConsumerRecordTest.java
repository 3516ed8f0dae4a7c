package dev.millrace.clients.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.header.RecordHeaders;
import dev.millrace.common.record.TimestampType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsumerRecordTest {

    @Test
    void shouldExposeKafkasConstants() {
        assertThat(ConsumerRecord.NULL_SIZE).isEqualTo(org.apache.kafka.clients.consumer.ConsumerRecord.NULL_SIZE);
        assertThat(ConsumerRecord.NO_TIMESTAMP)
            .isEqualTo(org.apache.kafka.clients.consumer.ConsumerRecord.NO_TIMESTAMP);
    }

    @Test
    void shouldDefaultTheShortConstructorLikeKafka() {
        ConsumerRecord<String, String> ours = new ConsumerRecord<>("t", 2, 40L, "k", "v");
        org.apache.kafka.clients.consumer.ConsumerRecord<String, String> theirs =
            new org.apache.kafka.clients.consumer.ConsumerRecord<>("t", 2, 40L, "k", "v");

        assertThat(ours.timestamp()).isEqualTo(theirs.timestamp());
        assertThat(ours.timestampType().name()).isEqualTo(theirs.timestampType().name());
        assertThat(ours.serializedKeySize()).isEqualTo(theirs.serializedKeySize());
        assertThat(ours.serializedValueSize()).isEqualTo(theirs.serializedValueSize());
        assertThat(ours.leaderEpoch()).isEqualTo(theirs.leaderEpoch());
        assertThat(ours.deliveryCount()).isEqualTo(theirs.deliveryCount());
        assertThat(ours.headers().toArray()).isEmpty();
    }

    @Test
    void shouldFormatLikeKafkaApartFromTheHeadersText() {
        ConsumerRecord<String, String> ours = new ConsumerRecord<>("t", 2, 40L, 1000L, TimestampType.CREATE_TIME,
            3, 5, "k", null, new RecordHeaders(), Optional.of(4), Optional.of((short) 2));
        org.apache.kafka.clients.consumer.ConsumerRecord<String, String> theirs =
            new org.apache.kafka.clients.consumer.ConsumerRecord<>("t", 2, 40L, 1000L,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME, 3, 5, "k", null,
                new org.apache.kafka.common.header.internals.RecordHeaders(), Optional.of(4), Optional.of((short) 2));

        assertThat(ours.toString().replace(ours.headers().toString(), "H"))
            .isEqualTo(theirs.toString().replace(theirs.headers().toString(), "H"));
        assertThat(new ConsumerRecord<>("t", 0, 1L, "k", "v").toString().replace(new RecordHeaders().toString(), "H"))
            .isEqualTo(new org.apache.kafka.clients.consumer.ConsumerRecord<>("t", 0, 1L, "k", "v").toString()
                .replace(new org.apache.kafka.common.header.internals.RecordHeaders().toString(), "H"));
    }

    @Test
    void shouldRejectNullTopicAndHeadersWithKafkasMessages() {
        assertThatThrownBy(() -> new ConsumerRecord<>(null, 0, 0L, "k", "v"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Topic cannot be null");
        assertThatThrownBy(() -> new ConsumerRecord<>("t", 0, 0L, 0L, TimestampType.CREATE_TIME, 1, 1, "k", "v",
            null, Optional.empty()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Headers cannot be null");
    }

    @Test
    void shouldCompareByIdentityLikeKafka() {
        ConsumerRecord<String, String> a = new ConsumerRecord<>("t", 0, 0L, "k", "v");

        assertThat(a).isNotEqualTo(new ConsumerRecord<>("t", 0, 0L, "k", "v")).isEqualTo(a);
    }
}
