package dev.millrace.cli;

import dev.millrace.clients.cluster.ClusterClient;
import dev.millrace.clients.producer.RecordPartitioner;
import dev.millrace.common.time.Time;
import dev.millrace.protocol.record.CompressionType;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code millrace console-producer}: reads lines from standard input and produces one record per
 * line, with kafka-console-producer's flags ({@code parse.key} and {@code key.separator} reader
 * properties, {@code acks}, {@code compression.type} and {@code batch.size} producer properties).
 * Batching and partitioning are {@link LineProducer}'s. A failed send prints one line and exits
 * with 1; usage errors exit with 2. Runs on the caller's thread.
 */
@Command(name = "console-producer", mixinStandardHelpOptions = true,
        description = "Produce records read line by line from standard input (flags as kafka-console-producer).")
public final class ConsoleProducerCommand implements Callable<Integer> {
    /** Kafka's default {@code batch.size}. */
    static final int DEFAULT_BATCH_SIZE = 16384;
    private static final int PRODUCE_TIMEOUT_MS = 30_000;

    @Spec
    private CommandSpec spec;

    @Option(names = "--bootstrap-server", required = true, paramLabel = "HOST:PORT",
            description = "The broker(s) to connect to, comma-separated.")
    String bootstrapServer;

    @Option(names = "--topic", required = true, description = "The topic to produce to.")
    String topic;

    @Option(names = {"--property", "--reader-property"}, paramLabel = "KEY=VALUE",
            description = "Line reader properties: parse.key, key.separator.")
    List<String> readerProperties = new ArrayList<>();

    @Option(names = "--producer-property", paramLabel = "KEY=VALUE",
            description = "Producer properties: acks, compression.type, batch.size.")
    List<String> producerProperties = new ArrayList<>();

    @Option(names = "--request-required-acks", description = "Acks: all, -1, 0 or 1 (default all).")
    String acks;

    @Option(names = "--compression-codec", arity = "0..1", fallbackValue = "gzip",
            description = "none, gzip, snappy, lz4 or zstd (gzip when given without a value).")
    String compressionCodec;

    /** The input; standard input unless a test sets it. */
    InputStream input = System.in;

    /** Settings resolved from the flags. */
    record Settings(short acks, CompressionType compression, int batchSize, boolean parseKey, String keySeparator) {
    }

    @Override
    public Integer call() {
        Settings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            return ToolSupport.usage(spec, ToolSupport.message(e));
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        try (ClusterClient client = ToolSupport.client(bootstrapServer)) {
            int partitions = client.describeTopic(topic).partitions().size();
            LineProducer producer = new LineProducer(topic, partitions, settings.parseKey(), settings.keySeparator(),
                    settings.compression(), settings.batchSize(),
                    new RecordPartitioner(ThreadLocalRandom.current().nextInt()), Time.SYSTEM);
            producer.run(reader, (tp, batch) -> client.produce(tp, batch, settings.acks(), PRODUCE_TIMEOUT_MS));
            return ToolSupport.OK;
        } catch (RuntimeException e) {
            return ToolSupport.failed(spec, "Error when sending message to topic " + topic + ": ", e);
        }
    }

    /** Resolves the flags; flags win over {@code --producer-property}. */
    Settings settings() {
        Map<String, String> reader = ToolSupport.parsePairs(readerProperties, "--property");
        Map<String, String> producer = ToolSupport.parsePairs(producerProperties, "--producer-property");
        String acksText = acks != null ? acks : producer.getOrDefault("acks", "all");
        String codec = compressionCodec != null ? compressionCodec : producer.getOrDefault("compression.type", "none");
        return new Settings(parseAcks(acksText), parseCompression(codec),
                parseBatchSize(producer.getOrDefault("batch.size", Integer.toString(DEFAULT_BATCH_SIZE))),
                Boolean.parseBoolean(reader.getOrDefault("parse.key", "false")),
                unescape(reader.getOrDefault("key.separator", "\t")));
    }

    static short parseAcks(String text) {
        switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "all":
            case "-1":
                return -1;
            case "0":
                return 0;
            case "1":
                return 1;
            default:
                throw new IllegalArgumentException("Invalid value " + text + " for acks: expected all, -1, 0 or 1");
        }
    }

    static CompressionType parseCompression(String codec) {
        for (CompressionType type : CompressionType.values()) {
            if (type.name.equalsIgnoreCase(codec.trim())) {
                return type;
            }
        }
        throw new IllegalArgumentException("Invalid compression codec " + codec
                + ": expected none, gzip, snappy, lz4 or zstd");
    }

    private static int parseBatchSize(String text) {
        try {
            int size = Integer.parseInt(text.trim());
            if (size >= 0) {
                return Math.max(size, 1);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid value " + text + " for batch.size", e);
        }
        throw new IllegalArgumentException("Invalid value " + text + " for batch.size: must be >= 0");
    }

    /** Turns the escapes {@code \t} and {@code \n} typed on a command line into the characters. */
    static String unescape(String text) {
        return text.replace("\\t", "\t").replace("\\n", "\n");
    }
}
