package dev.millrace.clients.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.header.Header;
import dev.millrace.common.header.RecordHeader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProducerRecordTest {

    private static final List<Header> HEADERS =
        List.of(new RecordHeader("h", "v".getBytes(StandardCharsets.UTF_8)));

    @Test
    void shouldRejectNullTopicWithKafkasMessage() {
        assertThatThrownBy(() -> new ProducerRecord<>(null, "v"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(kafkaMessage(() -> new org.apache.kafka.clients.producer.ProducerRecord<>(null, "v")));
    }

    @Test
    void shouldRejectNegativeTimestampWithKafkasMessage() {
        assertThatThrownBy(() -> new ProducerRecord<>("t", null, -5L, "k", "v"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(kafkaMessage(
                () -> new org.apache.kafka.clients.producer.ProducerRecord<>("t", null, -5L, "k", "v")));
    }

    @Test
    void shouldRejectNegativePartitionWithKafkasMessage() {
        assertThatThrownBy(() -> new ProducerRecord<>("t", -1, "k", "v"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(kafkaMessage(() -> new org.apache.kafka.clients.producer.ProducerRecord<>("t", -1, "k", "v")));
    }

    @Test
    void shouldDefaultPartitionTimestampKeyAndHeadersLikeKafka() {
        ProducerRecord<String, String> record = new ProducerRecord<>("t", "v");

        assertThat(record.topic()).isEqualTo("t");
        assertThat(record.partition()).isNull();
        assertThat(record.timestamp()).isNull();
        assertThat(record.key()).isNull();
        assertThat(record.value()).isEqualTo("v");
        assertThat(record.headers().toArray()).isEmpty();
    }

    @Test
    void shouldCopyHeadersIntoWritableHeaders() {
        ProducerRecord<String, String> record = new ProducerRecord<>("t", 1, 7L, "k", "v", HEADERS);

        record.headers().add("x", new byte[] {1});

        assertThat(record.headers().toArray()).hasSize(2);
        assertThat(HEADERS).hasSize(1);
    }

    @Test
    void shouldBeEqualWhenAllFieldsAreEqual() {
        ProducerRecord<String, String> a = new ProducerRecord<>("t", 1, 7L, "k", "v", HEADERS);
        ProducerRecord<String, String> b = new ProducerRecord<>("t", 1, 7L, "k", "v", HEADERS);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new ProducerRecord<>("t", 1, 8L, "k", "v", HEADERS));
        assertThat(a).isNotEqualTo(new ProducerRecord<>("t", 1, 7L, "k", "v"));
        assertThat(new ProducerRecord<String, String>("t", null)).isEqualTo(new ProducerRecord<>("t", null));
    }

    @Test
    void shouldFormatLikeKafkaApartFromTheHeadersText() {
        ProducerRecord<String, String> ours = new ProducerRecord<>("t", 3, 9L, "k", (String) null);
        org.apache.kafka.clients.producer.ProducerRecord<String, String> theirs =
            new org.apache.kafka.clients.producer.ProducerRecord<>("t", 3, 9L, "k", (String) null);

        assertThat(ours.toString().replace(ours.headers().toString(), "H"))
            .isEqualTo(theirs.toString().replace(theirs.headers().toString(), "H"));
    }

    private static String kafkaMessage(Runnable kafkaConstructor) {
        try {
            kafkaConstructor.run();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("Kafka accepted the arguments");
    }
}
