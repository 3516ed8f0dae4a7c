package dev.millrace.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A graceful restart between produce and consume loses nothing and keeps topic ids and offsets. */
@Tag("integration")
class RestartIT {
    @TempDir
    Path dir;

    @Test
    void shouldKeepRecordsTopicIdsAndOffsetsAcrossRestart() throws Exception {
        try (ServerFixture fixture = new ServerFixture(dir)) {
            Map<String, Uuid> idsBefore;
            try (Admin admin = Clients.admin(fixture.bootstrap())) {
                admin.createTopics(List.of(new NewTopic("durable", 2, (short) 1),
                        new NewTopic("configured", 1, (short) 1).configs(Map.of("retention.ms", "123456")))).all()
                        .get();
                idsBefore = topicIds(admin);
            }
            produce(fixture, 0, 100);

            fixture.restart();

            try (Admin admin = Clients.admin(fixture.bootstrap())) {
                assertThat(topicIds(admin)).isEqualTo(idsBefore);
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "configured");
                assertThat(admin.describeConfigs(List.of(resource)).all().get().get(resource).get("retention.ms")
                        .value()).isEqualTo("123456");
            }
            List<TopicPartition> tps = Clients.partitions("durable", 2);
            try (KafkaConsumer<byte[], byte[]> consumer = Clients.consumer(fixture.bootstrap())) {
                assertThat(consumer.endOffsets(tps)).containsEntry(tps.get(0), 50L).containsEntry(tps.get(1), 50L);
            }
            produce(fixture, 100, 200);
            try (KafkaConsumer<byte[], byte[]> consumer = Clients.consumer(fixture.bootstrap())) {
                Clients.assignFromBeginning(consumer, tps);
                List<ConsumerRecord<byte[], byte[]>> got = Clients.pollAtLeast(consumer, 200);
                assertThat(got).hasSize(200);
                for (ConsumerRecord<byte[], byte[]> r : got) {
                    int i = Integer.parseInt(Clients.text(r.value()));
                    assertThat(r.partition()).isEqualTo(i % 2);
                    assertThat(r.offset()).as("value=%d", i).isEqualTo(i / 2);
                }
            }
        }
    }

    private static void produce(ServerFixture fixture, int from, int to) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = Clients.producer(fixture.bootstrap())) {
            for (int i = from; i < to; i++) {
                producer.send(new ProducerRecord<>("durable", i % 2, null, Clients.utf8(Integer.toString(i)))).get();
            }
        }
    }

    private static Map<String, Uuid> topicIds(Admin admin) throws Exception {
        Map<String, Uuid> ids = new TreeMap<>();
        admin.describeTopics(List.of("durable", "configured")).allTopicNames().get()
                .forEach((name, description) -> ids.put(name, description.topicId()));
        return ids;
    }
}
