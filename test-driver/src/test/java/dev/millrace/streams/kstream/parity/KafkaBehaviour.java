package dev.millrace.streams.kstream.parity;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.*;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The programs of {@link MillraceBehaviour} against Kafka Streams' API (the oracle): only the imports differ.
 * Every program reads and writes strings (default serdes), so one harness runs them all.
 */
final class KafkaBehaviour {

    private KafkaBehaviour() {
    }

    private static String str(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    static Topology statelessOps() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, String> in = builder.stream("in");
        in.filter((k, v) -> v != null && v.startsWith("a")).to("filtered");
        in.filterNot((k, v) -> v == null || v.startsWith("a")).to("filtered-not");
        in.mapValues(v -> v == null ? "null" : v.toUpperCase(Locale.ROOT)).to("upper");
        in.mapValues((k, v) -> k + ":" + v).to("with-key");
        in.map((k, v) -> KeyValue.pair(v, k)).to("swapped");
        in.selectKey((k, v) -> "k-" + k).peek((k, v) -> { }).to("rekeyed");
        in.flatMap((k, v) -> List.of(KeyValue.pair(k, v), KeyValue.pair(k + "2", v))).to("doubled");
        in.flatMapValues(v -> v == null ? List.<String>of() : Arrays.asList(v.split(" "))).to("words");
        List<String> seen = new ArrayList<>();
        in.foreach((k, v) -> seen.add(v));
        return builder.build();
    }

    static Topology branchAndMerge() {
        StreamsBuilder builder = new StreamsBuilder();
        var branches = builder.<String, String>stream("in").split(Named.as("b-"))
                .branch((k, v) -> v.startsWith("a"), Branched.as("a"))
                .branch((k, v) -> v.startsWith("b"), Branched.withConsumer(s -> s.to("b-out")))
                .defaultBranch(Branched.as("rest"));
        branches.get("b-a").to("a-out");
        branches.get("b-rest").merge(branches.get("b-a")).to("merged");
        return builder.build();
    }

