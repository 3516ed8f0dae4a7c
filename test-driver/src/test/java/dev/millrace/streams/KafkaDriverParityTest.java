package dev.millrace.streams;

import dev.millrace.common.serialization.Serdes;
import dev.millrace.streams.processor.PunctuationType;
import dev.millrace.streams.processor.api.Processor;
import dev.millrace.streams.processor.api.ProcessorContext;
import dev.millrace.streams.processor.api.Record;
import dev.millrace.streams.state.KeyValueStore;
import dev.millrace.streams.state.Stores;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same Processor-API program runs on our driver and on Kafka's TopologyTestDriver (test-scope oracle) with the
 * same seeded input: outputs (sink and changelog topics, keys, values, timestamps, order) and store contents match.
 */
class KafkaDriverParityTest {

    private static final long SEED = Long.getLong("millrace.seed", System.nanoTime());
    private static final Instant START = Instant.ofEpochMilli(1_000_000L);

    /** One step of the scripted input. */
    private record Step(String key, String value, long timestamp, long advanceWallClockMs) {
    }

    private static List<Step> script(Random random) {
        List<Step> steps = new ArrayList<>();
        long time = 0;
        for (int i = 0; i < 300; i++) {
            time += random.nextInt(20) - 5;
            String key = "k" + random.nextInt(7);
            String value = random.nextInt(10) == 0 ? null : "v" + random.nextInt(100);
            steps.add(new Step(key, value, Math.max(0, time), random.nextInt(8) == 0 ? random.nextInt(3000) : 0));
        }
        return steps;
    }

    @Test
    void shouldProduceTheSameOutputAsKafkasDriver() {
        Random random = new Random(SEED);
        List<Step> steps = script(random);
        for (boolean caching : new boolean[] {false, true}) {
            List<String> ours = runOurs(steps, caching);
            List<String> kafka = runKafka(steps, caching);
            assertThat(ours).as("seed=%d caching=%s", SEED, caching).isNotEmpty().isEqualTo(kafka);
        }
    }

    private static Properties props() {
        Properties props = new Properties();
        props.put("application.id", "parity");
        props.put("bootstrap.servers", "dummy:9092");
        return props;
    }

    // ---- ours ----------------------------------------------------------------------------------------------------

    /** Counts per key; deletes on null values; emits totals on both punctuation types. */
    private static final class Counter implements Processor<String, String, String, Long> {
        private ProcessorContext<String, Long> context;
        private KeyValueStore<String, Long> store;

        @Override
        public void init(ProcessorContext<String, Long> context) {
            this.context = context;
            store = context.getStateStore("counts");
            context.schedule(Duration.ofMillis(50), PunctuationType.STREAM_TIME, this::emit);
            context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, t -> emit(-t));
        }

        private void emit(long timestamp) {
            try (var all = store.all()) {
                while (all.hasNext()) {
                    KeyValue<String, Long> entry = all.next();
                    context.forward(new Record<>(entry.key, entry.value + timestamp, Math.abs(timestamp)));
                }
            }
        }

