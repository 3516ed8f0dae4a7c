package dev.millrace.streams;

import dev.millrace.common.serialization.Serdes;
import dev.millrace.streams.errors.TopologyException;
import dev.millrace.streams.state.Stores;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Processor-API topologies described by us and by Kafka Streams (test-scope oracle) print the same text.
 */
class TopologyDescribeParityTest {

    /** A processor that drops everything; a new instance per call, as suppliers must. */
    private static final class KafkaNoop<K, V, KO, VO>
            implements org.apache.kafka.streams.processor.api.Processor<K, V, KO, VO> {
        @Override
        public void process(org.apache.kafka.streams.processor.api.Record<K, V> record) {
        }
    }

    /** A processor that drops everything. */
    private static final class Noop<K, V, KO, VO> implements dev.millrace.streams.processor.api.Processor<K, V, KO, VO> {
        @Override
        public void process(dev.millrace.streams.processor.api.Record<K, V> record) {
        }
    }

    private static org.apache.kafka.streams.processor.api.ProcessorSupplier<Object, Object, Object, Object> kafkaNoop() {
        return KafkaNoop::new;
    }

    private static dev.millrace.streams.processor.api.ProcessorSupplier<Object, Object, Object, Object> noop() {
        return Noop::new;
    }

    @Test
    void shouldDescribeLinearTopologyLikeKafka() {
        Topology ours = new Topology().addSource("source", "in").addProcessor("p", noop(), "source")
                .addSink("sink", "out", "p");
        org.apache.kafka.streams.Topology kafka = new org.apache.kafka.streams.Topology()
                .addSource("source", "in").addProcessor("p", kafkaNoop(), "source").addSink("sink", "out", "p");
        assertSameText(ours, kafka);
    }

