package kafkatwin.examples.wordcount;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class WordCountProcessorDemoTest {

    private TopologyTestDriver testDriver;
    private TestInputTopic<String, String> inputTopic;
    private TestOutputTopic<String, String> outputTopic;

    @BeforeEach
    void setup() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "wordcount-processor-test");
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        testDriver = new TopologyTestDriver(WordCountProcessorDemo.buildTopology(), props,
                Instant.ofEpochMilli(0L));
        inputTopic = testDriver.createInputTopic(WordCountProcessorDemo.INPUT_TOPIC,
                Serdes.String().serializer(), Serdes.String().serializer(), Instant.ofEpochMilli(0L),
                Duration.ofMillis(400));
        outputTopic = testDriver.createOutputTopic(WordCountProcessorDemo.OUTPUT_TOPIC,
                Serdes.String().deserializer(), Serdes.String().deserializer());
    }

    @AfterEach
    void tearDown() {
        testDriver.close();
    }

    @Test
    void shouldEmitCountsOnEachStreamTimeSecond() {
        inputTopic.pipeInput("Hello Kafka Streams");
        assertThat(outputTopic.readKeyValuesToList()).containsExactly(KeyValue.pair("hello", "1"),
                KeyValue.pair("kafka", "1"), KeyValue.pair("streams", "1"));
        inputTopic.pipeInput("All streams lead to Kafka");
        inputTopic.pipeInput("Join Kafka Summit");
        assertThat(outputTopic.isEmpty()).isTrue();
        inputTopic.pipeInput("Kafka");
        assertThat(outputTopic.readKeyValuesToMap()).containsEntry("kafka", "4").containsEntry("streams", "2")
                .containsEntry("summit", "1").hasSize(8);
    }

    @Test
    void shouldKeepCountsInTheStore() {
        inputTopic.pipeInput("a b a");
        KeyValueStore<String, Integer> counts = testDriver.getKeyValueStore("Counts");
        assertThat(counts.get("a")).isEqualTo(2);
        assertThat(counts.get("b")).isEqualTo(1);
        assertThat(counts.get("c")).isNull();
    }
}
