package dev.millrace.examples.enrich;

import dev.millrace.common.serialization.Serdes;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.TestInputTopic;
import dev.millrace.streams.TestOutputTopic;
import dev.millrace.streams.TopologyTestDriver;
import dev.millrace.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegionCountsTest {

    @Test
    void shouldMoveCountsOnUpdatesAndDropThemOnDeletes() {
        try (TopologyTestDriver driver = new TopologyTestDriver(RegionCounts.buildTopology())) {
            TestInputTopic<String, String> users = driver.createInputTopic(RegionCounts.INPUT_TOPIC,
                    Serdes.String().serializer(), Serdes.String().serializer());
            TestOutputTopic<String, Long> counts = driver.createOutputTopic(RegionCounts.OUTPUT_TOPIC,
                    Serdes.String().deserializer(), Serdes.Long().deserializer());
            users.pipeInput("alice", "europe");
            users.pipeInput("bob", "europe");
            users.pipeInput("carol", "asia");
            assertThat(counts.readKeyValuesToList()).containsExactly(KeyValue.pair("europe", 1L),
                    KeyValue.pair("europe", 2L), KeyValue.pair("asia", 1L));
            users.pipeInput("bob", "asia");
            assertThat(counts.readKeyValuesToList()).containsExactly(KeyValue.pair("europe", 1L),
                    KeyValue.pair("asia", 2L));
            users.pipeInput("alice", (String) null);
            assertThat(counts.readKeyValuesToList()).containsExactly(KeyValue.pair("europe", 0L));
            KeyValueStore<String, Long> store = driver.getKeyValueStore("counts-by-region");
            assertThat(store.get("asia")).isEqualTo(2L);
            assertThat(store.get("europe")).isEqualTo(0L);
        }
    }
}
