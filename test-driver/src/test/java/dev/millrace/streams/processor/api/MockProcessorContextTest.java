package dev.millrace.streams.processor.api;

import dev.millrace.common.MetricName;
import dev.millrace.common.config.ConfigException;
import dev.millrace.common.serialization.Serdes;
import dev.millrace.streams.errors.StreamsException;
import dev.millrace.streams.processor.Cancellable;
import dev.millrace.streams.processor.PunctuationType;
import dev.millrace.streams.processor.Punctuator;
import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.processor.TaskId;
import dev.millrace.streams.processor.api.MockProcessorContext.CapturedForward;
import dev.millrace.streams.processor.api.MockProcessorContext.CapturedPunctuator;
import dev.millrace.streams.state.KeyValueStore;
import dev.millrace.streams.state.Stores;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MockProcessorContextTest {

    private static org.apache.kafka.streams.processor.api.MockProcessorContext<Object, Object> kafkaMock(
            Properties properties) {
        return properties == null ? new org.apache.kafka.streams.processor.api.MockProcessorContext<>()
                : new org.apache.kafka.streams.processor.api.MockProcessorContext<>(properties);
    }

    private static Properties properties(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.put(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    /** Counts records per key in a store named "counts", forwards each new count, punctuates every second. */
    private static final class CountingProcessor implements Processor<String, String, String, Long> {
        private ProcessorContext<String, Long> context;
        private KeyValueStore<String, Long> counts;

        @Override
        public void init(ProcessorContext<String, Long> context) {
            this.context = context;
            this.counts = context.getStateStore("counts");
            context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, time -> context.commit());
        }

        @Override
        public void process(Record<String, String> record) {
            Long previous = counts.get(record.key());
            long count = previous == null ? 1L : previous + 1;
            counts.put(record.key(), count);
            context.forward(record.withValue(count));
        }
    }

    @Test
    void shouldUseKafkasDefaultApplicationIdsAndBootstrapServers() {
        MockProcessorContext<Object, Object> noArgs = new MockProcessorContext<>();
        MockProcessorContext<Object, Object> withProperties = new MockProcessorContext<>(new Properties());

        assertThat(noArgs.applicationId()).isEqualTo(kafkaMock(null).applicationId()).isEmpty();
        assertThat(withProperties.applicationId()).isEqualTo(kafkaMock(new Properties()).applicationId())
                .isEqualTo("dummy-mock-app-id");
        // Kafka's appConfigs() holds the parsed value (a list); ours holds the property as given
        assertThat(kafkaMock(new Properties()).appConfigs().get("bootstrap.servers"))
                .isEqualTo(List.of(withProperties.appConfigs().get("bootstrap.servers")));
        assertThat(noArgs.appConfigs()).containsEntry("bootstrap.servers", "dummy-bootstrap-host:0");
        assertThat(noArgs.taskId()).isEqualTo(new TaskId(0, 0));
        assertThat(withProperties.taskId()).isEqualTo(new TaskId(0, 0));
    }

    @Test
    void shouldKeepGivenApplicationIdTaskIdAndStateDir() {
        File dir = new File("state-dir");
        MockProcessorContext<Object, Object> context =
                new MockProcessorContext<>(properties("application.id", "my-app"), new TaskId(3, 4), dir);

        assertThat(context.applicationId()).isEqualTo("my-app");
        assertThat(context.taskId()).isEqualTo(new TaskId(3, 4));
        assertThat(context.stateDir()).isSameAs(dir);
    }

    @Test
    void shouldRefuseStateDirWhenNoneWasGiven() {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();

        assertThatThrownBy(context::stateDir).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("stateDir");
    }

    @Test
    void shouldExposeConfiguredPropertiesAndPrefixesLikeKafka() {
        Properties given = properties("application.id", "app", "producer.acks", "all",
                "producer.linger.ms", "5", "custom", "x");
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>(given);
        org.apache.kafka.streams.processor.api.MockProcessorContext<Object, Object> kafka = kafkaMock(given);

        assertThat(context.appConfigs()).containsEntry("custom", "x").containsEntry("producer.acks", "all")
                .containsEntry("application.id", "app");
        assertThat(context.appConfigsWithPrefix("producer.")).isEqualTo(kafka.appConfigsWithPrefix("producer."))
                .isEqualTo(Map.of("acks", "all", "linger.ms", "5"));
        assertThat(context.appConfigsWithPrefix("none.")).isEqualTo(kafka.appConfigsWithPrefix("none.")).isEmpty();
    }

    @Test
    void shouldNotBeChangedByLaterChangesToTheProperties() {
        Properties given = properties("custom", "x");
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>(given);

        given.put("custom", "y");
        context.appConfigs().put("custom", "z");

        assertThat(context.appConfigs()).containsEntry("custom", "x");
    }

    @Test
    void shouldRequireTimesToBeSetBeforeUseWithKafkasMessages() {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        org.apache.kafka.streams.processor.api.MockProcessorContext<Object, Object> kafka = kafkaMock(null);
        String systemMessage = assertThatThrownBy(kafka::currentSystemTimeMs).actual().getMessage();
        String streamMessage = assertThatThrownBy(kafka::currentStreamTimeMs).actual().getMessage();

        assertThatThrownBy(context::currentSystemTimeMs).isInstanceOf(IllegalStateException.class)
                .hasMessage(systemMessage);
        assertThatThrownBy(context::currentStreamTimeMs).isInstanceOf(IllegalStateException.class)
                .hasMessage(streamMessage);

        context.setCurrentSystemTimeMs(11L);
        context.setCurrentStreamTimeMs(22L);
        assertThat(context.currentSystemTimeMs()).isEqualTo(11L);
        assertThat(context.currentStreamTimeMs()).isEqualTo(22L);
    }

    @Test
    void shouldReturnRecordMetadataOnlyOnceSet() {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        assertThat(context.recordMetadata()).isEmpty();

        context.setRecordMetadata("topic", 2, 30L);

        RecordMetadata metadata = context.recordMetadata().orElseThrow();
        assertThat(metadata.topic()).isEqualTo("topic");
        assertThat(metadata.partition()).isEqualTo(2);
        assertThat(metadata.offset()).isEqualTo(30L);
    }

    @Test
    void shouldCaptureForwardsAndFilterThemByChildLikeKafka() {
        MockProcessorContext<String, Long> context = new MockProcessorContext<>();
        org.apache.kafka.streams.processor.api.MockProcessorContext<String, Long> kafka =
                new org.apache.kafka.streams.processor.api.MockProcessorContext<>();
        String[] children = {null, "a", "b", null, "a"};
        for (int i = 0; i < children.length; i++) {
            context.forward(new Record<>("k" + i, (long) i, i), children[i]);
            kafka.forward(new org.apache.kafka.streams.processor.api.Record<>("k" + i, (long) i, i), children[i]);
        }

        assertThat(keys(context.forwarded())).containsExactly("k0", "k1", "k2", "k3", "k4");
        for (String child : List.of("a", "b", "c")) {
            List<String> kafkaKeys = kafka.forwarded(child).stream().map(f -> String.valueOf(f.record().key()))
                    .toList();
            assertThat(keys(context.forwarded(child))).as("child=%s", child).isEqualTo(kafkaKeys);
        }
        assertThat(keys(context.forwarded("a"))).containsExactly("k0", "k1", "k3", "k4");
        assertThat(context.forwarded().get(1).childName()).contains("a");
        assertThat(context.forwarded().get(0).childName()).isEmpty();

        context.resetForwards();
        assertThat(context.forwarded()).isEmpty();
    }

    private static List<String> keys(List<? extends CapturedForward<? extends String, ? extends Long>> forwards) {
        return forwards.stream().map(f -> f.record().key()).map(String::valueOf).toList();
    }

    @Test
    void shouldReturnCopiesOfTheCapturedLists() {
        MockProcessorContext<String, Long> context = new MockProcessorContext<>();
        context.forward(new Record<>("k", 1L, 0L));
        context.schedule(Duration.ofSeconds(1), PunctuationType.STREAM_TIME, time -> { });

        context.forwarded().clear();
        context.scheduledPunctuators().clear();

        assertThat(context.forwarded()).hasSize(1);
        assertThat(context.scheduledPunctuators()).hasSize(1);
    }

    @Test
    void shouldRenderAndCompareCapturedForwardsLikeKafka() {
        CapturedForward<String, Long> ours = new CapturedForward<>(new Record<>("k", 1L, 5L), Optional.of("c"));
        org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedForward<String, Long> kafka =
                new org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedForward<>(
                        new org.apache.kafka.streams.processor.api.Record<>("k", 1L, 5L), Optional.of("c"));

        String expected = kafka.toString().replace(kafka.record().headers().toString(),
                ours.record().headers().toString());
        assertThat(ours.toString()).isEqualTo(expected);
        assertThat(ours).isEqualTo(new CapturedForward<>(new Record<>("k", 1L, 5L), Optional.of("c")))
                .hasSameHashCodeAs(new CapturedForward<>(new Record<>("k", 1L, 5L), Optional.of("c")))
                .isNotEqualTo(new CapturedForward<>(new Record<>("k", 1L, 5L)))
                .isNotEqualTo(new CapturedForward<>(new Record<>("k", 2L, 5L), Optional.of("c")));
        assertThat(new CapturedForward<>(new Record<>("k", 1L, 5L)).childName()).isEmpty();
        assertThatThrownBy(() -> new CapturedForward<String, Long>(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CapturedForward<>(new Record<>("k", 1L, 5L), null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void shouldCapturePunctuatorsAndTheirCancellation() {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        Punctuator first = time -> { };
        Punctuator second = time -> { };

        Cancellable cancellable = context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, first);
        context.schedule(Instant.ofEpochMilli(100L), Duration.ofMillis(5), PunctuationType.STREAM_TIME, second);
        cancellable.cancel();

        List<CapturedPunctuator> punctuators = context.scheduledPunctuators();
        assertThat(punctuators).hasSize(2);
        assertThat(punctuators.get(0).getInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(punctuators.get(0).getType()).isEqualTo(PunctuationType.WALL_CLOCK_TIME);
        assertThat(punctuators.get(0).getPunctuator()).isSameAs(first);
        assertThat(punctuators.get(0).getStartTime()).isNull();
        assertThat(punctuators.get(0).cancelled()).isTrue();
        assertThat(punctuators.get(1).getStartTime()).isEqualTo(Instant.ofEpochMilli(100L));
        assertThat(punctuators.get(1).getType()).isEqualTo(PunctuationType.STREAM_TIME);
        assertThat(punctuators.get(1).cancelled()).isFalse();
        punctuators.get(1).cancel();
        assertThat(context.scheduledPunctuators().get(1).cancelled()).isTrue();
    }

    @Test
    void shouldRecordCommitRequestsUntilReset() {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        assertThat(context.committed()).isFalse();

        context.commit();
        assertThat(context.committed()).isTrue();

        context.resetCommit();
        assertThat(context.committed()).isFalse();
    }

    @Test
    void shouldRefuseMissingDefaultSerdesWithKafkasMessages() {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        org.apache.kafka.streams.processor.api.MockProcessorContext<Object, Object> kafka = kafkaMock(null);
        String keyMessage = assertThatThrownBy(kafka::keySerde).actual().getMessage();
        String valueMessage = assertThatThrownBy(kafka::valueSerde).actual().getMessage();

        assertThatThrownBy(context::keySerde).isInstanceOf(ConfigException.class).hasMessage(keyMessage);
        assertThatThrownBy(context::valueSerde).isInstanceOf(ConfigException.class).hasMessage(valueMessage);
    }

    @Test
    void shouldCreateDefaultSerdesFromClassesOrClassNames() {
        Properties given = new Properties();
        given.put("default.key.serde", Serdes.StringSerde.class);
        given.put("default.value.serde", Serdes.LongSerde.class.getName());
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>(given);

        assertThat(context.keySerde()).isInstanceOf(Serdes.StringSerde.class);
        assertThat(context.valueSerde()).isInstanceOf(Serdes.LongSerde.class);
        assertThat(context.keySerde()).isNotSameAs(context.keySerde());
    }

    @Test
    void shouldWrapSerdesThatCannotBeCreatedInStreamsException() {
        MockProcessorContext<Object, Object> missing =
                new MockProcessorContext<>(properties("default.key.serde", "no.such.Serde"));
        MockProcessorContext<Object, Object> notASerde =
                new MockProcessorContext<>(properties("default.value.serde", String.class.getName()));

        assertThatThrownBy(missing::keySerde).isInstanceOf(StreamsException.class)
                .hasMessage("Failed to configure key serde no.such.Serde");
        assertThatThrownBy(notASerde::valueSerde).isInstanceOf(StreamsException.class)
                .hasMessage("Failed to configure value serde java.lang.String");
    }

    @Test
    void shouldExposeTheTaskDroppedRecordsMetricsLikeKafka() {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        org.apache.kafka.streams.processor.api.MockProcessorContext<Object, Object> kafka = kafkaMock(null);
        Set<String> kafkaNames = new HashSet<>();
        for (org.apache.kafka.common.MetricName name : kafka.metrics().metrics().keySet()) {
            if (name.group().equals("stream-task-metrics")) {
                kafkaNames.add(name.name() + " " + name.group() + " " + name.tags() + " " + name.description());
            }
        }
        Set<String> ourNames = new HashSet<>();
        for (MetricName name : context.metrics().metrics().keySet()) {
            ourNames.add(name.name() + " " + name.group() + " " + name.tags() + " " + name.description());
        }

        assertThat(ourNames).isEqualTo(kafkaNames).hasSize(2);
        assertThat(context.metrics().metrics().values()).allSatisfy(m -> assertThat(m.metricValue()).isEqualTo(0.0));
    }

    @Test
    void shouldLetAProcessorUseAStoreInitialisedThroughTheStateStoreContext() {
        MockProcessorContext<String, Long> context = new MockProcessorContext<>();
        KeyValueStore<String, Long> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("counts"),
                Serdes.String(), Serdes.Long()).withLoggingDisabled().withCachingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        CountingProcessor processor = new CountingProcessor();
        processor.init(context);

        processor.process(new Record<>("a", "x", 1L));
        processor.process(new Record<>("a", "y", 2L));
        processor.process(new Record<>("b", "z", 3L));

        assertThat(context.<KeyValueStore<String, Long>>getStateStore("counts")).isSameAs(store);
        assertThat(store.get("a")).isEqualTo(2L);
        assertThat(context.forwarded()).containsExactly(new CapturedForward<>(new Record<>("a", 1L, 1L)),
                new CapturedForward<>(new Record<>("a", 2L, 2L)), new CapturedForward<>(new Record<>("b", 1L, 3L)));
        CapturedPunctuator punctuator = context.scheduledPunctuators().get(0);
        assertThat(context.committed()).isFalse();
        punctuator.getPunctuator().punctuate(1_000L);
        assertThat(context.committed()).isTrue();
    }

    @Test
    void shouldFindStoresAddedDirectlyAndReturnNullForUnknownNames() {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        KeyValueStore<String, Long> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("s"),
                Serdes.String(), Serdes.Long()).withLoggingDisabled().build();

        context.addStateStore(store);

        assertThat(context.<KeyValueStore<String, Long>>getStateStore("s")).isSameAs(store);
        assertThat(context.<KeyValueStore<String, Long>>getStateStore("other")).isNull();
    }

    @Test
    void shouldRefuseStoresWithLoggingEnabled() {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        KeyValueStore<String, Long> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("logged"),
                Serdes.String(), Serdes.Long()).withCachingDisabled().build();

        assertThatThrownBy(() -> store.init(context.getStateStoreContext(), store))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("withLoggingDisabled()");
    }

    @Test
    void shouldRefuseStoresWithCachingEnabled() {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        KeyValueStore<String, Long> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("cached"),
                Serdes.String(), Serdes.Long()).withLoggingDisabled().withCachingEnabled().build();

        assertThatThrownBy(() -> store.init(context.getStateStoreContext(), store))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("withCachingDisabled()");
    }

    @Test
    void shouldAnswerFromTheMockInTheStateStoreContext() {
        File dir = new File("dir");
        MockProcessorContext<Object, Object> context =
                new MockProcessorContext<>(properties("application.id", "app", "x.y", "1"), new TaskId(1, 2), dir);
        context.setRecordMetadata("t", 1, 9L);

        StateStoreContext storeContext = context.getStateStoreContext();

        assertThat(storeContext.applicationId()).isEqualTo("app");
        assertThat(storeContext.taskId()).isEqualTo(new TaskId(1, 2));
        assertThat(storeContext.stateDir()).isSameAs(dir);
        assertThat(storeContext.appConfigs()).isEqualTo(context.appConfigs());
        assertThat(storeContext.appConfigsWithPrefix("x.")).isEqualTo(Map.of("y", "1"));
        assertThat(storeContext.recordMetadata()).isEqualTo(context.recordMetadata());
    }
}
