package dev.millrace.examples.wordcount;

import dev.millrace.streams.StreamsBuilder;
import dev.millrace.streams.Topology;

import java.util.Arrays;

/**
 * Splits each line of {@code streams-plaintext-input} into words written one per record to
 * {@code streams-linesplit-output}, keeping the line's key.
 */
public final class LineSplit {

    /** The input topic. */
    public static final String INPUT_TOPIC = "streams-plaintext-input";
    /** The output topic. */
    public static final String OUTPUT_TOPIC = "streams-linesplit-output";

    private LineSplit() {
    }

    /**
     * Builds the topology (default serdes: strings).
     *
     * @return the topology
     */
    public static Topology buildTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, String>stream(INPUT_TOPIC)
                .flatMapValues(value -> Arrays.asList(value.split("\\W+")))
                .to(OUTPUT_TOPIC);
        return builder.build();
    }
}
