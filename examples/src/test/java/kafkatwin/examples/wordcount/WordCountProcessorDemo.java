package kafkatwin.examples.wordcount;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.time.Duration;
import java.util.Locale;

/**
 * Word count with the Processor API: a processor splits lines into words and counts them in a key-value store; a
 * stream-time punctuator emits every count once per second of stream time. Reads {@code streams-plaintext-input},
 * writes {@code streams-wordcount-processor-output} (word to count, as strings).
 */
public final class WordCountProcessorDemo {

    /** The input topic. */
    public static final String INPUT_TOPIC = "streams-plaintext-input";
    /** The output topic. */
    public static final String OUTPUT_TOPIC = "streams-wordcount-processor-output";

    private WordCountProcessorDemo() {
    }

    /** Counts words into the "Counts" store and emits all counts on each stream-time second. */
    static final class WordCountProcessor implements Processor<String, String, String, String> {
        private KeyValueStore<String, Integer> counts;

        @Override
        public void init(ProcessorContext<String, String> context) {
            counts = context.getStateStore("Counts");
            context.schedule(Duration.ofSeconds(1), PunctuationType.STREAM_TIME, timestamp -> {
                try (KeyValueIterator<String, Integer> all = counts.all()) {
                    while (all.hasNext()) {
                        KeyValue<String, Integer> entry = all.next();
                        context.forward(new Record<>(entry.key, entry.value.toString(), timestamp));
                    }
                }
            });
        }

        @Override
        public void process(Record<String, String> record) {
            for (String word : record.value().toLowerCase(Locale.ROOT).split("\\W+")) {
                Integer old = counts.get(word);
                counts.put(word, old == null ? 1 : old + 1);
            }
        }
    }

    /**
     * Builds the topology (default serdes: strings).
     *
     * @return the topology
     */
    public static Topology buildTopology() {
        Topology topology = new Topology();
        topology.addSource("Source", INPUT_TOPIC);
        topology.addProcessor("Process", WordCountProcessor::new, "Source");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("Counts"),
                Serdes.String(), Serdes.Integer()), "Process");
        topology.addSink("Sink", OUTPUT_TOPIC, "Process");
        return topology;
    }
}
