package dev.millrace.examples.wordcount;

import dev.millrace.common.serialization.Serdes;
import dev.millrace.streams.StreamsBuilder;
import dev.millrace.streams.kstream.KStream;
import dev.millrace.streams.kstream.KTable;
import dev.millrace.streams.kstream.Produced;

import java.util.Arrays;
import java.util.Locale;

/**
 * Word count with the DSL: lines are split into lower-case words, re-keyed by word (a repartition topic) and
 * counted; every count update goes to {@code streams-wordcount-output} (word to count).
 */
public final class WordCountDemo {

    /** The input topic. */
    public static final String INPUT_TOPIC = "streams-plaintext-input";
    /** The output topic. */
    public static final String OUTPUT_TOPIC = "streams-wordcount-output";

    private WordCountDemo() {
    }

    /**
     * Adds the word count to a builder (default serdes: strings).
     *
     * @param builder the builder
     */
    public static void createWordCountStream(StreamsBuilder builder) {
        KStream<String, String> source = builder.stream(INPUT_TOPIC);
        KTable<String, Long> counts = source
                .flatMapValues(value -> Arrays.asList(value.toLowerCase(Locale.ROOT).split("\\W+")))
                .groupBy((key, value) -> value)
                .count();
        counts.toStream().to(OUTPUT_TOPIC, Produced.with(Serdes.String(), Serdes.Long()));
    }
}
