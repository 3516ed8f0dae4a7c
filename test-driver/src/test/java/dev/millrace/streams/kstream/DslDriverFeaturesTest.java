package dev.millrace.streams.kstream;

import dev.millrace.common.Metric;
import dev.millrace.common.MetricName;
import dev.millrace.common.serialization.Serdes;
import dev.millrace.common.serialization.StringSerializer;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.StreamsBuilder;
import dev.millrace.streams.TestInputTopic;
import dev.millrace.streams.TopologyTestDriver;
import dev.millrace.streams.state.KeyValueStore;
import dev.millrace.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DSL features observed through the test driver: queryable stores named by {@code Materialized.as}, the
 * dropped-records metric for skipped records, side-effect operators and {@code print}, each checked against Kafka
 * Streams running the same program on its own test driver.
 */
class DslDriverFeaturesTest {

    private static Properties props() {
        Properties props = new Properties();
        props.put("application.id", "dsl-features");
        props.put("default.key.serde", Serdes.StringSerde.class.getName());
        props.put("default.value.serde", Serdes.StringSerde.class.getName());
        return props;
    }

    private static Properties kafkaProps() {
        Properties props = new Properties();
        props.put("application.id", "dsl-features");
        props.put("default.key.serde", org.apache.kafka.common.serialization.Serdes.StringSerde.class.getName());
        props.put("default.value.serde", org.apache.kafka.common.serialization.Serdes.StringSerde.class.getName());
        return props;
    }

