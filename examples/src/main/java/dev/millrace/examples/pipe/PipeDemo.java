package dev.millrace.examples.pipe;

import dev.millrace.streams.StreamsBuilder;
import dev.millrace.streams.Topology;

/** Copies {@code streams-plaintext-input} to {@code streams-pipe-output} unchanged. */
public final class PipeDemo {

    /** The input topic. */
    public static final String INPUT_TOPIC = "streams-plaintext-input";
    /** The output topic. */
    public static final String OUTPUT_TOPIC = "streams-pipe-output";

    private PipeDemo() {
    }

    /**
     * Builds the topology (default serdes).
     *
     * @return the topology
     */
    public static Topology buildTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(INPUT_TOPIC).to(OUTPUT_TOPIC);
        return builder.build();
    }
}
