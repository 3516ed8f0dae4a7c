package kafkatwin.examples.pipe;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipeDemoTest {

    @Test
    void shouldPipeRecordsUnchanged() {
        Properties props = new Properties();
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        try (TopologyTestDriver driver = new TopologyTestDriver(PipeDemo.buildTopology(), props)) {
            TestInputTopic<String, String> input = driver.createInputTopic(PipeDemo.INPUT_TOPIC,
                    Serdes.String().serializer(), Serdes.String().serializer());
            TestOutputTopic<String, String> output = driver.createOutputTopic(PipeDemo.OUTPUT_TOPIC,
                    Serdes.String().deserializer(), Serdes.String().deserializer());
            input.pipeInput(new TestRecord<>("k", "v", Instant.ofEpochMilli(7L)));
            assertThat(output.readRecord()).isEqualTo(new TestRecord<>("k", "v", Instant.ofEpochMilli(7L)));
            assertThatThrownBy(output::readRecord).isInstanceOf(NoSuchElementException.class);
        }
    }
}
