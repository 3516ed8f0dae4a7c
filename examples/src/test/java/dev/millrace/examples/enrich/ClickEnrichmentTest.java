package dev.millrace.examples.enrich;

import dev.millrace.common.serialization.Serdes;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.TestInputTopic;
import dev.millrace.streams.TestOutputTopic;
import dev.millrace.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClickEnrichmentTest {

    @Test
    void shouldEnrichClicksWithTheLatestRegion() {
        try (TopologyTestDriver driver = new TopologyTestDriver(ClickEnrichment.buildTopology())) {
            TestInputTopic<String, String> regions = driver.createInputTopic(ClickEnrichment.REGIONS_TOPIC,
                    Serdes.String().serializer(), Serdes.String().serializer());
            TestInputTopic<String, String> clicks = driver.createInputTopic(ClickEnrichment.CLICKS_TOPIC,
                    Serdes.String().serializer(), Serdes.String().serializer());
            TestOutputTopic<String, String> output = driver.createOutputTopic(ClickEnrichment.OUTPUT_TOPIC,
                    Serdes.String().deserializer(), Serdes.String().deserializer());
            clicks.pipeInput("alice", "/home");
            regions.pipeInput("alice", "europe");
            clicks.pipeInput("alice", "/cart");
            regions.pipeInput("alice", "asia");
            clicks.pipeInput("alice", "/pay");
            regions.pipeInput("alice", (String) null);
            clicks.pipeInput("alice", "/bye");
            assertThat(output.readKeyValuesToList()).containsExactly(KeyValue.pair("alice", "/home@unknown"),
                    KeyValue.pair("alice", "/cart@europe"), KeyValue.pair("alice", "/pay@asia"),
                    KeyValue.pair("alice", "/bye@unknown"));
        }
    }
}
