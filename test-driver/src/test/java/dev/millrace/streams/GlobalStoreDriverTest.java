package dev.millrace.streams;

import dev.millrace.common.serialization.Serdes;
import dev.millrace.streams.processor.api.ContextualProcessor;
import dev.millrace.streams.processor.api.Processor;
import dev.millrace.streams.processor.api.ProcessorContext;
import dev.millrace.streams.processor.api.Record;
import dev.millrace.streams.state.KeyValueStore;
import dev.millrace.streams.state.Stores;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Global stores are loaded synchronously by the driver and readable from any processor without connecting them. */
class GlobalStoreDriverTest {

    /** Writes every record of the global topic into the global store. */
    private static final class Loader implements Processor<String, String, Void, Void> {
        private KeyValueStore<String, String> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore("regions");
        }

        @Override
        public void process(Record<String, String> record) {
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), record.value());
            }
        }
    }

    /** Enriches values with the global store's entry for the key. */
    private static final class Enricher extends ContextualProcessor<String, String, String, String> {
        private KeyValueStore<String, String> regions;

        @Override
        public void init(ProcessorContext<String, String> context) {
            super.init(context);
            regions = context.getStateStore("regions");
        }

        @Override
        public void process(Record<String, String> record) {
            context().forward(record.withValue(record.value() + "@" + regions.get(record.key())));
        }
    }

    @Test
    void shouldLoadGlobalStoreAndServeLookups() {
        Topology topology = new Topology()
                .addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("regions"),
                                Serdes.String(), Serdes.String()).withLoggingDisabled(), "regions-source",
                        Serdes.String().deserializer(), Serdes.String().deserializer(), "regions", "regions-loader",
                        Loader::new)
                .addSource("clicks", Serdes.String().deserializer(), Serdes.String().deserializer(), "clicks")
                .addProcessor("enrich", Enricher::new, "clicks")
                .addSink("out", "enriched", Serdes.String().serializer(), Serdes.String().serializer(), "enrich");
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, new Properties())) {
            TestInputTopic<String, String> regions = driver.createInputTopic("regions", Serdes.String().serializer(),
                    Serdes.String().serializer());
            TestInputTopic<String, String> clicks = driver.createInputTopic("clicks", Serdes.String().serializer(),
                    Serdes.String().serializer());
            TestOutputTopic<String, String> out = driver.createOutputTopic("enriched",
                    Serdes.String().deserializer(), Serdes.String().deserializer());
            clicks.pipeInput("alice", "/home");
            regions.pipeInput("alice", "europe");
            clicks.pipeInput("alice", "/cart");
            regions.pipeInput("alice", (String) null);
            clicks.pipeInput("alice", "/bye");
            assertThat(out.readValuesToList()).containsExactly("/home@null", "/cart@europe", "/bye@null");
            KeyValueStore<String, String> store = driver.getKeyValueStore("regions");
            assertThat(store.get("alice")).isNull();
            assertThat(driver.getAllStateStores()).containsOnlyKeys("regions");
        }
    }
}
