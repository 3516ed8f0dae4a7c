package dev.millrace.streams.kstream.parity;

import org.junit.jupiter.api.Test;

import java.util.Properties;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Null and invalid arguments fail like Kafka Streams: same exception type and same message, checked by making the
 * same bad call on both builders.
 */
class ArgumentCheckParityTest {

    private static Throwable assertSameFailureType(Consumer<dev.millrace.streams.StreamsBuilder> ours,
                                                  Consumer<org.apache.kafka.streams.StreamsBuilder> kafka) {
        Throwable expected = catchThrowable(() -> kafka.accept(new org.apache.kafka.streams.StreamsBuilder()));
        Throwable actual = catchThrowable(() -> ours.accept(new dev.millrace.streams.StreamsBuilder()));
        assertThat(expected).as("Kafka's call must fail").isNotNull();
        assertThat(actual).as("our call must fail like Kafka's: %s", expected).isNotNull();
        assertThat(actual.getClass().getSimpleName()).isEqualTo(expected.getClass().getSimpleName());
        return actual;
    }

    private static void assertSameFailure(Consumer<dev.millrace.streams.StreamsBuilder> ours,
                                          Consumer<org.apache.kafka.streams.StreamsBuilder> kafka) {
        Throwable expected = catchThrowable(() -> kafka.accept(new org.apache.kafka.streams.StreamsBuilder()));
        assertThat(assertSameFailureType(ours, kafka).getMessage()).isEqualTo(expected.getMessage());
    }

    @Test
    void shouldRejectNullPredicate() {
        assertSameFailure(b -> b.stream("in").filter(null), b -> b.stream("in").filter(null));
        assertSameFailure(b -> b.stream("in").filterNot(null), b -> b.stream("in").filterNot(null));
        assertSameFailure(b -> b.table("t").filter(null), b -> b.table("t").filter(null));
    }

    @Test
    void shouldRejectNullMappers() {
        assertSameFailure(b -> b.stream("in").map(null), b -> b.stream("in").map(null));
        assertSameFailure(b -> b.stream("in").selectKey(null), b -> b.stream("in").selectKey(null));
        assertSameFailure(b -> b.stream("in").mapValues(
                        (dev.millrace.streams.kstream.ValueMapper<Object, Object>) null),
                b -> b.stream("in").mapValues((org.apache.kafka.streams.kstream.ValueMapper<Object, Object>) null));
        assertSameFailure(b -> b.stream("in").flatMap(null), b -> b.stream("in").flatMap(null));
        assertSameFailure(b -> b.table("t").mapValues(
                        (dev.millrace.streams.kstream.ValueMapper<Object, Object>) null),
                b -> b.table("t").mapValues((org.apache.kafka.streams.kstream.ValueMapper<Object, Object>) null));
    }

    @Test
    void shouldRejectNullNamedAndTopicArguments() {
        assertSameFailure(b -> b.stream("in").filter((k, v) -> true, null),
                b -> b.stream("in").filter((k, v) -> true, null));
        assertSameFailure(b -> b.table(null), b -> b.table(null));
        assertSameFailure(b -> b.stream("in").to("out", null), b -> b.stream("in").to("out", null));
        assertSameFailure(b -> b.stream("in").merge(null), b -> b.stream("in").merge(null));
    }

    @Test
    void shouldRejectNullAggregationArguments() {
        assertSameFailure(b -> b.stream("in").groupByKey().reduce(null),
                b -> b.stream("in").groupByKey().reduce(null));
        assertSameFailure(b -> b.stream("in").groupByKey().aggregate(null, (k, v, a) -> a),
                b -> b.stream("in").groupByKey().aggregate(null, (k, v, a) -> a));
        assertSameFailure(b -> b.stream("in").groupBy(null), b -> b.stream("in").groupBy(null));
        assertSameFailure(b -> b.stream("in").groupByKey().count(
                        (dev.millrace.streams.kstream.Materialized<Object, Long,
                                dev.millrace.streams.state.KeyValueStore<dev.millrace.common.utils.Bytes, byte[]>>)
                                null),
                b -> b.stream("in").groupByKey().count(
                        (org.apache.kafka.streams.kstream.Materialized<Object, Long,
                                org.apache.kafka.streams.state.KeyValueStore<org.apache.kafka.common.utils.Bytes,
                                        byte[]>>) null));
    }

    @Test
    void shouldRejectNullJoinArguments() {
        assertSameFailure(b -> b.stream("in").join(b.table("t"),
                        (dev.millrace.streams.kstream.ValueJoiner<Object, Object, Object>) null),
                b -> b.stream("in").join(b.table("t"),
                        (org.apache.kafka.streams.kstream.ValueJoiner<Object, Object, Object>) null));
        assertSameFailure(b -> b.table("a").join(null, (x, y) -> x), b -> b.table("a").join(null, (x, y) -> x));
        assertSameFailure(b -> b.stream("in").join(b.globalTable("g"), null, (x, y) -> x),
                b -> b.stream("in").join(b.globalTable("g"), null, (x, y) -> x));
    }

    @Test
    void shouldRejectInvalidOptimizationConfigLikeKafka() {
        // Kafka's message prints unexpanded "+NO_OPTIMIZATION+" placeholders; ours names the values (StreamsConfig)
        Properties props = new Properties();
        props.put("topology.optimization", "all,merge.repartition.topics");
        assertThat(assertSameFailureType(b -> b.build(props), b -> b.build(props)))
                .hasMessageContaining("\"all,merge.repartition.topics\" is not a valid optimization config.");
        props.put("topology.optimization", "unknown");
        assertThat(assertSameFailureType(b -> b.build(props), b -> b.build(props)))
                .hasMessageStartingWith("Unrecognized config.");
    }

    @Test
    void shouldRejectOverlappingSourcesLikeKafka() {
        assertSameFailure(b -> {
            b.stream(java.util.List.of("a", "b"));
            b.stream("a");
            b.build();
        }, b -> {
            b.stream(java.util.List.of("a", "b"));
            b.stream("a");
            b.build();
        });
    }
}
