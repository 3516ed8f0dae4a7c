package kafkatwin.examples.enrich;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;

/**
 * A KTable aggregation with updates and deletes: {@code user-regions} (user to region, a changelog: a new value
 * moves the user, a tombstone removes them) is re-grouped by region and counted, so a move decrements the old
 * region and increments the new one. Counts go to {@code region-counts} and stay queryable in "counts-by-region".
 */
public final class RegionCounts {

    /** The input topic. */
    public static final String INPUT_TOPIC = "user-regions";
    /** The output topic. */
    public static final String OUTPUT_TOPIC = "region-counts";

    private RegionCounts() {
    }

    /**
     * Builds the topology.
     *
     * @return the topology
     */
    public static Topology buildTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        KTable<String, String> userRegions = builder.table(INPUT_TOPIC,
                Consumed.with(Serdes.String(), Serdes.String()));
        userRegions
                .groupBy((user, region) -> KeyValue.pair(region, user), Grouped.with(Serdes.String(), Serdes.String()))
                .count(Materialized.as("counts-by-region"))
                .toStream()
                .to(OUTPUT_TOPIC, Produced.with(Serdes.String(), Serdes.Long()));
        return builder.build();
    }
}