    static Topology wordCount() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, String>stream("lines")
                .flatMapValues(line -> Arrays.asList(line.toLowerCase(Locale.ROOT).split("\\W+")))
                .groupBy((k, word) -> word)
                .count(Materialized.as("counts"))
                .toStream()
                .mapValues(KafkaBehaviour::str)
                .to("counts-out");
        return builder.build();
    }

    static Topology streamAggregations() {
        StreamsBuilder builder = new StreamsBuilder();
        KGroupedStream<String, String> grouped = builder.<String, String>stream("in").groupByKey();
        grouped.count().toStream().mapValues(KafkaBehaviour::str).to("count");
        grouped.reduce((a, b) -> a + "+" + b).toStream().to("reduce");
        grouped.aggregate(() -> 0L, (k, v, agg) -> agg + v.length(), Materialized.with(null, Serdes.Long()))
                .toStream().mapValues(KafkaBehaviour::str).to("aggregate");
        return builder.build();
    }

    static Topology sameKeyTwicePerInput() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, String>stream("in")
                .flatMapValues(v -> Arrays.asList(v.split(" ")))
                .groupByKey()
                .count()
                .toStream()
                .mapValues(KafkaBehaviour::str)
                .to("count");
        return builder.build();
    }

    static Topology toTableAndFilter() {
        StreamsBuilder builder = new StreamsBuilder();
        KTable<String, String> table = builder.<String, String>stream("in").toTable(Materialized.as("latest"));
        table.filter((k, v) -> v.length() > 2).toStream().to("long-values");
        builder.<String, String>stream("in2").selectKey((k, v) -> v).toTable().toStream().to("by-value");
        return builder.build();
    }

    static Topology tableOps() {
        StreamsBuilder builder = new StreamsBuilder();
        KTable<String, String> users = builder.table("users");
        users.filter((k, v) -> v.startsWith("a")).toStream().to("a-users");
        users.filter((k, v) -> v.startsWith("a"), Materialized.as("a-store")).toStream().to("a-users-mat");
        users.mapValues(String::length).filterNot((k, v) -> v > 4).toStream().mapValues(KafkaBehaviour::str)
                .to("short-users");
        users.toStream((k, v) -> v).to("by-name");
        return builder.build();
    }

    static Topology tableGroupBy() {
        StreamsBuilder builder = new StreamsBuilder();
        KTable<String, String> users = builder.table("users");
        users.groupBy((id, region) -> KeyValue.pair(region, id)).count().toStream()
                .mapValues(KafkaBehaviour::str).to("per-region");
        users.groupBy((id, region) -> KeyValue.pair(region, id))
                .reduce((a, b) -> a + "," + b, (a, b) -> a.replace(b, "").replace(",,", ","))
                .toStream().to("ids-per-region");
        users.groupBy((id, region) -> KeyValue.pair("all", region))
                .aggregate(() -> 0L, (k, v, agg) -> agg + v.length(), (k, v, agg) -> agg - v.length(),
                        Materialized.with(null, Serdes.Long()))
                .toStream().mapValues(KafkaBehaviour::str).to("total-length");
        return builder.build();
    }

    static Topology tableTableJoins() {
        StreamsBuilder builder = new StreamsBuilder();
        KTable<String, String> left = builder.table("left");
        KTable<String, String> right = builder.table("right");
        left.join(right, (a, b) -> a + "/" + b).toStream().to("inner");
        left.leftJoin(right, (a, b) -> a + "/" + b).toStream().to("left-out");
        left.outerJoin(right, (a, b) -> a + "/" + b, Materialized.as("outer-store")).toStream().to("outer-out");
        return builder.build();
    }

    static Topology streamTableJoins() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, String> orders = builder.stream("orders");
        KTable<String, String> customers = builder.table("customers");
        orders.join(customers, (o, c) -> o + "@" + c).to("joined");
        orders.leftJoin(customers, (k, o, c) -> k + ":" + o + "@" + c).to("left-joined");
        orders.selectKey((k, v) -> v).join(customers, (o, c) -> o + "@" + c).to("rekeyed-joined");
        GlobalKTable<String, String> products = builder.globalTable("products");
        orders.join(products, (k, v) -> v, (o, p) -> o + "#" + p).to("global-joined");
        orders.leftJoin(products, (k, v) -> v, (o, p) -> o + "#" + p).to("global-left-joined");
        return builder.build();
    }

    static Topology repartitionAndProcess() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("seen"), Serdes.String(),
                Serdes.Long()));
        KStream<String, String> in = builder.stream("in");
        in.repartition().to("repartitioned");
        in.repartition(Repartitioned.as("named")).process(Counting::new, "seen").to("counted");
        return builder.build();
    }

    static Topology optimized(Properties props) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, String> rekeyed = builder.<String, String>stream("in").selectKey((k, v) -> v);
        rekeyed.groupByKey().count().toStream().mapValues(KafkaBehaviour::str).to("count");
        rekeyed.groupByKey(Grouped.as("concat")).reduce((a, b) -> a + b).toStream().to("concat");
        KTable<String, String> names = builder.table("names", Materialized.as("names-store"));
        rekeyed.join(names, (v, n) -> v + "/" + n).to("joined");
        return builder.build(props);
    }

    /** Counts records per key in the "seen" store and forwards the count as a string. */
    static final class Counting implements Processor<String, String, String, String> {
        private ProcessorContext<String, String> context;
        private KeyValueStore<String, Long> store;

        @Override
        public void init(ProcessorContext<String, String> context) {
            this.context = context;
            this.store = context.getStateStore("seen");
        }

        @Override
        public void process(Record<String, String> record) {
            Long count = store.get(record.key());
            long next = count == null ? 1L : count + 1L;
            store.put(record.key(), next);
            context.forward(record.withValue(String.valueOf(next)));
        }
    }
}
