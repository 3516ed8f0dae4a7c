package dev.millrace.streams.kstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.common.serialization.Serde;
import dev.millrace.common.serialization.Serdes;
import dev.millrace.streams.AutoOffsetReset;
import dev.millrace.streams.processor.StreamPartitioner;
import dev.millrace.streams.processor.TimestampExtractor;
import dev.millrace.streams.processor.WallclockTimestampExtractor;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Fluent semantics (copy or mutate), equality and null checks of the small parameter classes, as in Kafka. */
class ParameterObjectsTest {

    private static final Serde<String> STRING = Serdes.String();
    private static final Serde<Long> LONG = Serdes.Long();

    @Test
    void shouldCopyConsumedOnEveryWith() {
        Consumed<String, Long> base = Consumed.with(STRING, LONG);

        assertThat(base.withKeySerde(STRING)).isNotSameAs(base);
        assertThat(base.withValueSerde(LONG)).isNotSameAs(base);
        assertThat(base.withTimestampExtractor(new WallclockTimestampExtractor())).isNotSameAs(base);
        assertThat(base.withOffsetResetPolicy(AutoOffsetReset.earliest())).isNotSameAs(base);
        assertThat(base.withName("src")).isNotSameAs(base);
        assertThat(base.processorName).isNull();
        assertThat(base.timestampExtractor).isNull();
    }

    @Test
    void shouldCompareConsumedWithoutProcessorNameAndResetPolicyByIdentity() {
        TimestampExtractor extractor = new WallclockTimestampExtractor();
        AutoOffsetReset earliest = AutoOffsetReset.earliest();
        Consumed<String, Long> a = Consumed.with(STRING, LONG, extractor, earliest);

        assertThat(a).isEqualTo(Consumed.<String, Long>with(STRING, LONG, extractor, earliest).withName("other"))
            .hasSameHashCodeAs(Consumed.with(STRING, LONG, extractor, earliest));
        assertThat(a).isNotEqualTo(Consumed.with(STRING, LONG, extractor, AutoOffsetReset.earliest()));
        assertThat(Consumed.<String, Long>as("x")).isEqualTo(Consumed.<String, Long>as("y"));
        assertThat(kafkaConsumedIgnoresNameAndComparesResetByIdentity()).isTrue();
    }

    private static boolean kafkaConsumedIgnoresNameAndComparesResetByIdentity() {
        org.apache.kafka.streams.AutoOffsetReset earliest = org.apache.kafka.streams.AutoOffsetReset.earliest();
        return org.apache.kafka.streams.kstream.Consumed.as("x")
                .equals(org.apache.kafka.streams.kstream.Consumed.as("y"))
            && !org.apache.kafka.streams.kstream.Consumed.with(earliest)
                .equals(org.apache.kafka.streams.kstream.Consumed.with(
                    org.apache.kafka.streams.AutoOffsetReset.earliest()));
    }

    @Test
    void shouldMutateAndReturnProducedLikeKafka() {
        Produced<String, Long> produced = Produced.as("sink");
        StreamPartitioner<String, Long> partitioner = (topic, key, value, n) -> Optional.empty();

        assertThat(produced.withKeySerde(STRING)).isSameAs(produced);
        assertThat(produced.withValueSerde(LONG)).isSameAs(produced);
        assertThat(produced.withStreamPartitioner(partitioner)).isSameAs(produced);
        assertThat(produced.withName("renamed")).isSameAs(produced);
        assertThat(produced.processorName).isEqualTo("renamed");
        assertThat(produced).isEqualTo(Produced.with(STRING, LONG, partitioner))
            .hasSameHashCodeAs(Produced.with(STRING, LONG, partitioner));
        assertThat(produced).isNotEqualTo(Produced.with(STRING, LONG));
    }

