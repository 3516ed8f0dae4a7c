package dev.millrace.streams;

import dev.millrace.common.serialization.Serdes;
import dev.millrace.streams.errors.StreamsException;
import dev.millrace.streams.processor.PunctuationType;
import dev.millrace.streams.processor.api.ContextualProcessor;
import dev.millrace.streams.processor.api.Processor;
import dev.millrace.streams.processor.api.ProcessorContext;
import dev.millrace.streams.processor.api.Record;
import dev.millrace.streams.state.KeyValueStore;
import dev.millrace.streams.state.Stores;
import dev.millrace.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessorApiDriverTest {

    private static final Instant START = Instant.ofEpochMilli(1_000L);

    private static Properties stringSerdes() {
        Properties props = new Properties();
        props.put("default.key.serde", Serdes.String().getClass().getName());
        props.put("default.value.serde", Serdes.String().getClass().getName());
        return props;
    }

    /** Upper-cases values. */
    private static final class Upper extends ContextualProcessor<String, String, String, String> {
        @Override
        public void process(Record<String, String> record) {
            context().forward(record.withValue(record.value().toUpperCase(java.util.Locale.ROOT)));
        }
    }

    @Test
    void shouldPipeThroughProcessorToSink() {
        Topology topology = new Topology()
                .addSource("source", "input")
                .addProcessor("upper", Upper::new, "source")
                .addSink("sink", "output", "upper");
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, stringSerdes(), START)) {
            TestInputTopic<String, String> in = driver.createInputTopic("input", Serdes.String().serializer(),
                    Serdes.String().serializer());
            TestOutputTopic<String, String> out = driver.createOutputTopic("output", Serdes.String().deserializer(),
                    Serdes.String().deserializer());
            in.pipeInput("k", "hello", 42L);
            assertThat(out.readRecord()).isEqualTo(new TestRecord<>("k", "HELLO", null, 42L));
            assertThat(out.isEmpty()).isTrue();
            assertThat(driver.producedTopicNames()).containsExactly("output");
        }
    }

    /** Counts per key in a store, emits counts on stream-time and wall-clock punctuations. */
    private static final class Counter implements Processor<String, String, String, Long> {
        private ProcessorContext<String, Long> context;
        private KeyValueStore<String, Long> store;

        @Override
        public void init(ProcessorContext<String, Long> context) {
            this.context = context;
            this.store = context.getStateStore("counts");
            context.schedule(Duration.ofMillis(10), PunctuationType.STREAM_TIME, this::emit);
            context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, this::emit);
        }

        private void emit(long timestamp) {
            try (var all = store.all()) {
                while (all.hasNext()) {
                    KeyValue<String, Long> entry = all.next();
                    context.forward(new Record<>(entry.key, entry.value, timestamp));
                }
            }
        }

        @Override
        public void process(Record<String, String> record) {
            Long old = store.get(record.key());
            store.put(record.key(), old == null ? 1L : old + 1);
        }
    }

    @Test
    void shouldPunctuateOnStreamTimeAndWallClockTime() {
        Topology topology = new Topology()
                .addSource("source", "input")
                .addProcessor("count", Counter::new, "source")
                .addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("counts"),
                        Serdes.String(), Serdes.Long()), "count")
                .addSink("sink", "output", Serdes.String().serializer(), Serdes.Long().serializer(), "count");
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, stringSerdes(), START)) {
            TestInputTopic<String, String> in = driver.createInputTopic("input", Serdes.String().serializer(),
                    Serdes.String().serializer());
            TestOutputTopic<String, Long> out = driver.createOutputTopic("output", Serdes.String().deserializer(),
                    Serdes.Long().deserializer());
            in.pipeInput("a", "x", 0L);
            // stream time 0: the schedule aligned at 0 fires at once, after the record
            assertThat(out.readKeyValuesToList()).containsExactly(KeyValue.pair("a", 1L));
            in.pipeInput("a", "x", 5L);
            in.pipeInput("b", "x", 9L);
            assertThat(out.isEmpty()).isTrue();
            in.pipeInput("b", "x", 25L);
            assertThat(out.readRecordsToList()).extracting(TestRecord::timestamp).containsExactly(25L, 25L);
            driver.advanceWallClockTime(Duration.ofSeconds(1));
            assertThat(out.readRecordsToList()).extracting(TestRecord::getKey, TestRecord::getValue,
                            TestRecord::timestamp)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 2L, 2_000L),
                            org.assertj.core.groups.Tuple.tuple("b", 2L, 2_000L));
            KeyValueStore<String, Long> counts = driver.getKeyValueStore("counts");
            assertThat(counts.get("a")).isEqualTo(2L);
            assertThatThrownBy(() -> driver.getStateStore("counts")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("getKeyValueStore()");
        }
    }

    @Test
    void shouldRejectUnknownInputTopicAndReportMissingSerde() {
        Topology topology = new Topology().addSource("source", "input").addSink("sink", "output", "source");
        assertThatThrownBy(() -> new TopologyTestDriver(topology, new Properties()))
                .isInstanceOf(StreamsException.class)
                .hasMessageContaining("source")
                .hasMessageContaining("default.key.serde");
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, stringSerdes(), START)) {
            TestInputTopic<String, String> other = driver.createInputTopic("nope", Serdes.String().serializer(),
                    Serdes.String().serializer());
            assertThatThrownBy(() -> other.pipeInput("k", "v")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Unknown topic: nope");
            TestOutputTopic<String, String> out = driver.createOutputTopic("output",
                    Serdes.String().deserializer(), Serdes.String().deserializer());
            assertThatThrownBy(out::readValue).isInstanceOf(java.util.NoSuchElementException.class);
            assertThat(out.readValuesToList()).isEqualTo(List.of());
        }
    }
}
