package dev.millrace.streams.test;

import dev.millrace.clients.consumer.ConsumerRecord;
import dev.millrace.clients.producer.ProducerRecord;
import dev.millrace.common.header.Headers;
import dev.millrace.common.header.RecordHeader;
import dev.millrace.common.header.RecordHeaders;
import dev.millrace.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestRecordTest {

    private static final Instant TIME = Instant.ofEpochMilli(1_700_000_000_123L);

    private static Headers headers(String key, String value) {
        return new RecordHeaders().add(new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8)));
    }

    private static org.apache.kafka.common.header.Headers kafkaHeaders(String key, String value) {
        return new org.apache.kafka.common.header.internals.RecordHeaders()
                .add(new org.apache.kafka.common.header.internals.RecordHeader(key,
                        value.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldKeepEveryFieldOfTheFullConstructor() {
        TestRecord<String, Integer> record = new TestRecord<>("k", 1, headers("h", "v"), TIME);

        assertThat(record.key()).isEqualTo("k").isEqualTo(record.getKey());
        assertThat(record.value()).isEqualTo(1).isEqualTo(record.getValue());
        assertThat(record.headers()).isEqualTo(headers("h", "v")).isSameAs(record.getHeaders());
        assertThat(record.getRecordTime()).isEqualTo(TIME);
        assertThat(record.timestamp()).isEqualTo(TIME.toEpochMilli());
    }

    @Test
    void shouldCopyTheGivenHeaders() {
        Headers given = headers("h", "v");
        TestRecord<String, String> record = new TestRecord<>("k", "v", given, TIME);

        given.add("later", new byte[0]);

        assertThat(record.headers()).isNotSameAs(given).isEqualTo(headers("h", "v"));
    }

    @Test
    void shouldTreatNullHeadersAsNone() {
        assertThat(new TestRecord<>("k", "v", null, TIME).headers()).isEqualTo(new RecordHeaders());
        assertThat(new TestRecord<>("k", "v", null, 5L).headers()).isEqualTo(new RecordHeaders());
        assertThat(new TestRecord<>("k", "v", (Headers) null).headers()).isEqualTo(new RecordHeaders());
    }

    @Test
    void shouldConvertMillisecondsToRecordTime() {
        TestRecord<String, String> record = new TestRecord<>("k", "v", null, TIME.toEpochMilli());

        assertThat(record.getRecordTime()).isEqualTo(TIME);
        assertThat(record.timestamp()).isEqualTo(TIME.toEpochMilli());
    }

    @Test
    void shouldLeaveRecordTimeUnsetForNullMilliseconds() {
        TestRecord<String, String> record = new TestRecord<>("k", "v", null, (Long) null);

        assertThat(record.getRecordTime()).isNull();
        assertThat(record.timestamp()).isNull();
    }

    @Test
    void shouldRejectNegativeTimestampWithKafkasMessage() {
        String kafkaMessage = null;
        try {
            new org.apache.kafka.streams.test.TestRecord<>("k", "v", null, -1L);
        } catch (IllegalArgumentException e) {
            kafkaMessage = e.getMessage();
        }

        assertThat(kafkaMessage).isNotNull();
        assertThatThrownBy(() -> new TestRecord<>("k", "v", null, -1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(kafkaMessage);
    }

    @Test
    void shouldAcceptTimestampZero() {
        assertThat(new TestRecord<>("k", "v", null, 0L).getRecordTime()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void shouldHaveNoTimeAndNoHeadersForTheShortConstructors() {
        TestRecord<String, String> keyValue = new TestRecord<>("k", "v");
        TestRecord<String, String> valueOnly = new TestRecord<>("v");
        TestRecord<String, String> withHeaders = new TestRecord<>("k", "v", headers("h", "v"));
        TestRecord<String, String> withTime = new TestRecord<>("k", "v", TIME);

        assertThat(keyValue.getRecordTime()).isNull();
        assertThat(keyValue.headers()).isEqualTo(new RecordHeaders());
        assertThat(valueOnly.key()).isNull();
        assertThat(valueOnly.value()).isEqualTo("v");
        assertThat(valueOnly.getRecordTime()).isNull();
        assertThat(withHeaders.getRecordTime()).isNull();
        assertThat(withHeaders.headers()).isEqualTo(headers("h", "v"));
        assertThat(withTime.headers()).isEqualTo(new RecordHeaders());
        assertThat(withTime.getRecordTime()).isEqualTo(TIME);
    }

    @Test
    void shouldTakeKeyValueHeadersAndTimestampFromAConsumerRecord() {
        Headers recordHeaders = headers("h", "v");
        ConsumerRecord<String, String> consumed = new ConsumerRecord<>("topic", 1, 7L, TIME.toEpochMilli(),
                TimestampType.CREATE_TIME, 0, 0, "k", "v", recordHeaders, Optional.empty());

        TestRecord<String, String> record = new TestRecord<>(consumed);

        assertThat(record).isEqualTo(new TestRecord<>("k", "v", headers("h", "v"), TIME));
        assertThat(record.headers()).isSameAs(recordHeaders);
    }

    @Test
    void shouldTakeKeyValueHeadersAndTimestampFromAProducerRecord() {
        ProducerRecord<String, String> produced = new ProducerRecord<>("topic", 0, TIME.toEpochMilli(), "k", "v",
                headers("h", "v"));

        TestRecord<String, String> record = new TestRecord<>(produced);

        assertThat(record).isEqualTo(new TestRecord<>("k", "v", headers("h", "v"), TIME));
    }

    @Test
    void shouldRejectNullProducerAndConsumerRecords() {
        assertThatThrownBy(() -> new TestRecord<>((ProducerRecord<String, String>) null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new TestRecord<>((ConsumerRecord<String, String>) null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void shouldRejectProducerRecordWithoutTimestampAsKafkaDoes() {
        ProducerRecord<String, String> produced = new ProducerRecord<>("topic", null, null, "k", "v",
                new RecordHeaders());
        org.apache.kafka.clients.producer.ProducerRecord<String, String> kafkaProduced =
                new org.apache.kafka.clients.producer.ProducerRecord<>("topic", "k", "v");

        assertThatThrownBy(() -> new org.apache.kafka.streams.test.TestRecord<>(kafkaProduced))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new TestRecord<>(produced)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void shouldBeEqualOnHeadersKeyValueAndTimeLikeKafka() {
        TestRecord<String, String> base = new TestRecord<>("k", "v", headers("h", "v"), TIME);

        assertThat(base).isEqualTo(new TestRecord<>("k", "v", headers("h", "v"), TIME.toEpochMilli()))
                .hasSameHashCodeAs(new TestRecord<>("k", "v", headers("h", "v"), TIME));
        assertThat(base).isNotEqualTo(new TestRecord<>("k2", "v", headers("h", "v"), TIME))
                .isNotEqualTo(new TestRecord<>("k", "v2", headers("h", "v"), TIME))
                .isNotEqualTo(new TestRecord<>("k", "v", headers("h", "x"), TIME))
                .isNotEqualTo(new TestRecord<>("k", "v", headers("h", "v"), TIME.plusMillis(1)))
                .isNotEqualTo(new TestRecord<>("k", "v", headers("h", "v")))
                .isNotEqualTo(null)
                .isNotEqualTo("k");
        assertThat(new TestRecord<>(null, null, null, (Instant) null))
                .isEqualTo(new TestRecord<String, String>((String) null));
    }

    @Test
    void shouldRenderLikeKafkaApartFromTheHeadersText() {
        TestRecord<String, Integer> ours = new TestRecord<>("k", 5, headers("h", "v"), TIME);
        org.apache.kafka.streams.test.TestRecord<String, Integer> kafka =
                new org.apache.kafka.streams.test.TestRecord<>("k", 5, kafkaHeaders("h", "v"), TIME);

        String expected = kafka.toString().replace(kafka.headers().toString(), ours.headers().toString());

        assertThat(ours.toString()).isEqualTo(expected)
                .startsWith("TestRecord[key=k, value=5, headers=")
                .endsWith(", recordTime=" + TIME + "]");
    }

    @Test
    void shouldRenderNullFieldsLikeKafka() {
        TestRecord<String, String> ours = new TestRecord<>((String) null);
        org.apache.kafka.streams.test.TestRecord<String, String> kafka =
                new org.apache.kafka.streams.test.TestRecord<>((String) null);

        assertThat(ours.toString())
                .isEqualTo(kafka.toString().replace(kafka.headers().toString(), ours.headers().toString()));
    }
}
