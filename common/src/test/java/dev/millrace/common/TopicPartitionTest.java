package dev.millrace.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TopicPartitionTest {
    @Test
    void shouldBeEqualWhenTopicAndPartitionAreEqual() {
        TopicPartition orders3 = new TopicPartition("orders", 3);
        assertThat(orders3).isEqualTo(new TopicPartition("orders", 3))
                .hasSameHashCodeAs(new TopicPartition("orders", 3))
                .isNotEqualTo(new TopicPartition("orders", 4))
                .isNotEqualTo(new TopicPartition("payments", 3))
                .isNotEqualTo(null);
        assertThat(orders3.topic()).isEqualTo("orders");
        assertThat(orders3.partition()).isEqualTo(3);
    }

    @Test
    void shouldPrintTopicDashPartitionLikeKafka() {
        assertThat(new TopicPartition("orders", 3)).hasToString("orders-3");
        assertThat(new TopicPartition("my-topic", 0)).hasToString("my-topic-0");
        assertThat(new TopicPartition("t", -1)).hasToString("t--1")
                .hasToString(new org.apache.kafka.common.TopicPartition("t", -1).toString());
    }

    @Test
    void shouldHashLikeKafka() {
        long seed = Long.getLong("millrace.seed", 20261124L);
        Random random = new Random(seed);
        for (int i = 0; i < 1_000; i++) {
            String topic = "topic-" + Integer.toHexString(random.nextInt());
            int partition = random.nextInt(2_000) - 1;
            assertThat(new TopicPartition(topic, partition).hashCode())
                    .as("seed=" + seed + " topic=" + topic + " partition=" + partition)
                    .isEqualTo(new org.apache.kafka.common.TopicPartition(topic, partition).hashCode());
        }
    }

    @Test
    void shouldSurviveJavaSerialization() throws IOException, ClassNotFoundException {
        TopicPartition original = new TopicPartition("orders", 7);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(original);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(original);
        }
    }

    @Test
    void shouldRejectNullTopic() {
        assertThatNullPointerException().isThrownBy(() -> new TopicPartition(null, 0)).withMessage("topic");
    }
}
