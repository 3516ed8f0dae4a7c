package dev.millrace.examples.pipe;

import dev.millrace.common.serialization.Serdes;
import dev.millrace.streams.StreamsConfig;
import dev.millrace.streams.TestInputTopic;
import dev.millrace.streams.TestOutputTopic;
import dev.millrace.streams.TopologyTestDriver;
import dev.millrace.streams.test.TestRecord;
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
