package dev.millrace.examples.wordcount;

import dev.millrace.common.serialization.Serdes;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.StreamsBuilder;
import dev.millrace.streams.StreamsConfig;
import dev.millrace.streams.TestInputTopic;
import dev.millrace.streams.TestOutputTopic;
import dev.millrace.streams.TopologyTestDriver;
import dev.millrace.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class WordCountDemoTest {

    private TopologyTestDriver testDriver;
    private TestInputTopic<String, String> inputTopic;
    private TestOutputTopic<String, Long> outputTopic;

    @BeforeEach
    void setup() {
        StreamsBuilder builder = new StreamsBuilder();
        WordCountDemo.createWordCountStream(builder);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "wordcount-test");
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        testDriver = new TopologyTestDriver(builder.build(), props);
        inputTopic = testDriver.createInputTopic(WordCountDemo.INPUT_TOPIC, Serdes.String().serializer(),
                Serdes.String().serializer());
        outputTopic = testDriver.createOutputTopic(WordCountDemo.OUTPUT_TOPIC, Serdes.String().deserializer(),
                Serdes.Long().deserializer());
    }

    @AfterEach
    void tearDown() {
        testDriver.close();
    }

    @Test
    void shouldCountOneWord() {
        inputTopic.pipeInput("Hello");
        assertThat(outputTopic.readKeyValue()).isEqualTo(new KeyValue<>("hello", 1L));
        assertThat(outputTopic.isEmpty()).isTrue();
    }

    @Test
    void shouldEmitEveryUpdate() {
        inputTopic.pipeValueList(List.of("Hello World", "Hello Again"));
        assertThat(outputTopic.readKeyValuesToList()).containsExactly(KeyValue.pair("hello", 1L),
                KeyValue.pair("world", 1L), KeyValue.pair("hello", 2L), KeyValue.pair("again", 1L));
    }

    @Test
    void shouldCountWordsAcrossManyLines() {
        inputTopic.pipeValueList(List.of("Apache Kafka Streams Example", "Using Kafka Streams Test Utils",
                "Reading and Writing Kafka Topic"));
        Map<String, Long> counts = outputTopic.readKeyValuesToMap();
        assertThat(counts).containsEntry("kafka", 3L).containsEntry("streams", 2L).containsEntry("apache", 1L)
                .hasSize(11);
        KeyValueStore<String, Long> store = testDriver.getKeyValueStore(
                "KSTREAM-AGGREGATE-STATE-STORE-0000000003");
        assertThat(store.get("kafka")).isEqualTo(3L);
    }
}