    @Test
    void countShouldBeQueryableUnderItsMaterializedName() {
        StreamsBuilder builder = new StreamsBuilder();
        KTable<String, Long> counts = builder.<String, String>stream("lines")
                .flatMapValues(line -> Arrays.asList(line.split(" ")))
                .groupBy((k, word) -> word)
                .count(Materialized.as("counts"));
        assertThat(counts.queryableStoreName()).isEqualTo("counts");
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props())) {
            TestInputTopic<String, String> lines = driver.createInputTopic("lines", new StringSerializer(),
                    new StringSerializer());
            lines.pipeInput(null, "a b a", 5L);
            lines.pipeInput(null, "b", 9L);
            KeyValueStore<String, Long> store = driver.getKeyValueStore("counts");
            assertThat(store.get("a")).isEqualTo(2L);
            assertThat(store.get("b")).isEqualTo(2L);
            KeyValueStore<String, ValueAndTimestamp<Long>> timestamped =
                    driver.getTimestampedKeyValueStore("counts");
            assertThat(timestamped.get("b")).isEqualTo(ValueAndTimestamp.make(2L, 9L));
        }
    }

    @Test
    void onlyNamedTablesAndGlobalTablesShouldBeQueryable() {
        StreamsBuilder builder = new StreamsBuilder();
        KTable<String, String> table = builder.table("t");
        assertThat(table.queryableStoreName()).isNull();
        assertThat(table.filter((k, v) -> true).queryableStoreName()).isNull();
        assertThat(table.filter((k, v) -> true, Materialized.as("f")).queryableStoreName()).isEqualTo("f");
        org.apache.kafka.streams.StreamsBuilder kafkaBuilder = new org.apache.kafka.streams.StreamsBuilder();
        org.apache.kafka.streams.kstream.KTable<String, String> kafkaTable = kafkaBuilder.table("t");
        kafkaTable.filter((k, v) -> true);
        kafkaTable.filter((k, v) -> true, org.apache.kafka.streams.kstream.Materialized.as("f"));
        // global tables are always queryable, under a generated name when unnamed
        assertThat(builder.globalTable("g").queryableStoreName())
                .isEqualTo(kafkaBuilder.globalTable("g").queryableStoreName()).isEqualTo("g-STATE-STORE-0000000005");
    }

    @Test
    void aggregationsShouldCountSkippedRecordsLikeKafka() {
        StreamsBuilder builder = new StreamsBuilder();
        KGroupedStream<String, String> grouped = builder.<String, String>stream("in").groupByKey();
        grouped.count();
        grouped.reduce((a, b) -> a + b);
        double ours;
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props())) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", new StringSerializer(),
                    new StringSerializer());
            in.pipeInput(null, "x", 1L);
            in.pipeInput("k", null, 2L);
            in.pipeInput("k", "v", 3L);
            ours = droppedRecords(driver.metrics());
        }
        org.apache.kafka.streams.StreamsBuilder kafkaBuilder = new org.apache.kafka.streams.StreamsBuilder();
        org.apache.kafka.streams.kstream.KGroupedStream<String, String> kafkaGrouped =
                kafkaBuilder.<String, String>stream("in").groupByKey();
        kafkaGrouped.count();
        kafkaGrouped.reduce((a, b) -> a + b);
        double kafka = 0;
        try (org.apache.kafka.streams.TopologyTestDriver driver =
                     new org.apache.kafka.streams.TopologyTestDriver(kafkaBuilder.build(), kafkaProps())) {
            var in = driver.createInputTopic("in", new org.apache.kafka.common.serialization.StringSerializer(),
                    new org.apache.kafka.common.serialization.StringSerializer());
            in.pipeInput(null, "x", 1L);
            in.pipeInput("k", null, 2L);
            in.pipeInput("k", "v", 3L);
            for (var entry : driver.metrics().entrySet()) {
                if (entry.getKey().name().equals("dropped-records-total")) {
                    kafka += ((Number) entry.getValue().metricValue()).doubleValue();
                }
            }
        }
        // count and reduce each skip the null-key and the null-value record
        assertThat(ours).isEqualTo(kafka).isEqualTo(4.0);
    }

    private static double droppedRecords(Map<MetricName, ? extends Metric> metrics) {
        double total = 0;
        for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
            if (entry.getKey().name().equals("dropped-records-total")) {
                total += ((Number) entry.getValue().metricValue()).doubleValue();
            }
        }
        return total;
    }

    @Test
    void peekAndForeachShouldSeeEveryRecordInOrder() {
        List<String> peeked = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, String>stream("in").peek((k, v) -> peeked.add(k + "=" + v))
                .mapValues(v -> v + "!").foreach((k, v) -> seen.add(k + "=" + v));
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props())) {
            driver.createInputTopic("in", new StringSerializer(), new StringSerializer())
                    .pipeKeyValueList(List.of(KeyValue.pair("a", "1"), KeyValue.pair("b", "2")));
        }
        assertThat(peeked).containsExactly("a=1", "b=2");
        assertThat(seen).containsExactly("a=1!", "b=2!");
    }

    @Test
    void printToFileShouldWriteWhatKafkaWrites(@TempDir Path dir) throws IOException {
        Path ours = dir.resolve("ours.txt");
        Path kafka = dir.resolve("kafka.txt");
        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, String>stream("in").print(Printed.<String, String>toFile(ours.toString()).withLabel("in"));
        builder.<String, String>stream("in2").print(Printed.<String, String>toFile(dir.resolve("o2").toString())
                .withKeyValueMapper((k, v) -> k + "->" + v));
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props())) {
            driver.createInputTopic("in", new StringSerializer(), new StringSerializer())
                    .pipeKeyValueList(List.of(KeyValue.pair("a", "1"), KeyValue.pair(null, "2")));
        }
        org.apache.kafka.streams.StreamsBuilder kafkaBuilder = new org.apache.kafka.streams.StreamsBuilder();
        kafkaBuilder.<String, String>stream("in").print(
                org.apache.kafka.streams.kstream.Printed.<String, String>toFile(kafka.toString()).withLabel("in"));
        try (org.apache.kafka.streams.TopologyTestDriver driver =
                     new org.apache.kafka.streams.TopologyTestDriver(kafkaBuilder.build(), kafkaProps())) {
            driver.createInputTopic("in", new org.apache.kafka.common.serialization.StringSerializer(),
                            new org.apache.kafka.common.serialization.StringSerializer())
                    .pipeKeyValueList(List.of(org.apache.kafka.streams.KeyValue.pair("a", "1"),
                            org.apache.kafka.streams.KeyValue.pair(null, "2")));
        }
        assertThat(Files.readString(ours, StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(kafka, StandardCharsets.UTF_8)).isEqualTo("[in]: a, 1\n[in]: null, 2\n");
    }

    @Test
    void dslStoresShouldIgnoreDefaultDslStoreWithoutTopologyConfigLikeKafka() {
        // Kafka 4.3 consults default.dsl.store only through StreamsBuilder(TopologyConfig); dsl.store.suppliers.class
        // cannot be tested here: Millrace has no BuiltInDslStoreSuppliers classes for StreamsConfig to load yet
        String[][] cases = {{"default.dsl.store", "in_memory", "in_memory"}};
        for (String[] config : cases) {
            Properties props = props();
            props.put(config[0], config[1]);
            StreamsBuilder builder = new StreamsBuilder();
            builder.table("t", Materialized.as("table-store"));
            builder.stream("s").groupByKey().count(Materialized.as("counts"));
            builder.stream("s2").groupByKey().count(Materialized.as(Materialized.StoreType.ROCKS_DB));
            boolean tablePersistent;
            boolean countsPersistent;
            try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
                tablePersistent = driver.getAllStateStores().get("table-store").persistent();
                countsPersistent = driver.getAllStateStores().get("counts").persistent();
                // Materialized.as(StoreType) wins over the configuration
                assertThat(driver.getAllStateStores().get("KSTREAM-AGGREGATE-STATE-STORE-0000000006").persistent())
                        .isTrue();
            }
            Properties kafkaProps = kafkaProps();
            kafkaProps.put(config[0], config[2]);
            org.apache.kafka.streams.StreamsBuilder kafkaBuilder = new org.apache.kafka.streams.StreamsBuilder();
            kafkaBuilder.table("t", org.apache.kafka.streams.kstream.Materialized.as("table-store"));
            kafkaBuilder.stream("s").groupByKey().count(org.apache.kafka.streams.kstream.Materialized.as("counts"));
            try (org.apache.kafka.streams.TopologyTestDriver driver =
                         new org.apache.kafka.streams.TopologyTestDriver(kafkaBuilder.build(), kafkaProps)) {
                assertThat(tablePersistent).as("%s=%s", config[0], config[1])
                        .isEqualTo(driver.getAllStateStores().get("table-store").persistent())
                        .isEqualTo(config[0].equals("default.dsl.store"));
                assertThat(countsPersistent).isEqualTo(driver.getAllStateStores().get("counts").persistent());
            }
        }
    }
}