    @Test
    void shouldDescribeFanOutFanInAndSeparateSubtopologiesLikeKafka() {
        Topology ours = new Topology()
                .addSource("s1", "a", "b").addSource("s2", Pattern.compile("c.*"))
                .addProcessor("p1", noop(), "s1").addProcessor("p2", noop(), "s1")
                .addProcessor("join", noop(), "p1", "p2")
                .addSink("k1", "x", "join").addSink("k2", "y", "p2")
                .addProcessor("q", noop(), "s2").addSink("k3", (k, v, c) -> "dyn", "q");
        org.apache.kafka.streams.Topology kafka = new org.apache.kafka.streams.Topology()
                .addSource("s1", "a", "b").addSource("s2", Pattern.compile("c.*"))
                .addProcessor("p1", kafkaNoop(), "s1").addProcessor("p2", kafkaNoop(), "s1")
                .addProcessor("join", kafkaNoop(), "p1", "p2")
                .addSink("k1", "x", "join").addSink("k2", "y", "p2")
                .addProcessor("q", kafkaNoop(), "s2").addSink("k3", (k, v, c) -> "dyn", "q");
        String expected = kafka.describe().toString().replaceAll("extractor class: [^)]*", "extractor class: X");
        String actual = ours.describe().toString().replaceAll("extractor class: [^)]*", "extractor class: X");
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void shouldJoinSubtopologiesThatShareAStoreLikeKafka() {
        Topology ours = new Topology()
                .addSource("s1", "a").addSource("s2", "b")
                .addProcessor("p1", noop(), "s1").addProcessor("p2", noop(), "s2")
                .addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("shared"), Serdes.String(),
                        Serdes.String()), "p1", "p2")
                .addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("own"), Serdes.String(),
                        Serdes.String()))
                .connectProcessorAndStateStores("p2", "own")
                .addSink("out", "o", "p1", "p2");
        org.apache.kafka.streams.Topology kafka = new org.apache.kafka.streams.Topology()
                .addSource("s1", "a").addSource("s2", "b")
                .addProcessor("p1", kafkaNoop(), "s1").addProcessor("p2", kafkaNoop(), "s2")
                .addStateStore(org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
                        org.apache.kafka.streams.state.Stores.inMemoryKeyValueStore("shared"),
                        org.apache.kafka.common.serialization.Serdes.String(),
                        org.apache.kafka.common.serialization.Serdes.String()), "p1", "p2")
                .addStateStore(org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
                        org.apache.kafka.streams.state.Stores.persistentKeyValueStore("own"),
                        org.apache.kafka.common.serialization.Serdes.String(),
                        org.apache.kafka.common.serialization.Serdes.String()))
                .connectProcessorAndStateStores("p2", "own")
                .addSink("out", "o", "p1", "p2");
        assertSameText(ours, kafka);
    }

    @Test
    void shouldDescribeGlobalStoresInterleavedByIdLikeKafka() {
        Topology ours = new Topology()
                .addSource("s1", "a").addProcessor("p1", noop(), "s1")
                .addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("global"), Serdes.String(),
                                Serdes.String()).withLoggingDisabled(), "gsource", Serdes.String().deserializer(),
                        Serdes.String().deserializer(), "gtopic", "gproc", Noop::new)
                .addSource("s2", "b").addSink("k", "out", "s2");
        org.apache.kafka.streams.Topology kafka = new org.apache.kafka.streams.Topology()
                .addSource("s1", "a").addProcessor("p1", kafkaNoop(), "s1")
                .addGlobalStore(org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
                                org.apache.kafka.streams.state.Stores.inMemoryKeyValueStore("global"),
                                org.apache.kafka.common.serialization.Serdes.String(),
                                org.apache.kafka.common.serialization.Serdes.String()).withLoggingDisabled(),
                        "gsource", new org.apache.kafka.common.serialization.StringDeserializer(),
                        new org.apache.kafka.common.serialization.StringDeserializer(), "gtopic", "gproc",
                        KafkaNoop::new)
                .addSource("s2", "b").addSink("k", "out", "s2");
        assertSameText(ours, kafka);
    }

    @Test
    void shouldRejectBadTopologiesWithKafkasMessages() {
        Topology ours = new Topology().addSource("source", "in");
        org.apache.kafka.streams.Topology kafka = new org.apache.kafka.streams.Topology().addSource("source", "in");
        assertSameFailure(() -> ours.addSource("source", "other"), () -> kafka.addSource("source", "other"));
        assertSameFailure(() -> ours.addSource("s2", "in"), () -> kafka.addSource("s2", "in"));
        assertSameFailure(() -> ours.addProcessor("p", noop(), "missing"),
                () -> kafka.addProcessor("p", kafkaNoop(), "missing"));
        assertSameFailure(() -> ours.addProcessor("p", noop(), "p"), () -> kafka.addProcessor("p", kafkaNoop(), "p"));
        assertSameFailure(() -> ours.connectProcessorAndStateStores("source", "x"),
                () -> kafka.connectProcessorAndStateStores("source", "x"));
        assertSameFailure(() -> ours.addSource("s3", Pattern.compile("i.*")),
                () -> kafka.addSource("s3", Pattern.compile("i.*")));
        ours.addSink("sink", "out", "source");
        kafka.addSink("sink", "out", "source");
        assertSameFailure(() -> ours.addProcessor("p", noop(), "sink"),
                () -> kafka.addProcessor("p", kafkaNoop(), "sink"));
        dev.millrace.streams.processor.api.Processor<Object, Object, Object, Object> single = record -> { };
        assertThatThrownBy(() -> ours.addProcessor("p", () -> single, "source"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must return a new object");
        assertThatThrownBy(() -> ours.addSource("s9")).isInstanceOf(TopologyException.class)
                .hasMessage("Invalid topology: topics cannot be empty");
    }

    private static void assertSameText(Topology ours, org.apache.kafka.streams.Topology kafka) {
        assertThat(ours.describe().toString()).isEqualTo(kafka.describe().toString());
    }

    private static void assertSameFailure(Runnable ours, Runnable kafka) {
        Throwable kafkaFailure = null;
        try {
            kafka.run();
        } catch (RuntimeException e) {
            kafkaFailure = e;
        }
        assertThat(kafkaFailure).as("Kafka must reject this too").isNotNull();
        String expected = kafkaFailure.getMessage();
        assertThatThrownBy(ours::run).hasMessage(expected);
    }
}
