package kafkatwin.examples.enrich;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Produced;

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
