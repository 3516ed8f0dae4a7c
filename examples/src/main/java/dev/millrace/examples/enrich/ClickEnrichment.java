package dev.millrace.examples.enrich;

import dev.millrace.common.serialization.Serdes;
import dev.millrace.streams.StreamsBuilder;
import dev.millrace.streams.Topology;
import dev.millrace.streams.kstream.Consumed;
import dev.millrace.streams.kstream.Joined;
import dev.millrace.streams.kstream.KStream;
import dev.millrace.streams.kstream.KTable;
import dev.millrace.streams.kstream.Produced;

/**
 * A stream-table enrichment join: each click of {@code user-clicks} (user to page) is joined with the user's region
 * from the {@code user-regions} table; clicks of users without a region get "unknown" (left join). Results go to
 * {@code clicks-by-region} as "page@region".
 */
public final class ClickEnrichment {

    /** The clicks topic. */
    public static final String CLICKS_TOPIC = "user-clicks";
    /** The regions topic. */
    public static final String REGIONS_TOPIC = "user-regions";
    /** The output topic. */
    public static final String OUTPUT_TOPIC = "clicks-by-region";

    private ClickEnrichment() {
    }

    /**
     * Builds the topology.
     *
     * @return the topology
     */
    public static Topology buildTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, String> clicks = builder.stream(CLICKS_TOPIC, Consumed.with(Serdes.String(), Serdes.String()));
        KTable<String, String> regions = builder.table(REGIONS_TOPIC,
                Consumed.with(Serdes.String(), Serdes.String()));
        clicks.leftJoin(regions, (page, region) -> page + "@" + (region == null ? "unknown" : region),
                        Joined.with(Serdes.String(), Serdes.String(), Serdes.String()))
                .to(OUTPUT_TOPIC, Produced.with(Serdes.String(), Serdes.String()));
        return builder.build();
    }
}
