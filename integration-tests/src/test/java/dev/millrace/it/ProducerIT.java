package dev.millrace.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Apache Kafka's producer against one server: every acks level, every compression codec, with and
 * without idempotence, large batches and 1 MiB records, and broker timestamps for LogAppendTime
 * topics. Each test writes its own topic and reads it back with Kafka's consumer.
 */
@Tag("integration")
class ProducerIT {
    private static final int MIB = 1024 * 1024;

    @TempDir
    static Path dir;
    static ServerFixture fixture;
    static Admin admin;

    @BeforeAll
    static void start() {
        fixture = new ServerFixture(dir);
        admin = Clients.admin(fixture.bootstrap());
    }

    @AfterAll
    static void stop() {
        admin.close();
        fixture.close();
    }

    @ParameterizedTest(name = "acks={0}")
    @ValueSource(strings = {"0", "1", "all"})
    void shouldDeliverEveryRecordWithEachAcksLevel(String acks) throws Exception {
        String topic = "acks-" + acks;
        createTopic(topic, 2, Map.of());
        try (KafkaProducer<byte[], byte[]> producer = Clients.producer(fixture.bootstrap(),
                Map.of(ProducerConfig.ACKS_CONFIG, acks))) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                sent.add(producer.send(new ProducerRecord<>(topic, i % 2, null, Clients.utf8("v" + i))));
            }
            producer.flush();
            for (Future<RecordMetadata> f : sent) {
                RecordMetadata metadata = f.get();
                if (acks.equals("0")) {
                    assertThat(metadata.offset()).as("acks=0 reports no offset").isEqualTo(-1L);
                } else {
                    assertThat(metadata.offset()).isBetween(0L, 99L);
                }
            }
        }
        assertThat(readAll(topic, 2, 200)).extracting(r -> Clients.text(r.value())).hasSize(200)
                .doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "compression.type={0}")
    @ValueSource(strings = {"none", "gzip", "snappy", "lz4", "zstd"})
    void shouldRoundTripEveryCompressionType(String codec) throws Exception {
        String topic = "codec-" + codec;
        createTopic(topic, 1, Map.of());
        Random random = new Random(Clients.seed(codec.hashCode()));
        List<byte[]> values = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = Clients.producer(fixture.bootstrap(),
                Map.of(ProducerConfig.COMPRESSION_TYPE_CONFIG, codec, ProducerConfig.LINGER_MS_CONFIG, 20))) {
            for (int i = 0; i < 500; i++) {
                byte[] value = new byte[random.nextInt(300)];
                if (i % 2 == 0) {
                    random.nextBytes(value);
                } else {
                    Arrays.fill(value, (byte) 'a');
                }
                values.add(value);
                producer.send(new ProducerRecord<>(topic, Clients.utf8("k" + i), value));
            }
            producer.flush();
        }
        List<ConsumerRecord<byte[], byte[]>> got = readAll(topic, 1, values.size());
        assertThat(got).hasSize(values.size());
        for (int i = 0; i < values.size(); i++) {
            assertThat(got.get(i).offset()).isEqualTo(i);
            assertThat(got.get(i).value()).as("codec=%s index=%d", codec, i).isEqualTo(values.get(i));
        }
    }

    @ParameterizedTest(name = "enable.idempotence={0}")
    @ValueSource(booleans = {true, false})
    void shouldWriteContiguousOffsetsWithAndWithoutIdempotence(boolean idempotent) throws Exception {
        String topic = "idempotent-" + idempotent;
        createTopic(topic, 1, Map.of());
        try (KafkaProducer<byte[], byte[]> producer = Clients.producer(fixture.bootstrap(),
                Map.of(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, idempotent,
                        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                        ProducerConfig.BATCH_SIZE_CONFIG, 512))) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                sent.add(producer.send(new ProducerRecord<>(topic, Clients.utf8("value-" + i))));
            }
            producer.flush();
            for (int i = 0; i < sent.size(); i++) {
                assertThat(sent.get(i).get().offset()).isEqualTo(i);
            }
        }
        List<ConsumerRecord<byte[], byte[]>> got = readAll(topic, 1, 1000);
        assertThat(got).hasSize(1000);
        for (int i = 0; i < got.size(); i++) {
            assertThat(Clients.text(got.get(i).value())).isEqualTo("value-" + i);
        }
    }

    @Test
    void shouldAcceptLargeLingeringBatches() throws Exception {
        createTopic("big-batches", 2, Map.of());
        int count = 20_000;
        try (KafkaProducer<byte[], byte[]> producer = Clients.producer(fixture.bootstrap(),
                Map.of(ProducerConfig.BATCH_SIZE_CONFIG, MIB, ProducerConfig.LINGER_MS_CONFIG, 100,
                        ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"))) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>("big-batches", i % 2, null, Clients.utf8("payload-" + i)));
            }
            producer.flush();
        }
        List<ConsumerRecord<byte[], byte[]>> got = readAll("big-batches", 2, count);
        assertThat(got).hasSize(count);
        assertContiguousFromZero(got);
    }

    @Test
    void shouldRoundTripOneMebibyteRecords() throws Exception {
        int limit = 3 * MIB;
        createTopic("huge-records", 1, Map.of("max.message.bytes", Integer.toString(limit)));
        Random random = new Random(Clients.seed(42));
        List<byte[]> values = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = Clients.producer(fixture.bootstrap(),
                Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, limit, ProducerConfig.BATCH_SIZE_CONFIG, MIB))) {
            for (int i = 0; i < 4; i++) {
                byte[] value = new byte[MIB];
                random.nextBytes(value);
                values.add(value);
                assertThat(producer.send(new ProducerRecord<>("huge-records", value)).get().offset()).isEqualTo(i);
            }
        }
        List<ConsumerRecord<byte[], byte[]>> got = readAll("huge-records", 1, values.size());
        assertThat(got).hasSize(values.size());
        for (int i = 0; i < values.size(); i++) {
            assertThat(got.get(i).value()).as("index=%d", i).isEqualTo(values.get(i));
        }
    }

    @Test
    void shouldStampBrokerTimeOnLogAppendTimeTopics() throws Exception {
        createTopic("append-time", 1, Map.of("message.timestamp.type", "LogAppendTime"));
        long before = System.currentTimeMillis();
        RecordMetadata metadata;
        try (KafkaProducer<byte[], byte[]> producer = Clients.producer(fixture.bootstrap())) {
            metadata = producer.send(new ProducerRecord<>("append-time", 0, 1234L, null, Clients.utf8("v"))).get();
        }
        long after = System.currentTimeMillis();
        assertThat(metadata.timestamp()).isBetween(before, after);
        ConsumerRecord<byte[], byte[]> record = readAll("append-time", 1, 1).get(0);
        assertThat(record.timestampType()).isEqualTo(TimestampType.LOG_APPEND_TIME);
        assertThat(record.timestamp()).isEqualTo(metadata.timestamp());
    }

    private static void assertContiguousFromZero(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<Integer, Long> next = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            long expected = next.getOrDefault(r.partition(), 0L);
            assertThat(r.offset()).as("partition=%d", r.partition()).isEqualTo(expected);
            next.put(r.partition(), expected + 1);
        }
    }

    private static void createTopic(String name, int partitions, Map<String, String> configs) throws Exception {
        admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs))).all().get();
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int partitions, int count) {
        List<TopicPartition> tps = Clients.partitions(topic, partitions);
        try (KafkaConsumer<byte[], byte[]> consumer = Clients.consumer(fixture.bootstrap())) {
            Clients.assignFromBeginning(consumer, tps);
            return Clients.pollAtLeast(consumer, count);
        }
    }
}
