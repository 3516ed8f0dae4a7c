package dev.millrace.streams;

import dev.millrace.common.header.Header;
import dev.millrace.common.header.RecordHeaders;
import dev.millrace.common.serialization.StringDeserializer;
import dev.millrace.common.serialization.StringSerializer;
import dev.millrace.streams.test.TestRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestInputTopicTest {

    private static final String INPUT = "input";
    private static final String OUTPUT = "output";
    private static final Instant START = Instant.ofEpochMilli(1_000_000L);

    private TopologyTestDriver driver;
    private TestOutputTopic<String, String> output;

    @BeforeEach
    void createDriver() {
        driver = new TopologyTestDriver(new Topology().addSource("source", INPUT).addSink("sink", OUTPUT, "source"),
                byteArraySerdes());
        output = driver.createOutputTopic(OUTPUT, new StringDeserializer(), new StringDeserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private TestInputTopic<String, String> input(Instant start, Duration autoAdvance) {
        return driver.createInputTopic(INPUT, new StringSerializer(), new StringSerializer(), start, autoAdvance);
    }

    private List<Long> outputTimestamps() {
        List<Long> timestamps = new ArrayList<>();
        for (TestRecord<String, String> record : output.readRecordsToList()) {
            timestamps.add(record.timestamp());
        }
        return timestamps;
    }

    @Test
    void shouldStampRecordsWithoutTimeWithStartTimeAndAutoAdvance() {
        TestInputTopic<String, String> input = input(START, Duration.ofMillis(10));

        input.pipeInput("v1");
        input.pipeInput("k2", "v2");
        input.pipeInput(new TestRecord<>("k3", "v3"));

        assertThat(outputTimestamps()).containsExactly(1_000_000L, 1_000_010L, 1_000_020L);
    }

    @Test
    void shouldKeepEachRecordsOwnTimeWithoutMovingTheTopicTime() {
        TestInputTopic<String, String> input = input(START, Duration.ofMillis(10));

        input.pipeInput("k", "v", Instant.ofEpochMilli(5L));
        input.pipeInput("k", "v", 7L);
        input.pipeInput("v", Instant.ofEpochMilli(9L));
        input.pipeInput(new TestRecord<>("k", "v", null, 11L));
        input.pipeInput("untimed");

        assertThat(outputTimestamps()).containsExactly(5L, 7L, 9L, 11L, 1_000_000L);
    }

    @Test
    void shouldUseTheSameTimeForEveryRecordWithoutAutoAdvance() {
        TestInputTopic<String, String> input =
                driver.createInputTopic(INPUT, new StringSerializer(), new StringSerializer());

        input.pipeInput("v1");
        input.pipeInput("v2");

        List<Long> timestamps = outputTimestamps();
        assertThat(timestamps).hasSize(2);
        assertThat(timestamps.get(1)).isEqualTo(timestamps.get(0));
    }

    @Test
    void shouldMoveTheTopicTimeOnAdvanceTime() {
        TestInputTopic<String, String> input = input(START, Duration.ZERO);

        input.pipeInput("v1");
        input.advanceTime(Duration.ofSeconds(2));
        input.pipeInput("v2");
        input.advanceTime(Duration.ZERO);
        input.pipeInput("v3");

        assertThat(outputTimestamps()).containsExactly(1_000_000L, 1_002_000L, 1_002_000L);
    }

    @Test
    void shouldRejectNegativeAdvance() {
        TestInputTopic<String, String> input = input(START, Duration.ZERO);

        assertThatThrownBy(() -> input.advanceTime(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("advance must be positive");
    }

    @Test
    void shouldRejectNegativeAutoAdvance() {
        assertThatThrownBy(() -> input(START, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("autoAdvance must be positive");
    }

    @Test
    void shouldRejectNullConstructorArguments() {
        StringSerializer serializer = new StringSerializer();
        assertThatThrownBy(() -> driver.createInputTopic(null, serializer, serializer, START, Duration.ZERO))
                .isInstanceOf(NullPointerException.class).hasMessage("topicName cannot be null");
        assertThatThrownBy(() -> driver.createInputTopic(INPUT, null, serializer, START, Duration.ZERO))
                .isInstanceOf(NullPointerException.class).hasMessage("keySerializer cannot be null");
        assertThatThrownBy(() -> driver.createInputTopic(INPUT, serializer, null, START, Duration.ZERO))
                .isInstanceOf(NullPointerException.class).hasMessage("valueSerializer cannot be null");
        assertThatThrownBy(() -> driver.createInputTopic(INPUT, serializer, serializer, null, Duration.ZERO))
                .isInstanceOf(NullPointerException.class).hasMessage("startTimestamp cannot be null");
        assertThatThrownBy(() -> driver.createInputTopic(INPUT, serializer, serializer, START, null))
                .isInstanceOf(NullPointerException.class).hasMessage("autoAdvance cannot be null");
    }

    @Test
    void shouldRejectNegativeTimestampMs() {
        TestInputTopic<String, String> input = input(START, Duration.ZERO);

        assertThatThrownBy(() -> input.pipeInput("k", "v", -1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid timestamp: -1");
    }

    @Test
    void shouldPipeValueListWithNullKeysAtAutoAdvancedTimes() {
        TestInputTopic<String, String> input = input(START, Duration.ofMillis(1));

        input.pipeValueList(List.of("a", "b", "c"));

        List<TestRecord<String, String>> records = output.readRecordsToList();
        assertThat(records).extracting(TestRecord::key).containsOnlyNulls();
        assertThat(records).extracting(TestRecord::value).containsExactly("a", "b", "c");
        assertThat(records).extracting(TestRecord::timestamp).containsExactly(1_000_000L, 1_000_001L, 1_000_002L);
    }

    @Test
    void shouldPipeListsFromAGivenStartWithoutMovingTheTopicTime() {
        TestInputTopic<String, String> input = input(START, Duration.ZERO);

        input.pipeKeyValueList(List.of(KeyValue.pair("k1", "v1"), KeyValue.pair("k2", "v2")),
                Instant.ofEpochMilli(100L), Duration.ofMillis(5));
        input.pipeValueList(List.of("v3", "v4"), Instant.ofEpochMilli(200L), Duration.ofMillis(50));
        input.pipeInput("v5");

        List<TestRecord<String, String>> records = output.readRecordsToList();
        assertThat(records).extracting(TestRecord::key).containsExactly("k1", "k2", null, null, null);
        assertThat(records).extracting(TestRecord::timestamp).containsExactly(100L, 105L, 200L, 250L, 1_000_000L);
    }

    @Test
    void shouldPipeKeyValueAndRecordListsInOrder() {
        TestInputTopic<String, String> input = input(START, Duration.ofMillis(3));

        input.pipeKeyValueList(List.of(KeyValue.pair("k1", "v1"), KeyValue.pair("k2", "v2")));
        input.pipeRecordList(List.of(new TestRecord<>("k3", "v3", Instant.ofEpochMilli(42L)),
                new TestRecord<>("k4", "v4")));

        assertThat(output.readKeyValuesToList()).containsExactly(KeyValue.pair("k1", "v1"),
                KeyValue.pair("k2", "v2"), KeyValue.pair("k3", "v3"), KeyValue.pair("k4", "v4"));
        input.pipeInput("k5", "v5");
        assertThat(output.readRecord().timestamp()).isEqualTo(1_000_009L);
    }

    @Test
    void shouldPassHeadersThrough() {
        TestInputTopic<String, String> input = input(START, Duration.ZERO);
        RecordHeaders headers = new RecordHeaders();
        headers.add("h", "x".getBytes(StandardCharsets.UTF_8));

        input.pipeInput(new TestRecord<>("k", "v", headers));

        TestRecord<String, String> record = output.readRecord();
        Header header = record.headers().lastHeader("h");
        assertThat(header).isNotNull();
        assertThat(new String(header.value(), StandardCharsets.UTF_8)).isEqualTo("x");
    }

    @Test
    void shouldRenderLikeKafka() {
        org.apache.kafka.streams.Topology kafkaTopology = new org.apache.kafka.streams.Topology();
        kafkaTopology.addSource("source", INPUT).addSink("sink", OUTPUT, "source");
        try (org.apache.kafka.streams.TopologyTestDriver kafka =
                     new org.apache.kafka.streams.TopologyTestDriver(kafkaTopology, byteArrayDefaults())) {
            org.apache.kafka.streams.TestInputTopic<String, String> kafkaInput = kafka.createInputTopic(INPUT,
                    new org.apache.kafka.common.serialization.StringSerializer(),
                    new org.apache.kafka.common.serialization.StringSerializer());

            assertThat(input(START, Duration.ZERO).toString()).isEqualTo(kafkaInput.toString());
        }
    }

    @Test
    void shouldAssignTheSameTimesAsKafkaForRandomOperationSequences() {
        long baseSeed = Long.getLong("millrace.seed", 20_260_101L);
        for (int round = 0; round < 40; round++) {
            long seed = baseSeed + round;
            closeDriver();
            createDriver();
            TimingComparison comparison = new TimingComparison(seed);
            try {
                assertThat(comparison.ours(driver, output)).as("seed=%d", seed).isEqualTo(comparison.kafka());
            } finally {
                comparison.close();
            }
        }
    }

    /** Default serdes for the pass-through topology: bytes in, the same bytes out. */
    private static Properties byteArraySerdes() {
        Properties properties = new Properties();
        properties.put("default.key.serde", dev.millrace.common.serialization.Serdes.ByteArraySerde.class);
        properties.put("default.value.serde", dev.millrace.common.serialization.Serdes.ByteArraySerde.class);
        return properties;
    }

    /** The same for Kafka's driver. */
    private static Properties byteArrayDefaults() {
        Properties properties = new Properties();
        properties.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        properties.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        return properties;
    }

    /**
     * Replays one seeded sequence of pipe and advance operations on our input topic and on Kafka's, and renders
     * what reached the output topic as "key/value@timestamp" lines.
     */
    private static final class TimingComparison implements AutoCloseable {
        private final long seed;
        private final org.apache.kafka.streams.TopologyTestDriver kafkaDriver;

        TimingComparison(long seed) {
            this.seed = seed;
            org.apache.kafka.streams.Topology topology = new org.apache.kafka.streams.Topology();
            topology.addSource("source", INPUT).addSink("sink", OUTPUT, "source");
            this.kafkaDriver = new org.apache.kafka.streams.TopologyTestDriver(topology, byteArrayDefaults());
        }

        List<String> ours(TopologyTestDriver ourDriver, TestOutputTopic<String, String> ourOutput) {
            Random random = new Random(seed);
            Instant start = Instant.ofEpochMilli(random.nextInt(1_000_000));
            Duration autoAdvance = Duration.ofMillis(random.nextInt(4));
            TestInputTopic<String, String> input = ourDriver.createInputTopic(INPUT, new StringSerializer(),
                    new StringSerializer(), start, autoAdvance);
            int operations = 1 + random.nextInt(30);
            for (int i = 0; i < operations; i++) {
                int op = random.nextInt(9);
                String key = "k" + i;
                String value = "v" + i;
                long time = random.nextInt(2_000_000);
                long step = random.nextInt(5);
                switch (op) {
                    case 0 -> input.pipeInput(value);
                    case 1 -> input.pipeInput(key, value);
                    case 2 -> input.pipeInput(key, value, Instant.ofEpochMilli(time));
                    case 3 -> input.pipeInput(key, value, time);
                    case 4 -> input.pipeInput(value, Instant.ofEpochMilli(time));
                    case 5 -> input.advanceTime(Duration.ofMillis(step));
                    case 6 -> input.pipeValueList(List.of(value, value + "b"));
                    case 7 -> input.pipeKeyValueList(List.of(KeyValue.pair(key, value), KeyValue.pair(key, "x")),
                            Instant.ofEpochMilli(time), Duration.ofMillis(step));
                    default -> input.pipeRecordList(List.of(new TestRecord<>(key, value),
                            new TestRecord<>(key, value, Instant.ofEpochMilli(time))));
                }
            }
            List<String> lines = new ArrayList<>();
            for (TestRecord<String, String> record : ourOutput.readRecordsToList()) {
                lines.add(record.key() + "/" + record.value() + "@" + record.timestamp());
            }
            return lines;
        }

        List<String> kafka() {
            Random random = new Random(seed);
            Instant start = Instant.ofEpochMilli(random.nextInt(1_000_000));
            Duration autoAdvance = Duration.ofMillis(random.nextInt(4));
            org.apache.kafka.streams.TestInputTopic<String, String> input = kafkaDriver.createInputTopic(INPUT,
                    new org.apache.kafka.common.serialization.StringSerializer(),
                    new org.apache.kafka.common.serialization.StringSerializer(), start, autoAdvance);
            int operations = 1 + random.nextInt(30);
            for (int i = 0; i < operations; i++) {
                int op = random.nextInt(9);
                String key = "k" + i;
                String value = "v" + i;
                long time = random.nextInt(2_000_000);
                long step = random.nextInt(5);
                switch (op) {
                    case 0 -> input.pipeInput(value);
                    case 1 -> input.pipeInput(key, value);
                    case 2 -> input.pipeInput(key, value, Instant.ofEpochMilli(time));
                    case 3 -> input.pipeInput(key, value, time);
                    case 4 -> input.pipeInput(value, Instant.ofEpochMilli(time));
                    case 5 -> input.advanceTime(Duration.ofMillis(step));
                    case 6 -> input.pipeValueList(List.of(value, value + "b"));
                    case 7 -> input.pipeKeyValueList(List.of(org.apache.kafka.streams.KeyValue.pair(key, value),
                            org.apache.kafka.streams.KeyValue.pair(key, "x")),
                            Instant.ofEpochMilli(time), Duration.ofMillis(step));
                    default -> input.pipeRecordList(List.of(new org.apache.kafka.streams.test.TestRecord<>(key, value),
                            new org.apache.kafka.streams.test.TestRecord<>(key, value, Instant.ofEpochMilli(time))));
                }
            }
            org.apache.kafka.streams.TestOutputTopic<String, String> output = kafkaDriver.createOutputTopic(OUTPUT,
                    new org.apache.kafka.common.serialization.StringDeserializer(),
                    new org.apache.kafka.common.serialization.StringDeserializer());
            List<String> lines = new ArrayList<>();
            for (org.apache.kafka.streams.test.TestRecord<String, String> record : output.readRecordsToList()) {
                lines.add(record.key() + "/" + record.value() + "@" + record.timestamp());
            }
            return lines;
        }

        @Override
        public void close() {
            kafkaDriver.close();
        }
    }
}
