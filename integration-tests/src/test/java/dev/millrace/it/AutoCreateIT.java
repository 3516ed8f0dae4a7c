package dev.millrace.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Topic auto-creation on a producer's metadata request, on and off. */
@Tag("integration")
class AutoCreateIT {
    @TempDir
    Path dir;

    @Test
    void shouldAutoCreateUnknownTopicWithNumPartitions() throws Exception {
        try (ServerFixture fixture = new ServerFixture(dir, Map.of("num.partitions", "3"));
             KafkaProducer<byte[], byte[]> producer = Clients.producer(fixture.bootstrap());
             Admin admin = Clients.admin(fixture.bootstrap())) {
            assertThat(producer.send(new ProducerRecord<>("born-on-send", Clients.utf8("v"))).get().offset())
                    .isZero();
            TopicDescription description = admin.describeTopics(List.of("born-on-send")).allTopicNames().get()
                    .get("born-on-send");
            assertThat(description.partitions()).hasSize(3);
            assertThat(description.partitions().get(0).replicas()).hasSize(1);
            assertThat(producer.partitionsFor("born-on-send")).hasSize(3);
        }
    }

    @Test
    void shouldFailSendAfterMaxBlockWhenAutoCreationIsOff() throws Exception {
        try (ServerFixture fixture = new ServerFixture(dir, Map.of("auto.create.topics.enable", "false"));
             KafkaProducer<byte[], byte[]> producer = Clients.producer(fixture.bootstrap(),
                     Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1500));
             Admin admin = Clients.admin(fixture.bootstrap())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("never-made", Clients.utf8("v"))).get())
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class)
                    .hasMessageContaining("never-made");
            assertThat(admin.listTopics().names().get()).doesNotContain("never-made");
        }
    }
}