        @Override
        public void process(Record<String, String> record) {
            if (record.value() == null) {
                store.delete(record.key());
                return;
            }
            Long old = store.get(record.key());
            long next = old == null ? 1L : old + 1;
            store.put(record.key(), next);
            context.forward(record.withValue(next));
        }
    }

    private static List<String> runOurs(List<Step> steps, boolean caching) {
        var storeBuilder = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("counts"), Serdes.String(),
                Serdes.Long());
        Topology topology = new Topology()
                .addSource("source", Serdes.String().deserializer(), Serdes.String().deserializer(), "input")
                .addProcessor("count", Counter::new, "source")
                .addStateStore(caching ? storeBuilder.withCachingEnabled() : storeBuilder, "count")
                .addSink("sink", "output", Serdes.String().serializer(), Serdes.Long().serializer(), "count");
        List<String> out = new ArrayList<>();
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, props(), START)) {
            TestInputTopic<String, String> in = driver.createInputTopic("input", Serdes.String().serializer(),
                    Serdes.String().serializer());
            TestOutputTopic<String, Long> output = driver.createOutputTopic("output", Serdes.String().deserializer(),
                    Serdes.Long().deserializer());
            TestOutputTopic<String, Long> changelog = driver.createOutputTopic("parity-counts-changelog",
                    Serdes.String().deserializer(), Serdes.Long().deserializer());
            for (Step step : steps) {
                in.pipeInput(step.key(), step.value(), step.timestamp());
                if (step.advanceWallClockMs() > 0) {
                    driver.advanceWallClockTime(Duration.ofMillis(step.advanceWallClockMs()));
                }
                output.readRecordsToList().forEach(r -> out.add("out " + r.key() + "=" + r.value() + "@"
                        + r.timestamp()));
                changelog.readRecordsToList().forEach(r -> out.add("log " + r.key() + "=" + r.value() + "@"
                        + r.timestamp()));
            }
            KeyValueStore<String, Long> store = driver.getKeyValueStore("counts");
            try (var all = store.all()) {
                all.forEachRemaining(kv -> out.add("store " + kv.key + "=" + kv.value));
            }
            out.add("topics " + new java.util.TreeSet<>(driver.producedTopicNames()));
        }
        return out;
    }

    // ---- Kafka ---------------------------------------------------------------------------------------------------

    /** The same counter written against Kafka's API. */
    private static final class KafkaCounter
            implements org.apache.kafka.streams.processor.api.Processor<String, String, String, Long> {
        private org.apache.kafka.streams.processor.api.ProcessorContext<String, Long> context;
        private org.apache.kafka.streams.state.KeyValueStore<String, Long> store;

        @Override
        public void init(org.apache.kafka.streams.processor.api.ProcessorContext<String, Long> context) {
            this.context = context;
            store = context.getStateStore("counts");
            context.schedule(Duration.ofMillis(50), org.apache.kafka.streams.processor.PunctuationType.STREAM_TIME,
                    this::emit);
            context.schedule(Duration.ofSeconds(1),
                    org.apache.kafka.streams.processor.PunctuationType.WALL_CLOCK_TIME, t -> emit(-t));
        }

        private void emit(long timestamp) {
            try (var all = store.all()) {
                while (all.hasNext()) {
                    org.apache.kafka.streams.KeyValue<String, Long> entry = all.next();
                    context.forward(new org.apache.kafka.streams.processor.api.Record<>(entry.key,
                            entry.value + timestamp, Math.abs(timestamp)));
                }
            }
        }

        @Override
        public void process(org.apache.kafka.streams.processor.api.Record<String, String> record) {
            if (record.value() == null) {
                store.delete(record.key());
                return;
            }
            Long old = store.get(record.key());
            long next = old == null ? 1L : old + 1;
            store.put(record.key(), next);
            context.forward(record.withValue(next));
        }
    }

    private static List<String> runKafka(List<Step> steps, boolean caching) {
        var storeBuilder = org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
                org.apache.kafka.streams.state.Stores.inMemoryKeyValueStore("counts"),
                org.apache.kafka.common.serialization.Serdes.String(),
                org.apache.kafka.common.serialization.Serdes.Long());
        org.apache.kafka.streams.Topology topology = new org.apache.kafka.streams.Topology()
                .addSource("source", new org.apache.kafka.common.serialization.StringDeserializer(),
                        new org.apache.kafka.common.serialization.StringDeserializer(), "input")
                .addProcessor("count", KafkaCounter::new, "source")
                .addStateStore(caching ? storeBuilder.withCachingEnabled() : storeBuilder, "count")
                .addSink("sink", "output", new org.apache.kafka.common.serialization.StringSerializer(),
                        new org.apache.kafka.common.serialization.LongSerializer(), "count");
        List<String> out = new ArrayList<>();
        try (var driver = new org.apache.kafka.streams.TopologyTestDriver(topology, props(), START)) {
            var in = driver.createInputTopic("input", new org.apache.kafka.common.serialization.StringSerializer(),
                    new org.apache.kafka.common.serialization.StringSerializer());
            var output = driver.createOutputTopic("output",
                    new org.apache.kafka.common.serialization.StringDeserializer(),
                    new org.apache.kafka.common.serialization.LongDeserializer());
            var changelog = driver.createOutputTopic("parity-counts-changelog",
                    new org.apache.kafka.common.serialization.StringDeserializer(),
                    new org.apache.kafka.common.serialization.LongDeserializer());
            for (Step step : steps) {
                in.pipeInput(step.key(), step.value(), step.timestamp());
                if (step.advanceWallClockMs() > 0) {
                    driver.advanceWallClockTime(Duration.ofMillis(step.advanceWallClockMs()));
                }
                output.readRecordsToList().forEach(r -> out.add("out " + r.key() + "=" + r.value() + "@"
                        + r.timestamp()));
                changelog.readRecordsToList().forEach(r -> out.add("log " + r.key() + "=" + r.value() + "@"
                        + r.timestamp()));
            }
            org.apache.kafka.streams.state.KeyValueStore<String, Long> store = driver.getKeyValueStore("counts");
            try (var all = store.all()) {
                all.forEachRemaining(kv -> out.add("store " + kv.key + "=" + kv.value));
            }
            out.add("topics " + new java.util.TreeSet<>(driver.producedTopicNames()));
        }
        return out;
    }
}
