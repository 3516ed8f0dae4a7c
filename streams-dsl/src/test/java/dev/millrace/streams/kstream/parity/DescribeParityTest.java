package dev.millrace.streams.kstream.parity;

import org.junit.jupiter.api.Test;

import java.util.Properties;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For each DSL program, Millrace's {@code Topology.describe()} text equals Kafka Streams' for the same program
 * ({@link MillracePrograms} and {@link KafkaPrograms} differ only in imports): node names, counters, repartition and
 * store names, sub-topology numbering and the optimizations' rewrites.
 */
class DescribeParityTest {

    private static void assertSameDescription(Supplier<dev.millrace.streams.Topology> ours,
                                              Supplier<org.apache.kafka.streams.Topology> kafka) {
        String expected = kafka.get().describe().toString();
        assertThat(ours.get().describe().toString()).isEqualTo(expected);
    }

    private static void assertSameDescriptionWith(Function<Properties, dev.millrace.streams.Topology> ours,
                                                  Function<Properties, org.apache.kafka.streams.Topology> kafka,
                                                  String optimization) {
        Properties props = new Properties();
        if (optimization != null) {
            props.put("topology.optimization", optimization);
        }
        String expected = kafka.apply(props).describe().toString();
        assertThat(ours.apply(props).describe().toString()).as("topology.optimization=" + optimization)
                .isEqualTo(expected);
    }

    @Test
    void pipeShouldDescribeLikeKafka() {
        assertSameDescription(MillracePrograms::pipe, KafkaPrograms::pipe);
    }

    @Test
    void lineSplitShouldDescribeLikeKafka() {
        assertSameDescription(MillracePrograms::lineSplit, KafkaPrograms::lineSplit);
    }

    @Test
    void wordCountShouldDescribeLikeKafkaWithAndWithoutOptimization() {
        for (String optimization : new String[] {null, "none", "all"}) {
            assertSameDescriptionWith(MillracePrograms::wordCount, KafkaPrograms::wordCount, optimization);
        }
    }

    @Test
    void statelessChainShouldDescribeLikeKafka() {
        assertSameDescription(MillracePrograms::statelessChain, KafkaPrograms::statelessChain);
    }

    @Test
    void splitBranchesShouldDescribeLikeKafka() {
        assertSameDescription(MillracePrograms::branches, KafkaPrograms::branches);
    }

    @Test
    void mergeAndCountShouldDescribeLikeKafka() {
        assertSameDescription(MillracePrograms::mergeAndCount, KafkaPrograms::mergeAndCount);
    }

    @Test
    void groupByWithGroupedAsShouldDescribeLikeKafka() {
        assertSameDescription(MillracePrograms::groupByReduceAggregate, KafkaPrograms::groupByReduceAggregate);
    }

    @Test
    void toTableShouldDescribeLikeKafka() {
        assertSameDescription(MillracePrograms::toTable, KafkaPrograms::toTable);
    }

    @Test
    void tableMapValuesToStreamShouldDescribeLikeKafkaWithSourceTopicReuse() {
        for (String optimization : new String[] {null, "all", "reuse.ktable.source.topics"}) {
            assertSameDescriptionWith(MillracePrograms::tableOps, KafkaPrograms::tableOps, optimization);
        }
    }

    @Test
    void tableGroupByAggregationsShouldDescribeLikeKafka() {
        for (String optimization : new String[] {null, "all"}) {
            assertSameDescriptionWith(MillracePrograms::tableGroupBy, KafkaPrograms::tableGroupBy, optimization);
        }
    }

    @Test
    void tableTableJoinsShouldDescribeLikeKafka() {
        assertSameDescription(MillracePrograms::tableTableJoins, KafkaPrograms::tableTableJoins);
    }

    @Test
    void streamTableJoinsShouldDescribeLikeKafka() {
        for (String optimization : new String[] {null, "all"}) {
            assertSameDescriptionWith(MillracePrograms::streamTableJoins, KafkaPrograms::streamTableJoins,
                    optimization);
        }
    }

    @Test
    void streamGlobalTableJoinsShouldDescribeLikeKafka() {
        assertSameDescription(MillracePrograms::globalTableJoins, KafkaPrograms::globalTableJoins);
    }

    @Test
    void repartitionShouldDescribeLikeKafka() {
        assertSameDescription(MillracePrograms::repartitions, KafkaPrograms::repartitions);
    }

    @Test
    void processWithStoresShouldDescribeLikeKafka() {
        assertSameDescription(MillracePrograms::processWithStores, KafkaPrograms::processWithStores);
    }

    @Test
    void mergedRepartitionTopicsShouldDescribeLikeKafka() {
        for (String optimization : new String[] {null, "all", "merge.repartition.topics"}) {
            assertSameDescriptionWith(MillracePrograms::optimizedRepartitions, KafkaPrograms::optimizedRepartitions,
                    optimization);
        }
    }

    @Test
    void mergedKeyChangersShouldDescribeLikeKafka() {
        for (String optimization : new String[] {null, "all"}) {
            assertSameDescriptionWith(MillracePrograms::mergedKeyChangers, KafkaPrograms::mergedKeyChangers,
                    optimization);
        }
    }

    @Test
    void joinsAndTablesShouldDescribeLikeKafkaUnderEveryOptimization() {
        for (String optimization : new String[] {null, "none", "all", "reuse.ktable.source.topics",
                "merge.repartition.topics", "reuse.ktable.source.topics,merge.repartition.topics"}) {
            assertSameDescriptionWith(MillracePrograms::joinsAndTablesOptimized,
                    KafkaPrograms::joinsAndTablesOptimized, optimization);
        }
    }

    @Test
    void sourcesOfTheSameTopicsShouldBeMergedLikeKafka() {
        assertSameDescription(MillracePrograms::sameTopicTwice, KafkaPrograms::sameTopicTwice);
    }
}
