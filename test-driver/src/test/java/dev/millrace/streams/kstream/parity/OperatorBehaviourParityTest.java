package dev.millrace.streams.kstream.parity;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static dev.millrace.streams.kstream.parity.DriverParity.in;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each DSL operator's output on Millrace's test driver equals Kafka Streams' output on Kafka's test driver for the
 * same program and input (records, keys, values, timestamps, tombstones, order).
 */
class OperatorBehaviourParityTest {

    private static final long SEED = Long.getLong("millrace.seed", 20261125L);

    private static List<String> assertSameOutput(Supplier<dev.millrace.streams.Topology> ours,
                                                 Supplier<org.apache.kafka.streams.Topology> kafka,
                                                 List<DriverParity.In> inputs, String... outputs) {
        List<String> expected = DriverParity.runKafka(kafka.get(), inputs, List.of(outputs));
        List<String> actual = DriverParity.runOurs(ours.get(), inputs, List.of(outputs));
        assertThat(actual).as("outputs for inputs %s", inputs).containsExactlyElementsOf(expected);
        return actual;
    }

    @Test
    void statelessOperatorsShouldMatchKafka() {
        List<String> out = assertSameOutput(MillraceBehaviour::statelessOps, KafkaBehaviour::statelessOps, List.of(
                in("in", "1", "apple pie", 10), in("in", "2", "banana", 20), in("in", "3", null, 30),
                in("in", "4", "avocado", 5)),
                "filtered", "filtered-not", "upper", "with-key", "swapped", "rekeyed", "doubled", "words");
        assertThat(out).contains("filtered|1|apple pie|10", "words|1|pie|10");
    }

    @Test
    void splitAndMergeShouldMatchKafka() {
        assertSameOutput(MillraceBehaviour::branchAndMerge, KafkaBehaviour::branchAndMerge, List.of(
                in("in", "1", "a1", 1), in("in", "2", "b1", 2), in("in", "3", "c1", 3), in("in", "4", "a2", 4)),
                "a-out", "b-out", "merged");
    }

    @Test
    void wordCountShouldMatchKafka() {
        List<String> out = assertSameOutput(MillraceBehaviour::wordCount, KafkaBehaviour::wordCount, List.of(
                in("lines", null, "Hello Kafka Streams", 1), in("lines", null, "All streams lead to Kafka", 2),
                in("lines", null, "Join Kafka Summit", 3)), "counts-out");
        assertThat(out).contains("counts-out|kafka|3|3");
    }

