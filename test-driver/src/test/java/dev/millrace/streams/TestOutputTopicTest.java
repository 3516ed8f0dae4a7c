package dev.millrace.streams;

import dev.millrace.common.serialization.StringDeserializer;
import dev.millrace.common.serialization.StringSerializer;
import dev.millrace.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestOutputTopicTest {

    private static final String INPUT = "input";
    private static final String OUTPUT = "output";
    private static final Instant START = Instant.ofEpochMilli(500L);

    private TopologyTestDriver driver;
    private TestInputTopic<String, String> input;
    private TestOutputTopic<String, String> output;

    @BeforeEach
    void createDriver() {
        driver = new TopologyTestDriver(new Topology().addSource("source", INPUT).addSink("sink", OUTPUT, "source"),
                byteArraySerdes());
        input = driver.createInputTopic(INPUT, new StringSerializer(), new StringSerializer(), START,
                Duration.ofMillis(1));
        output = driver.createOutputTopic(OUTPUT, new StringDeserializer(), new StringDeserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    /** Default serdes for the pass-through topology: bytes in, the same bytes out. */
    private static Properties byteArraySerdes() {
        Properties properties = new Properties();
        properties.put("default.key.serde", dev.millrace.common.serialization.Serdes.ByteArraySerde.class);
        properties.put("default.value.serde", dev.millrace.common.serialization.Serdes.ByteArraySerde.class);
        return properties;
    }

    private static Properties kafkaByteArraySerdes() {
        Properties properties = new Properties();
        properties.put("default.key.serde", org.apache.kafka.common.serialization.Serdes.ByteArraySerde.class);
        properties.put("default.value.serde", org.apache.kafka.common.serialization.Serdes.ByteArraySerde.class);
        return properties;
    }

    @Test
    void shouldReadSingleRecordsInOrder() {
        input.pipeInput("k1", "v1");
        input.pipeInput("k2", "v2");
        input.pipeInput("k3", "v3");

        assertThat(output.readValue()).isEqualTo("v1");
        assertThat(output.readKeyValue()).isEqualTo(KeyValue.pair("k2", "v2"));
        TestRecord<String, String> third = output.readRecord();
        assertThat(third.key()).isEqualTo("k3");
        assertThat(third.value()).isEqualTo("v3");
        assertThat(third.getRecordTime()).isEqualTo(START.plusMillis(2));
        assertThat(output.isEmpty()).isTrue();
    }

    @Test
    void shouldThrowNoSuchElementWhenReadingATopicNothingWasWrittenTo() {
        assertThatThrownBy(() -> output.readValue()).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> output.readRecord()).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void shouldThrowNoSuchElementWhenReadingADrainedTopic() {
        input.pipeInput("k", "v");
        output.readValue();

        assertThatThrownBy(() -> output.readValue())
                .isInstanceOf(NoSuchElementException.class).hasMessage("Empty topic: " + OUTPUT);
        assertThatThrownBy(() -> output.readKeyValue())
                .isInstanceOf(NoSuchElementException.class).hasMessage("Empty topic: " + OUTPUT);
        assertThatThrownBy(() -> output.readRecord())
                .isInstanceOf(NoSuchElementException.class).hasMessage("Empty topic: " + OUTPUT);
    }

    @Test
    void shouldReturnEmptyCollectionsForAnEmptyTopic() {
        assertThat(output.readValuesToList()).isEmpty();
        assertThat(output.readKeyValuesToList()).isEmpty();
        assertThat(output.readRecordsToList()).isEmpty();
        assertThat(output.readKeyValuesToMap()).isEmpty();
    }

    @Test
    void shouldTrackQueueSizeAsRecordsAreRead() {
        assertThat(output.getQueueSize()).isZero();
        assertThat(output.isEmpty()).isTrue();

        input.pipeValueList(List.of("a", "b", "c"));

        assertThat(output.getQueueSize()).isEqualTo(3);
        assertThat(output.isEmpty()).isFalse();
        output.readValue();
        assertThat(output.getQueueSize()).isEqualTo(2);
        output.readValuesToList();
        assertThat(output.getQueueSize()).isZero();
        assertThat(output.isEmpty()).isTrue();
    }

    @Test
    void shouldDrainValuesKeyValuesAndRecordsToLists() {
        input.pipeKeyValueList(List.of(KeyValue.pair("k1", "v1"), KeyValue.pair("k2", "v2")));
        assertThat(output.readValuesToList()).containsExactly("v1", "v2");

        input.pipeKeyValueList(List.of(KeyValue.pair("k3", "v3"), KeyValue.pair(null, "v4")));
        assertThat(output.readKeyValuesToList()).containsExactly(KeyValue.pair("k3", "v3"), KeyValue.pair(null, "v4"));

        input.pipeInput("k5", "v5", Instant.ofEpochMilli(9L));
        input.pipeInput("k6", null, Instant.ofEpochMilli(10L));
        assertThat(output.readRecordsToList()).containsExactly(
                new TestRecord<>("k5", "v5", null, Instant.ofEpochMilli(9L)),
                new TestRecord<>("k6", null, null, Instant.ofEpochMilli(10L)));
        assertThat(output.isEmpty()).isTrue();
    }

    @Test
    void shouldKeepTheLatestValuePerKeyInTheMap() {
        input.pipeKeyValueList(List.of(KeyValue.pair("a", "1"), KeyValue.pair("b", "2"), KeyValue.pair("a", "3"),
                KeyValue.pair("c", "4"), KeyValue.pair("c", null)));

        Map<String, String> expected = new HashMap<>();
        expected.put("a", "3");
        expected.put("b", "2");
        expected.put("c", null);
        assertThat(output.readKeyValuesToMap()).isEqualTo(expected);
    }

    @Test
    void shouldRejectNullKeysInReadKeyValuesToMap() {
        input.pipeInput("a", "1");
        input.pipeInput("v");
        input.pipeInput("b", "2");

        assertThatThrownBy(() -> output.readKeyValuesToMap())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Null keys not allowed with readKeyValuesToMap method");
        assertThat(output.readKeyValue()).isEqualTo(KeyValue.pair("b", "2"));
    }

    @Test
    void shouldShareOneQueueBetweenOutputTopicsOfTheSameName() {
        TestOutputTopic<String, String> second =
                driver.createOutputTopic(OUTPUT, new StringDeserializer(), new StringDeserializer());
        input.pipeValueList(List.of("a", "b"));

        assertThat(output.readValue()).isEqualTo("a");
        assertThat(second.getQueueSize()).isEqualTo(1);
        assertThat(second.readValue()).isEqualTo("b");
        assertThat(output.isEmpty()).isTrue();
    }

    @Test
    void shouldRejectNullConstructorArguments() {
        StringDeserializer deserializer = new StringDeserializer();
        assertThatThrownBy(() -> driver.createOutputTopic(null, deserializer, deserializer))
                .isInstanceOf(NullPointerException.class).hasMessage("topicName cannot be null");
        assertThatThrownBy(() -> driver.createOutputTopic(OUTPUT, null, deserializer))
                .isInstanceOf(NullPointerException.class).hasMessage("keyDeserializer cannot be null");
        assertThatThrownBy(() -> driver.createOutputTopic(OUTPUT, deserializer, null))
                .isInstanceOf(NullPointerException.class).hasMessage("valueDeserializer cannot be null");
    }

    @Test
    void shouldRenderLikeKafka() {
        org.apache.kafka.streams.Topology kafkaTopology = new org.apache.kafka.streams.Topology();
        kafkaTopology.addSource("source", INPUT).addSink("sink", OUTPUT, "source");
        try (org.apache.kafka.streams.TopologyTestDriver kafka = new org.apache.kafka.streams.TopologyTestDriver(
                kafkaTopology, kafkaByteArraySerdes())) {
            org.apache.kafka.streams.TestInputTopic<String, String> kafkaInput = kafka.createInputTopic(INPUT,
                    new org.apache.kafka.common.serialization.StringSerializer(),
                    new org.apache.kafka.common.serialization.StringSerializer());
            org.apache.kafka.streams.TestOutputTopic<String, String> kafkaOutput = kafka.createOutputTopic(OUTPUT,
                    new org.apache.kafka.common.serialization.StringDeserializer(),
                    new org.apache.kafka.common.serialization.StringDeserializer());
            kafkaInput.pipeValueList(List.of("a", "b"));
            input.pipeValueList(List.of("a", "b"));

            assertThat(output.toString()).isEqualTo(kafkaOutput.toString()).endsWith("size=2]");
        }
    }
}
