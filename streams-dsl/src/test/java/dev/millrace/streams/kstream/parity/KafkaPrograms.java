package dev.millrace.streams.kstream.parity;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.*;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;

/**
 * The programs of {@link MillracePrograms}, line for line, against Kafka Streams' API (the oracle):
 * the two files differ only in their imports.
 */
final class KafkaPrograms {

    private KafkaPrograms() {
    }

    static Topology pipe() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in").to("out");
        return builder.build();
    }

    static Topology lineSplit() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, String>stream("lines")
                .flatMapValues(value -> Arrays.asList(value.split("\\W+")))
                .to("words");
        return builder.build();
    }

    static Topology wordCount(Properties props) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, String>stream("plaintext-input", Consumed.with(Serdes.String(), Serdes.String()))
                .flatMapValues(value -> Arrays.asList(value.toLowerCase(Locale.getDefault()).split("\\W+")))
                .groupBy((key, value) -> value)
                .count(Materialized.as("counts-store"))
                .toStream()
                .to("wordcount-output", Produced.with(Serdes.String(), Serdes.Long()));
        return builder.build(props);
    }

    static Topology statelessChain() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, String> source = builder.stream("in");
        KStream<String, Integer> lengths = source.filter((k, v) -> v != null)
                .filterNot((k, v) -> v.isEmpty(), Named.as("not-empty"))
                .mapValues(String::length)
                .peek((k, v) -> { });
        lengths.selectKey((k, v) -> v).map((k, v) -> KeyValue.pair(v, k)).to("swapped");
        lengths.mapValues((k, v) -> k + v).flatMap((k, v) -> Arrays.asList(KeyValue.pair(k, v))).foreach((k, v) -> { });
        source.print(Printed.<String, String>toSysOut().withLabel("in"));
        return builder.build();
    }

    static Topology branches() {
        StreamsBuilder builder = new StreamsBuilder();
        var branches = builder.<String, Integer>stream("numbers")
                .split(Named.as("split-"))
                .branch((k, v) -> v > 0, Branched.as("positive"))
                .branch((k, v) -> v < 0, Branched.withConsumer(s -> s.to("negative")))
                .branch((k, v) -> v == 100, Branched.withFunction(s -> s.mapValues(v -> v * 2)))
                .defaultBranch();
        branches.get("split-positive").to("positive");
        builder.<String, Integer>stream("others").split().branch((k, v) -> true).noDefaultBranch()
                .values().forEach(s -> s.to("all"));
        return builder.build();
    }

    static Topology mergeAndCount() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, String> a = builder.stream("a");
        KStream<String, String> b = builder.stream("b");
        a.merge(b).groupByKey().count().toStream().to("counts");
        a.selectKey((k, v) -> v).merge(b, Named.as("merged")).groupByKey(Grouped.as("by-value")).count();
        return builder.build();
    }

    static Topology groupByReduceAggregate() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, Long> source = builder.stream("in", Consumed.with(Serdes.String(), Serdes.Long()));
        source.groupBy((k, v) -> k.substring(0, 1), Grouped.with("first-letter", Serdes.String(), Serdes.Long()))
                .reduce(Long::sum, Materialized.as("sums"));
        source.groupByKey().aggregate(() -> 0L, (k, v, agg) -> agg + v, Named.as("agg"),
                Materialized.with(Serdes.String(), Serdes.Long()));
        source.groupByKey().reduce(Math::max);
        source.groupBy((k, v) -> v).count(Named.as("count-by-value"), Materialized.with(Serdes.Long(), Serdes.Long()));
        return builder.build();
    }

    static Topology toTable() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, String> source = builder.stream("in");
        source.toTable(Materialized.as("latest")).toStream().to("latest-out");
        source.selectKey((k, v) -> v).toTable().filter((k, v) -> v != null).toStream().to("rekeyed");
        source.selectKey((k, v) -> v).toTable(Named.as("named-table")).toStream();
        return builder.build();
    }

    static Topology tableOps(Properties props) {
        StreamsBuilder builder = new StreamsBuilder();
        KTable<String, String> users = builder.table("users", Consumed.with(Serdes.String(), Serdes.String()));
        users.mapValues(String::length).filter((k, v) -> v > 3).toStream().to("long-names");
        users.filterNot((k, v) -> v.isEmpty(), Materialized.as("non-empty")).mapValues(v -> v + "!",
                Named.as("excited")).toStream((k, v) -> v).to("by-name");
        builder.table("regions", Materialized.as("regions-store")).toStream().to("regions-out");
        return builder.build(props);
    }

    static Topology tableGroupBy(Properties props) {
        StreamsBuilder builder = new StreamsBuilder();
        KTable<String, String> users = builder.table("users", Consumed.with(Serdes.String(), Serdes.String()));
        users.groupBy((id, region) -> KeyValue.pair(region, id)).count().toStream().to("users-per-region");
        users.groupBy((id, region) -> KeyValue.pair(region, region.length()),
                        Grouped.with("by-region", Serdes.String(), Serdes.Integer()))
                .reduce(Integer::sum, (a, b) -> a - b, Materialized.as("region-lengths"));
        users.groupBy((id, region) -> KeyValue.pair(id, region))
                .aggregate(() -> "", (k, v, agg) -> agg + v, (k, v, agg) -> agg, Named.as("concat"));
        return builder.build(props);
    }

    static Topology tableTableJoins() {
        StreamsBuilder builder = new StreamsBuilder();
        KTable<String, String> left = builder.table("left");
        KTable<String, String> right = builder.table("right");
        left.join(right, (a, b) -> a + b).toStream().to("inner");
        left.leftJoin(right, (a, b) -> a + b, Materialized.as("left-joined")).toStream().to("left-out");
        left.outerJoin(right, (a, b) -> a + b, Named.as("outer")).toStream().to("outer-out");
        left.join(right.filter((k, v) -> v != null), (a, b) -> a + b, Named.as("inner2"),
                Materialized.with(Serdes.String(), Serdes.String()));
        return builder.build();
    }

    static Topology streamTableJoins(Properties props) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, String> orders = builder.stream("orders");
        KTable<String, String> customers = builder.table("customers");
        orders.join(customers, (o, c) -> o + c).to("enriched");
        orders.leftJoin(customers, (k, o, c) -> k + o + c, Joined.as("left-enrich")).to("left-enriched");
        orders.selectKey((k, v) -> v).join(customers, (o, c) -> o + c).to("rekeyed-enriched");
        orders.selectKey((k, v) -> v).leftJoin(customers, (o, c) -> o + c,
                Joined.with(Serdes.String(), Serdes.String(), Serdes.String(), "named-join")).to("named-enriched");
        return builder.build(props);
    }

    static Topology globalTableJoins() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, String> orders = builder.stream("orders");
        GlobalKTable<String, String> products = builder.globalTable("products");
        GlobalKTable<String, String> named = builder.globalTable("named-products", Materialized.as("products-store"));
        orders.join(products, (k, v) -> v, (o, p) -> o + p).to("with-product");
        orders.leftJoin(named, (k, v) -> v, (k, o, p) -> o + p, Named.as("global-left")).to("with-named");
        return builder.build();
    }

    static Topology repartitions() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, String> source = builder.stream("in");
        source.repartition().to("out1");
        source.repartition(Repartitioned.<String, String>as("by-key").withNumberOfPartitions(3)).groupByKey().count();
        source.selectKey((k, v) -> v).repartition(Repartitioned.with(Serdes.String(), Serdes.String())).to("out3");
        return builder.build();
    }

    static Topology processWithStores() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("seen"), Serdes.String(),
                Serdes.Long()));
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("global-store"),
                        Serdes.String(), Serdes.String()).withLoggingDisabled(), "global-topic",
                Consumed.with(Serdes.String(), Serdes.String()), GlobalUpdater::new);
        KStream<String, String> source = builder.stream("in");
        source.process(Counting::new, "seen").to("counted");
        source.process(Counting::new, Named.as("counter2"), "seen").groupByKey().count();
        source.processValues(() -> new FixedKeyProcessor<String, String, String>() {
            private FixedKeyProcessorContext<String, String> context;

            @Override
            public void init(FixedKeyProcessorContext<String, String> context) {
                this.context = context;
            }

            @Override
            public void process(FixedKeyRecord<String, String> record) {
                context.forward(record);
            }
        }).to("values");
        return builder.build();
    }

    static Topology optimizedRepartitions(Properties props) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, String> rekeyed = builder.<String, String>stream("in").selectKey((k, v) -> v);
        rekeyed.groupByKey().count().toStream().to("count");
        rekeyed.groupByKey().reduce((a, b) -> a + b).toStream().to("reduce");
        rekeyed.groupByKey(Grouped.as("named-group")).aggregate(() -> "", (k, v, a) -> a + v);
        KTable<String, String> table = builder.table("table");
        rekeyed.join(table, (a, b) -> a + b).to("joined");
        rekeyed.mapValues(v -> v.length()).groupByKey().count();
        return builder.build(props);
    }

    static Topology mergedKeyChangers(Properties props) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, String> a = builder.<String, String>stream("a").map((k, v) -> KeyValue.pair(v, k));
        KStream<String, String> b = builder.<String, String>stream("b").selectKey((k, v) -> v);
        KStream<String, String> merged = a.merge(b);
        merged.groupByKey(Grouped.as("first")).count().toStream().to("c1");
        merged.groupByKey().reduce((x, y) -> x + y).toStream().to("c2");
        merged.filter((k, v) -> v != null).groupByKey(Grouped.as("second")).count();
        return builder.build(props);
    }

    static Topology joinsAndTablesOptimized(Properties props) {
        StreamsBuilder builder = new StreamsBuilder();
        KTable<String, String> named = builder.table("named", Materialized.as("named-store"));
        KTable<String, String> plain = builder.table("plain");
        KStream<String, String> rekeyed = builder.<String, String>stream("s").selectKey((k, v) -> v);
        rekeyed.join(named, (x, y) -> x + y, Joined.as("j1")).to("o1");
        rekeyed.leftJoin(plain, (x, y) -> x + y).to("o2");
        rekeyed.groupByKey().count();
        named.join(plain, (x, y) -> x + y).toStream((k, v) -> v).groupByKey().count();
        builder.<String, String>stream("p").process(Passing::new).groupByKey().count();
        return builder.build(props);
    }

    /** Forwards every record unchanged. */
    static final class Passing implements Processor<String, String, String, String> {
        private ProcessorContext<String, String> context;

        @Override
        public void init(ProcessorContext<String, String> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, String> record) {
            context.forward(record);
        }
    }

    static Topology sameTopicTwice() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in").to("out1");
        builder.stream("in").filter((k, v) -> true).to("out2");
        builder.stream(java.util.regex.Pattern.compile("p.*")).to("out3");
        builder.stream(java.util.regex.Pattern.compile("p.*")).to("out4");
        return builder.build();
    }

    /** Counts records per key in the "seen" store and forwards the count. */
    static final class Counting implements Processor<String, String, String, Long> {
        private ProcessorContext<String, Long> context;
        private KeyValueStore<String, Long> store;

        @Override
        public void init(ProcessorContext<String, Long> context) {
            this.context = context;
            this.store = context.getStateStore("seen");
        }

        @Override
        public void process(Record<String, String> record) {
            Long count = store.get(record.key());
            long next = count == null ? 1L : count + 1L;
            store.put(record.key(), next);
            context.forward(record.withValue(next));
        }
    }

    /** Copies the global topic into the global store. */
    static final class GlobalUpdater implements Processor<String, String, Void, Void> {
        private KeyValueStore<String, String> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore("global-store");
        }

        @Override
        public void process(Record<String, String> record) {
            store.put(record.key(), record.value());
        }
    }
}