    @Test
    void randomizedWordCountShouldMatchKafka() {
        Random random = new Random(SEED);
        String[] vocabulary = {"a", "b", "c", "d", "e", "f", "g"};
        for (int round = 0; round < 5; round++) {
            List<DriverParity.In> inputs = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                StringBuilder line = new StringBuilder();
                for (int w = 0; w <= random.nextInt(5); w++) {
                    line.append(vocabulary[random.nextInt(vocabulary.length)]).append(' ');
                }
                inputs.add(in("lines", null, line.toString().trim(), random.nextInt(1000)));
            }
            List<String> expected = DriverParity.runKafka(KafkaBehaviour.wordCount(), inputs, List.of("counts-out"));
            List<String> actual = DriverParity.runOurs(MillraceBehaviour.wordCount(), inputs, List.of("counts-out"));
            assertThat(actual).as("seed=%d round=%d", SEED, round).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void streamAggregationsShouldSkipNullKeysAndValuesLikeKafka() {
        assertSameOutput(MillraceBehaviour::streamAggregations, KafkaBehaviour::streamAggregations, List.of(
                in("in", "a", "x", 10), in("in", "a", "yy", 5), in("in", null, "z", 11), in("in", "b", null, 12),
                in("in", "b", "w", 13), in("in", "a", "zzz", 20)), "count", "reduce", "aggregate");
    }

    @Test
    void cachedAggregationShouldForwardOnceForSeveralUpdatesOfOneKeyPerInputLikeKafka() {
        List<String> out = assertSameOutput(MillraceBehaviour::sameKeyTwicePerInput,
                KafkaBehaviour::sameKeyTwicePerInput, List.of(in("in", "a", "x y z", 1), in("in", "a", "x", 2)),
                "count");
        assertThat(out).containsExactly("count|a|3|1", "count|a|4|2");
    }

    @Test
    void toTableAndTableFilterShouldEmitTombstonesLikeKafka() {
        assertSameOutput(MillraceBehaviour::toTableAndFilter, KafkaBehaviour::toTableAndFilter, List.of(
                in("in", "a", "long", 1), in("in", "a", "no", 2), in("in", "b", "xyz", 3), in("in", "b", null, 4),
                in("in2", "k", "v1", 5), in("in2", "k", "v2", 6)), "long-values", "by-value");
    }

    @Test
    void tableOperatorsShouldMatchKafka() {
        assertSameOutput(MillraceBehaviour::tableOps, KafkaBehaviour::tableOps, List.of(
                in("users", "1", "alice", 1), in("users", "2", "bob", 2), in("users", "1", "bobby", 3),
                in("users", "2", "anna", 4), in("users", "2", null, 5), in("users", null, "nobody", 6)),
                "a-users", "a-users-mat", "short-users", "by-name");
    }

    @Test
    void tableGroupByAggregationsShouldFollowUpdatesAndDeletesLikeKafka() {
        assertSameOutput(MillraceBehaviour::tableGroupBy, KafkaBehaviour::tableGroupBy, List.of(
                in("users", "1", "eu", 1), in("users", "2", "us", 2), in("users", "3", "eu", 3),
                in("users", "1", "us", 4), in("users", "3", null, 5), in("users", "2", "us", 6)),
                "per-region", "ids-per-region", "total-length");
    }

    @Test
    void tableTableJoinsShouldMatchKafka() {
        assertSameOutput(MillraceBehaviour::tableTableJoins, KafkaBehaviour::tableTableJoins, List.of(
                in("left", "1", "L1", 1), in("right", "1", "R1", 2), in("right", "2", "R2", 3),
                in("left", "1", "L1b", 4), in("left", "2", "L2", 5), in("right", "1", null, 6),
                in("left", "2", null, 7), in("right", "2", null, 8)), "inner", "left-out", "outer-out");
    }

    @Test
    void streamTableAndGlobalTableJoinsShouldMatchKafka() {
        assertSameOutput(MillraceBehaviour::streamTableJoins, KafkaBehaviour::streamTableJoins, List.of(
                in("customers", "c1", "Carol", 1), in("products", "p1", "Pen", 2), in("orders", "c1", "p1", 3),
                in("orders", "c2", "p2", 4), in("customers", "p1", "Paul", 5), in("orders", "c1", "p1", 6),
                in("orders", null, "p1", 7), in("customers", "c1", null, 8), in("orders", "c1", "p1", 9)),
                "joined", "left-joined", "rekeyed-joined", "global-joined", "global-left-joined");
    }

    @Test
    void repartitionAndProcessShouldMatchKafka() {
        assertSameOutput(MillraceBehaviour::repartitionAndProcess, KafkaBehaviour::repartitionAndProcess, List.of(
                in("in", "a", "1", 1), in("in", "b", "2", 2), in("in", "a", "3", 3)), "repartitioned", "counted");
    }

    @Test
    void optimizedTopologiesShouldBehaveLikeKafka() {
        for (String optimization : new String[] {"none", "all"}) {
            java.util.Properties props = new java.util.Properties();
            props.put("topology.optimization", optimization);
            assertSameOutput(() -> MillraceBehaviour.optimized(props), () -> KafkaBehaviour.optimized(props),
                    List.of(in("names", "x", "X", 1), in("in", "1", "x", 2), in("in", "2", "y", 3),
                            in("in", "3", "x", 4), in("names", "y", "Y", 5), in("in", "4", "y", 6)),
                    "count", "concat", "joined");
        }
    }
}
