package dev.millrace.streams;

import dev.millrace.common.Metric;
import dev.millrace.common.MetricName;
import dev.millrace.common.serialization.Serdes;
import dev.millrace.streams.errors.LogAndContinueExceptionHandler;
import dev.millrace.streams.errors.LogAndContinueProcessingExceptionHandler;
import dev.millrace.streams.errors.StreamsException;
import dev.millrace.streams.processor.api.ContextualProcessor;
import dev.millrace.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input follows the configured exception handlers, as in Kafka Streams. */
class ErrorHandlingDriverTest {

    /** Fails on negative values. */
    private static final class Fragile extends ContextualProcessor<String, Integer, String, Integer> {
        @Override
        public void process(Record<String, Integer> record) {
            if (record.value() < 0) {
                throw new IllegalStateException("negative value " + record.value());
            }
            context().forward(record);
        }
    }

    private static Topology topology() {
        return new Topology()
                .addSource("source", Serdes.String().deserializer(), Serdes.Integer().deserializer(), "in")
                .addProcessor("fragile", Fragile::new, "source")
                .addSink("sink", "out", Serdes.String().serializer(), Serdes.Integer().serializer(), "fragile");
    }

    private static double dropped(TopologyTestDriver driver) {
        for (Map.Entry<MetricName, ? extends Metric> entry : driver.metrics().entrySet()) {
            if (entry.getKey().name().equals("dropped-records-total")) {
                return (Double) entry.getValue().metricValue();
            }
        }
        return 0.0;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldFailOnDeserializationErrorByDefault() {
        try (TopologyTestDriver driver = new TopologyTestDriver(topology())) {
            TestInputTopic<byte[], byte[]> in = driver.createInputTopic("in", Serdes.ByteArray().serializer(),
                    Serdes.ByteArray().serializer());
            assertThatThrownBy(() -> in.pipeInput(bytes("k"), bytes("xyz")))
                    .isInstanceOf(StreamsException.class)
                    .hasMessageContaining("deserialization.exception.handler")
                    .hasMessageContaining("topic=in");
        }
    }

    @Test
    void shouldSkipAndCountUndeserializableRecordsWithLogAndContinue() {
        Properties props = new Properties();
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        try (TopologyTestDriver driver = new TopologyTestDriver(topology(), props)) {
            TestInputTopic<byte[], byte[]> raw = driver.createInputTopic("in", Serdes.ByteArray().serializer(),
                    Serdes.ByteArray().serializer());
            TestInputTopic<String, Integer> in = driver.createInputTopic("in", Serdes.String().serializer(),
                    Serdes.Integer().serializer());
            TestOutputTopic<String, Integer> out = driver.createOutputTopic("out", Serdes.String().deserializer(),
                    Serdes.Integer().deserializer());
            raw.pipeInput(bytes("k"), bytes("xyz"));
            in.pipeInput("k", 7);
            assertThat(out.readValuesToList()).containsExactly(7);
            assertThat(dropped(driver)).isEqualTo(1.0);
        }
    }

    @Test
    void shouldFailOnProcessingErrorByDefaultNamingTheProcessor() {
        try (TopologyTestDriver driver = new TopologyTestDriver(topology())) {
            TestInputTopic<String, Integer> in = driver.createInputTopic("in", Serdes.String().serializer(),
                    Serdes.Integer().serializer());
            assertThatThrownBy(() -> in.pipeInput("k", -1))
                    .isInstanceOf(StreamsException.class)
                    .hasMessageContaining("processor=fragile")
                    .hasMessageContaining("offset=0")
                    .hasRootCauseMessage("negative value -1");
        }
    }

    @Test
    void shouldSkipAndCountFailingRecordsWithLogAndContinueProcessing() {
        Properties props = new Properties();
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueProcessingExceptionHandler.class.getName());
        try (TopologyTestDriver driver = new TopologyTestDriver(topology(), props)) {
            TestInputTopic<String, Integer> in = driver.createInputTopic("in", Serdes.String().serializer(),
                    Serdes.Integer().serializer());
            TestOutputTopic<String, Integer> out = driver.createOutputTopic("out", Serdes.String().deserializer(),
                    Serdes.Integer().deserializer());
            in.pipeInput("a", -1);
            in.pipeInput("b", 2);
            assertThat(out.readValuesToList()).containsExactly(2);
            assertThat(dropped(driver)).isEqualTo(1.0);
        }
    }

    @Test
    void shouldNameTheOperatorAndTheConfigKeyWhenADslSerdeIsMissing() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in").groupByKey().count().toStream().to("out");
        assertThatThrownBy(() -> new TopologyTestDriver(builder.build()))
                .isInstanceOf(StreamsException.class)
                .hasMessageContaining("KSTREAM-AGGREGATE-0000000002")
                .hasMessageContaining("default.key.serde");
    }

    @Test
    void shouldMatchKafkaOnTheDroppedRecordsCount() {
        Properties props = new Properties();
        props.put("deserialization.exception.handler",
                org.apache.kafka.streams.errors.LogAndContinueExceptionHandler.class);
        props.put("application.id", "drops");
        props.put("bootstrap.servers", "x:1");
        org.apache.kafka.streams.Topology kafka = new org.apache.kafka.streams.Topology()
                .addSource("source", new org.apache.kafka.common.serialization.StringDeserializer(),
                        new org.apache.kafka.common.serialization.IntegerDeserializer(), "in")
                .addSink("sink", "out", new org.apache.kafka.common.serialization.StringSerializer(),
                        new org.apache.kafka.common.serialization.IntegerSerializer(), "source");
        try (var driver = new org.apache.kafka.streams.TopologyTestDriver(kafka, props)) {
            var raw = driver.createInputTopic("in", new org.apache.kafka.common.serialization.ByteArraySerializer(),
                    new org.apache.kafka.common.serialization.ByteArraySerializer());
            raw.pipeInput(bytes("k"), bytes("xyz"));
            double kafkaDropped = driver.metrics().entrySet().stream()
                    .filter(e -> e.getKey().name().equals("dropped-records-total"))
                    .mapToDouble(e -> (Double) e.getValue().metricValue()).sum();
            assertThat(kafkaDropped).isEqualTo(1.0);
        }
    }
}
