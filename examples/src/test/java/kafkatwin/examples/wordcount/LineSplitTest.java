package kafkatwin.examples.wordcount;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class LineSplitTest {

    @Test
    void shouldSplitLinesIntoWords() {
        Properties props = new Properties();
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        try (TopologyTestDriver driver = new TopologyTestDriver(LineSplit.buildTopology(), props)) {
            TestInputTopic<String, String> input = driver.createInputTopic(LineSplit.INPUT_TOPIC,
                    Serdes.String().serializer(), Serdes.String().serializer());
            TestOutputTopic<String, String> output = driver.createOutputTopic(LineSplit.OUTPUT_TOPIC,
                    Serdes.String().deserializer(), Serdes.String().deserializer());
            input.pipeInput("line-1", "all streams lead to kafka");
            assertThat(output.readValuesToList()).containsExactly("all", "streams", "lead", "to", "kafka");
            assertThat(output.isEmpty()).isTrue();
        }
    }
}
