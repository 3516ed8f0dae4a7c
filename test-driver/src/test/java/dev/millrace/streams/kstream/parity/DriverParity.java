package dev.millrace.streams.kstream.parity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Runs the same program on Millrace's and on Kafka's {@code TopologyTestDriver}: pipes the same string records and,
 * after each one, drains every output topic, rendering each output as {@code topic|key|value|timestamp}. Equal
 * renderings mean the same records, values, timestamps, tombstones and order.
 */
final class DriverParity {

    /** One input record. */
    record In(String topic, String key, String value, long timestamp) {
    }

    private DriverParity() {
    }

    static In in(String topic, String key, String value, long timestamp) {
        return new In(topic, key, value, timestamp);
    }

    static List<String> runOurs(dev.millrace.streams.Topology topology, List<In> inputs, List<String> outputs) {
        Properties props = new Properties();
        props.put("application.id", "parity");
        props.put("default.key.serde", dev.millrace.common.serialization.Serdes.StringSerde.class.getName());
        props.put("default.value.serde", dev.millrace.common.serialization.Serdes.StringSerde.class.getName());
        List<String> rendered = new ArrayList<>();
        try (dev.millrace.streams.TopologyTestDriver driver =
                     new dev.millrace.streams.TopologyTestDriver(topology, props, Instant.EPOCH)) {
            var serializer = new dev.millrace.common.serialization.StringSerializer();
            var deserializer = new dev.millrace.common.serialization.StringDeserializer();
            Map<String, dev.millrace.streams.TestInputTopic<String, String>> topics = new LinkedHashMap<>();
            Map<String, dev.millrace.streams.TestOutputTopic<String, String>> outs = new LinkedHashMap<>();
            for (String out : outputs) {
                outs.put(out, driver.createOutputTopic(out, deserializer, deserializer));
            }
            for (In input : inputs) {
                topics.computeIfAbsent(input.topic(), t -> driver.createInputTopic(t, serializer, serializer))
                        .pipeInput(input.key(), input.value(), input.timestamp());
                outs.forEach((name, topic) -> topic.readRecordsToList().forEach(r ->
                        rendered.add(name + "|" + r.key() + "|" + r.value() + "|" + r.timestamp())));
            }
        }
        return rendered;
    }

    static List<String> runKafka(org.apache.kafka.streams.Topology topology, List<In> inputs, List<String> outputs) {
        Properties props = new Properties();
        props.put("application.id", "parity");
        props.put("default.key.serde", org.apache.kafka.common.serialization.Serdes.StringSerde.class.getName());
        props.put("default.value.serde", org.apache.kafka.common.serialization.Serdes.StringSerde.class.getName());
        List<String> rendered = new ArrayList<>();
        try (org.apache.kafka.streams.TopologyTestDriver driver =
                     new org.apache.kafka.streams.TopologyTestDriver(topology, props, Instant.EPOCH)) {
            var serializer = new org.apache.kafka.common.serialization.StringSerializer();
            var deserializer = new org.apache.kafka.common.serialization.StringDeserializer();
            Map<String, org.apache.kafka.streams.TestInputTopic<String, String>> topics = new LinkedHashMap<>();
            Map<String, org.apache.kafka.streams.TestOutputTopic<String, String>> outs = new LinkedHashMap<>();
            for (String out : outputs) {
                outs.put(out, driver.createOutputTopic(out, deserializer, deserializer));
            }
            for (In input : inputs) {
                topics.computeIfAbsent(input.topic(), t -> driver.createInputTopic(t, serializer, serializer))
                        .pipeInput(input.key(), input.value(), input.timestamp());
                outs.forEach((name, topic) -> topic.readRecordsToList().forEach(r ->
                        rendered.add(name + "|" + r.key() + "|" + r.value() + "|" + r.timestamp())));
            }
        }
        return rendered;
    }
}
