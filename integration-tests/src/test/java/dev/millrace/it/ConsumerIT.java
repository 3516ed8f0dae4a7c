package dev.millrace.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apache Kafka's consumer with {@code assign} and {@code seek} (no groups): byte-exact read-back of
 * keys, values, headers and timestamps, offset lookups, long-poll wake-up, read_committed.
 */
@Tag("integration")
class ConsumerIT {
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

    @Test
    void shouldReadBackEveryRecordByteExact() throws Exception {
        long seed = Clients.seed(20_240_611L);
        Random random = new Random(seed);
        createTopic("exact", 3, Map.of());
        long baseTime = System.currentTimeMillis() - 3_600_000L;
        Map<Integer, List<ProducerRecord<byte[], byte[]>>> sent = new HashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = Clients.producer(fixture.bootstrap(),
                Map.of(ProducerConfig.LINGER_MS_CONFIG, 5))) {
            for (int i = 0; i < 600; i++) {
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>("exact", random.nextInt(3),
                        baseTime + random.nextInt(1_000_000), randomBytesOrNull(random, 40),
                        randomBytesOrNull(random, 500), randomHeaders(random));
                sent.computeIfAbsent(record.partition(), p -> new ArrayList<>()).add(record);
                producer.send(record);
            }
            producer.flush();
        }
        List<ConsumerRecord<byte[], byte[]>> got = readAll("exact", 3, 600, Map.of());
        assertThat(got).as("seed=%d", seed).hasSize(600);
        Map<Integer, Integer> index = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : got) {
            int i = index.merge(r.partition(), 1, Integer::sum) - 1;
            ProducerRecord<byte[], byte[]> expected = sent.get(r.partition()).get(i);
            String where = "seed=" + seed + " partition=" + r.partition() + " offset=" + r.offset();
            assertThat(r.offset()).as(where).isEqualTo(i);
            assertThat(r.key()).as(where).isEqualTo(expected.key());
            assertThat(r.value()).as(where).isEqualTo(expected.value());
            assertThat(r.timestamp()).as(where).isEqualTo(expected.timestamp());
            assertThat(r.timestampType()).as(where).isEqualTo(TimestampType.CREATE_TIME);
            assertThat(headerList(r.headers().toArray())).as(where)
                    .isEqualTo(headerList(expected.headers().toArray()));
        }
    }

    @Test
    void shouldFindOffsetsByTimestampAndLogBounds() throws Exception {
        createTopic("timed", 1, Map.of());
        TopicPartition tp = new TopicPartition("timed", 0);
        long base = System.currentTimeMillis() - 100_000L;
        try (KafkaProducer<byte[], byte[]> producer = Clients.producer(fixture.bootstrap())) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>("timed", 0, base + i * 1000L, null, Clients.utf8("v" + i)));
            }
            producer.flush();
        }
        try (KafkaConsumer<byte[], byte[]> consumer = Clients.consumer(fixture.bootstrap())) {
            assertThat(consumer.beginningOffsets(List.of(tp))).containsEntry(tp, 0L);
            assertThat(consumer.endOffsets(List.of(tp))).containsEntry(tp, 10L);
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(Map.of(tp, base + 2500L));
            assertThat(found.get(tp).offset()).isEqualTo(3L);
            assertThat(found.get(tp).timestamp()).isEqualTo(base + 3000L);
            assertThat(consumer.offsetsForTimes(Map.of(tp, base)).get(tp).offset()).isZero();
            assertThat(consumer.offsetsForTimes(Map.of(tp, base + 9000L)).get(tp).offset()).isEqualTo(9L);
            assertThat(consumer.offsetsForTimes(Map.of(tp, base + 9001L)).get(tp)).isNull();

            consumer.assign(List.of(tp));
            consumer.seek(tp, found.get(tp).offset());
            List<ConsumerRecord<byte[], byte[]>> got = Clients.pollAtLeast(consumer, 7);
            assertThat(got).extracting(ConsumerRecord::offset).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L);
        }
    }

    @Test
    void shouldWakeLongPollWhenDataArrivesAfterSeekToEnd() throws Exception {
        createTopic("tail", 1, Map.of());
        TopicPartition tp = new TopicPartition("tail", 0);
        int maxWaitMs = 20_000;
        KafkaConsumer<byte[], byte[]> consumer = Clients.consumer(fixture.bootstrap(),
                Map.of(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, maxWaitMs));
        try (KafkaProducer<byte[], byte[]> producer = Clients.producer(fixture.bootstrap())) {
            producer.send(new ProducerRecord<>("tail", Clients.utf8("old"))).get();
            consumer.assign(List.of(tp));
            consumer.seekToEnd(List.of(tp));
            assertThat(consumer.position(tp)).isEqualTo(1L);
            assertThat(consumer.poll(Duration.ofMillis(300))).isEmpty();

            producer.send(new ProducerRecord<>("tail", Clients.utf8("new"))).get();
            long sentAt = System.nanoTime();
            List<ConsumerRecord<byte[], byte[]>> got = Clients.pollAtLeast(consumer, 1);
            long waitedMs = (System.nanoTime() - sentAt) / 1_000_000;
            assertThat(got).singleElement().satisfies(r -> {
                assertThat(r.offset()).isEqualTo(1L);
                assertThat(Clients.text(r.value())).isEqualTo("new");
            });
            assertThat(waitedMs).as("the parked fetch answered on append, not at fetch.max.wait.ms")
                    .isLessThan(maxWaitMs / 2);
        } finally {
            // The consumer has parked its next fetch for maxWaitMs; closing must not wait for it.
            consumer.close(CloseOptions.timeout(Duration.ZERO));
        }
    }

    @Test
    void shouldCloseConsumerPromptlyWhenNoFetchIsInFlight() throws Exception {
        createTopic("buffered", 1, Map.of());
        int maxWaitMs = 20_000;
        try (KafkaProducer<byte[], byte[]> producer = Clients.producer(fixture.bootstrap())) {
            producer.send(new ProducerRecord<>("buffered", Clients.utf8("a")));
            producer.send(new ProducerRecord<>("buffered", Clients.utf8("b")));
            producer.flush();
        }
        KafkaConsumer<byte[], byte[]> consumer = Clients.consumer(fixture.bootstrap(),
                Map.of(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, maxWaitMs, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1));
        // With the second record still buffered the consumer sends no further fetch before close.
        Clients.assignFromBeginning(consumer, Clients.partitions("buffered", 1));
        assertThat(Clients.pollAtLeast(consumer, 1)).hasSize(1);
        long start = System.nanoTime();
        consumer.close();
        long closeMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(closeMs).as("close waits for the empty session-closing fetch").isLessThan(maxWaitMs / 2);
    }

    @Test
    void shouldAcceptReadCommittedIsolation() throws Exception {
        createTopic("committed", 2, Map.of());
        try (KafkaProducer<byte[], byte[]> producer = Clients.producer(fixture.bootstrap())) {
            for (int i = 0; i < 20; i++) {
                producer.send(new ProducerRecord<>("committed", i % 2, null, Clients.utf8("v" + i)));
            }
            producer.flush();
        }
        Map<String, Object> readCommitted = Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<TopicPartition> tps = Clients.partitions("committed", 2);
        try (KafkaConsumer<byte[], byte[]> consumer = Clients.consumer(fixture.bootstrap(), readCommitted)) {
            assertThat(consumer.endOffsets(tps)).containsEntry(tps.get(0), 10L).containsEntry(tps.get(1), 10L);
        }
        List<ConsumerRecord<byte[], byte[]>> got = readAll("committed", 2, 20, readCommitted);
        assertThat(got).hasSize(20);
    }

    private static byte[] randomBytesOrNull(Random random, int maxLength) {
        if (random.nextInt(10) == 0) {
            return null;
        }
        byte[] bytes = new byte[random.nextInt(maxLength + 1)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static List<Header> randomHeaders(Random random) {
        List<Header> headers = new ArrayList<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            headers.add(new RecordHeader("h" + random.nextInt(3), randomBytesOrNull(random, 20)));
        }
        return headers;
    }

    /** Headers as comparable (key, hex value) strings, order and duplicates kept. */
    private static List<String> headerList(Header[] headers) {
        List<String> out = new ArrayList<>();
        for (Header h : headers) {
            out.add(h.key() + "=" + (h.value() == null ? "null" : HexFormat.of().formatHex(h.value())));
        }
        return out;
    }

    private static void createTopic(String name, int partitions, Map<String, String> configs) throws Exception {
        admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs))).all().get();
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int partitions, int count,
                                                                Map<String, Object> overrides) {
        try (KafkaConsumer<byte[], byte[]> consumer = Clients.consumer(fixture.bootstrap(), overrides)) {
            Clients.assignFromBeginning(consumer, Clients.partitions(topic, partitions));
            return Clients.pollAtLeast(consumer, count);
        }
    }
}