    @Test
    void shouldCopyGroupedRepartitionedJoinedAndTableJoined() {
        Grouped<String, Long> grouped = Grouped.as("g");
        assertThat(grouped.withName("h")).isNotSameAs(grouped);
        assertThat(grouped.withKeySerde(STRING).keySerde).isSameAs(STRING);
        assertThat(grouped.keySerde).isNull();

        Repartitioned<String, Long> repartitioned = Repartitioned.numberOfPartitions(3);
        assertThat(repartitioned.withNumberOfPartitions(4).numberOfPartitions).isEqualTo(4);
        assertThat(repartitioned.withName("r").name).isEqualTo("r");
        assertThat(repartitioned.numberOfPartitions).isEqualTo(3);
        assertThat(repartitioned.name).isNull();

        Joined<String, Long, Long> joined = Joined.as("j");
        Joined<String, Long, Long> graced = joined.withGracePeriod(Duration.ofSeconds(1));
        assertThat(graced).isNotSameAs(joined);
        assertThat(graced.gracePeriod).isEqualTo(Duration.ofSeconds(1));
        assertThat(graced.name).isEqualTo("j");
        assertThat(joined.gracePeriod).isNull();

        TableJoined<String, Long> tableJoined = TableJoined.as("t");
        assertThat(tableJoined.withPartitioner((topic, key, value, n) -> Optional.empty())).isNotSameAs(tableJoined);
        assertThat(tableJoined.partitioner).isNull();
    }

    @Test
    void shouldRejectNullBranchArgumentsWithKafkasMessages() {
        assertThatThrownBy(() -> Branched.as(null)).hasMessage("name cannot be null");
        assertThatThrownBy(() -> Branched.withFunction(null)).hasMessage("chain function cannot be null");
        assertThatThrownBy(() -> Branched.withConsumer(null)).hasMessage("chain consumer cannot be null");
        assertThatThrownBy(() -> Branched.withFunction(null, "n")).hasMessage("chain function cannot be null");
        assertThatThrownBy(() -> Branched.withConsumer(null, "n")).hasMessage("chain consumer cannot be null");
        assertThatThrownBy(() -> Branched.as("b").withName(null)).isInstanceOf(NullPointerException.class)
            .hasMessage("name cannot be null");
    }

    @Test
    void shouldCopyBranchedOnWithName() {
        Branched<String, Long> branched = Branched.withConsumer(stream -> { }, "first");
        Branched<String, Long> renamed = branched.withName("second");

        assertThat(renamed).isNotSameAs(branched);
        assertThat(renamed.chainConsumer).isSameAs(branched.chainConsumer);
        assertThat(renamed.name).isEqualTo("second");
        assertThat(branched.name).isEqualTo("first");
    }

    @Test
    void shouldCallFunctionalInterfacesAsLambdas() {
        Predicate<String, Integer> positive = (k, v) -> v > 0;
        ValueMapper<Integer, String> text = String::valueOf;
        ValueMapperWithKey<String, Integer, String> keyed = (k, v) -> k + v;
        KeyValueMapper<String, Integer, String> kv = (k, v) -> k + "=" + v;
        Reducer<Integer> sum = Integer::sum;
        Aggregator<String, Integer, Long> agg = (k, v, a) -> a + v;
        Initializer<Long> zero = () -> 0L;
        Merger<String, Long> merge = (k, a, b) -> a + b;
        ValueJoiner<Integer, Integer, Integer> join = Integer::sum;
        ValueJoinerWithKey<String, Integer, Integer, String> joinKeyed = (k, a, b) -> k + (a + b);

        assertThat(positive.test("k", 1)).isTrue();
        assertThat(text.apply(5)).isEqualTo("5");
        assertThat(keyed.apply("k", 1)).isEqualTo("k1");
        assertThat(kv.apply("k", 1)).isEqualTo("k=1");
        assertThat(sum.apply(1, 2)).isEqualTo(3);
        assertThat(agg.apply("k", 2, zero.apply())).isEqualTo(2L);
        assertThat(merge.apply("k", 1L, 2L)).isEqualTo(3L);
        assertThat(join.apply(1, 2)).isEqualTo(3);
        assertThat(joinKeyed.apply("k", 1, 2)).isEqualTo("k3");
    }
}
