package dev.millrace.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;

/**
 * Word count through the TopologyTestDriver: ours vs Kafka Streams' own driver, same DSL program, same seeded lines,
 * same JVM, alternating order per round. Reports input lines per second (each line is about eight words, so eight
 * repartition round trips and eight count updates per line), for in-memory and RocksDB count stores
 * ({@code Materialized.as(StoreType)} on both sides).
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.millrace.benchmarks.DriverWordCountBenchmark
 * [--lines=N] [--rounds=N] [--seed=N] [--stores=in_memory,rocksDB]}; defaults: 1,000,000 lines, 2 rounds.
 */
public final class DriverWordCountBenchmark {

    private DriverWordCountBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args {@code --lines=N --rounds=N --seed=N}
     */
    public static void main(String[] args) {
        int lines = 1_000_000;
        int rounds = 2;
        long seed = 42L;
        String stores = "in_memory,rocksDB";
        for (String arg : args) {
            if (arg.startsWith("--lines=")) {
                lines = Integer.parseInt(arg.substring(8));
            } else if (arg.startsWith("--rounds=")) {
                rounds = Integer.parseInt(arg.substring(9));
            } else if (arg.startsWith("--stores=")) {
                stores = arg.substring(9);
            } else if (arg.startsWith("--seed=")) {
                seed = Long.parseLong(arg.substring(7));
            } else {
                throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        List<String> input = lines(lines, seed);
        System.out.printf(Locale.ROOT, "lines=%d words=%d seed=%d%n", lines,
                input.stream().mapToInt(l -> l.split(" ").length).sum(), seed);
        for (String store : stores.split(",")) {
            for (int round = 1; round <= rounds; round++) {
                boolean kafkaFirst = round % 2 == 0;
                double first = kafkaFirst ? runKafka(input, store) : runOurs(input, store);
                double second = kafkaFirst ? runOurs(input, store) : runKafka(input, store);
                double ours = kafkaFirst ? second : first;
                double kafka = kafkaFirst ? first : second;
                System.out.printf(Locale.ROOT, "store=%s round=%d millrace=%.0f lines/s kafka=%.0f lines/s "
                        + "ratio=%.2fx%n", store, round, ours, kafka, ours / kafka);
            }
        }
    }

    static List<String> lines(int count, long seed) {
        Random random = new Random(seed);
        String[] vocabulary = new String[10_000];
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = "w" + Integer.toString(i, 36);
        }
        List<String> lines = new ArrayList<>(count);
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < count; i++) {
            line.setLength(0);
            for (int w = 0; w < 8; w++) {
                if (w > 0) {
                    line.append(' ');
                }
                line.append(vocabulary[(int) Math.min(vocabulary.length - 1,
                        Math.abs(random.nextGaussian()) * vocabulary.length / 3)]);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static Properties props(String store) {
        Properties props = new Properties();
        props.put("application.id", "driver-wordcount-bench");
        props.put("bootstrap.servers", "dummy:9092");
        props.put("default.key.serde", "STRING_SERDE");
        props.put("default.value.serde", "STRING_SERDE");
        props.put("default.dsl.store", store);
        return props;
    }

    private static double runOurs(List<String> input, String store) {
        Properties props = props(store);
        props.put("default.key.serde", dev.millrace.common.serialization.Serdes.StringSerde.class.getName());
        props.put("default.value.serde", dev.millrace.common.serialization.Serdes.StringSerde.class.getName());
        dev.millrace.streams.StreamsBuilder builder = new dev.millrace.streams.StreamsBuilder();
        builder.<String, String>stream("lines")
                .flatMapValues(value -> Arrays.asList(value.split(" ")))
                .groupBy((key, word) -> word)
                .count(dev.millrace.streams.kstream.Materialized.as(store.equals("in_memory")
                        ? dev.millrace.streams.kstream.Materialized.StoreType.IN_MEMORY
                        : dev.millrace.streams.kstream.Materialized.StoreType.ROCKS_DB))
                .toStream()
                .to("counts", dev.millrace.streams.kstream.Produced.with(
                        dev.millrace.common.serialization.Serdes.String(),
                        dev.millrace.common.serialization.Serdes.Long()));
        long start = System.nanoTime();
        try (dev.millrace.streams.TopologyTestDriver driver = new dev.millrace.streams.TopologyTestDriver(
                builder.build(), props, Instant.EPOCH)) {
            var in = driver.createInputTopic("lines", new dev.millrace.common.serialization.StringSerializer(),
                    new dev.millrace.common.serialization.StringSerializer(), Instant.EPOCH, Duration.ofMillis(1));
            var out = driver.createOutputTopic("counts", new dev.millrace.common.serialization.StringDeserializer(),
                    new dev.millrace.common.serialization.LongDeserializer());
            long read = 0;
            for (int i = 0; i < input.size(); i++) {
                in.pipeInput(null, input.get(i));
                if (i % 1000 == 999) {
                    read += out.readRecordsToList().size();
                }
            }
            read += out.readRecordsToList().size();
            check(read, input);
        }
        return input.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static double runKafka(List<String> input, String store) {
        Properties props = props(store);
        props.put("default.key.serde", org.apache.kafka.common.serialization.Serdes.StringSerde.class.getName());
        props.put("default.value.serde", org.apache.kafka.common.serialization.Serdes.StringSerde.class.getName());
        org.apache.kafka.streams.StreamsBuilder builder = new org.apache.kafka.streams.StreamsBuilder();
        builder.<String, String>stream("lines")
                .flatMapValues(value -> Arrays.asList(value.split(" ")))
                .groupBy((key, word) -> word)
                .count(org.apache.kafka.streams.kstream.Materialized.as(store.equals("in_memory")
                        ? org.apache.kafka.streams.kstream.Materialized.StoreType.IN_MEMORY
                        : org.apache.kafka.streams.kstream.Materialized.StoreType.ROCKS_DB))
                .toStream()
                .to("counts", org.apache.kafka.streams.kstream.Produced.with(
                        org.apache.kafka.common.serialization.Serdes.String(),
                        org.apache.kafka.common.serialization.Serdes.Long()));
        long start = System.nanoTime();
        try (org.apache.kafka.streams.TopologyTestDriver driver = new org.apache.kafka.streams.TopologyTestDriver(
                builder.build(), props, Instant.EPOCH)) {
            var in = driver.createInputTopic("lines", new org.apache.kafka.common.serialization.StringSerializer(),
                    new org.apache.kafka.common.serialization.StringSerializer(), Instant.EPOCH,
                    Duration.ofMillis(1));
            var out = driver.createOutputTopic("counts",
                    new org.apache.kafka.common.serialization.StringDeserializer(),
                    new org.apache.kafka.common.serialization.LongDeserializer());
            long read = 0;
            for (int i = 0; i < input.size(); i++) {
                in.pipeInput(null, input.get(i));
                if (i % 1000 == 999) {
                    read += out.readRecordsToList().size();
                }
            }
            read += out.readRecordsToList().size();
            check(read, input);
        }
        return input.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static void check(long read, List<String> input) {
        long words = input.stream().mapToLong(l -> l.split(" ").length).sum();
        if (read != words) {
            throw new IllegalStateException("reason=outputMismatch expected=" + words + " read=" + read);
        }
    }
}
