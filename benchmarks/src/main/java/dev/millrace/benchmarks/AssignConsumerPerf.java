package dev.millrace.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Consumer throughput driver that needs no consumer group: it reads a topic from the beginning with
 * Apache Kafka's own {@code KafkaConsumer} using {@code assign} over every partition plus
 * {@code seekToBeginning}, and counts records and bytes until it has seen the requested number of
 * records. It exists because Kafka's {@code ConsumerPerformance} always subscribes with a group, and
 * the single-node Millrace server has no group coordinator yet; the same driver runs against both
 * brokers so the comparison stays fair.
 *
 * <p>Usage: {@code AssignConsumerPerf --bootstrap-server H:P --topic T --num-records N
 * [--timeout-ms MS] [--consumer-prop k=v]...}. Offsets are never committed and no group id is set.
 *
 * <p>Bytes are counted as Kafka's perf tool counts them: key length plus value length of every
 * record. The clock starts just before the first {@code poll} (after metadata lookup, assignment and
 * seek), so it covers fetching only, like {@code ConsumerPerformance}'s {@code fetch.*} columns; MB
 * means 1024 x 1024 bytes. On success it prints exactly one line to standard output:
 *
 * <pre>
 * ASSIGN_CONSUMER records=N bytes=B fetch_ms=T records_per_sec=R mb_per_sec=M partitions=P
 * </pre>
 *
 * <p>Failure cases: a missing or malformed argument, an unknown topic, or no new record for
 * {@code --timeout-ms} (default 30000) make it print a message with the facts to standard error and
 * exit with status 1. Single-threaded: everything runs on the main thread.
 */
public final class AssignConsumerPerf {
    private static final long DEFAULT_TIMEOUT_MS = 30_000L;
    private static final Duration POLL = Duration.ofMillis(100);
    private static final double MB = 1024.0 * 1024.0;

    private final String bootstrap;
    private final String topic;
    private final long target;
    private final long timeoutMs;
    private final Map<String, Object> extraProps;

    private AssignConsumerPerf(String bootstrap, String topic, long target, long timeoutMs,
            Map<String, Object> extraProps) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.target = target;
        this.timeoutMs = timeoutMs;
        this.extraProps = extraProps;
    }

    /**
     * Runs the driver; see the class comment for the arguments and the output line.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        try {
            AssignConsumerPerf perf = parse(args);
            System.out.printf(Locale.ROOT, "%s%n", perf.run());
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.printf(Locale.ROOT, "AssignConsumerPerf: %s%n", e.getMessage());
            System.exit(1);
        }
    }

    private static AssignConsumerPerf parse(String[] args) {
        String bootstrap = null;
        String topic = null;
        long target = -1;
        long timeoutMs = DEFAULT_TIMEOUT_MS;
        Map<String, Object> extra = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for option=" + name);
            }
            String value = args[++i];
            switch (name) {
                case "--bootstrap-server" -> bootstrap = value;
                case "--topic" -> topic = value;
                case "--num-records" -> target = parseLong(name, value);
                case "--timeout-ms" -> timeoutMs = parseLong(name, value);
                case "--consumer-prop" -> {
                    int eq = value.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("consumer property needs key=value, got=" + value);
                    }
                    extra.put(value.substring(0, eq), value.substring(eq + 1));
                }
                default -> throw new IllegalArgumentException("unknown option=" + name);
            }
        }
        if (bootstrap == null || topic == null || target <= 0 || timeoutMs <= 0) {
            throw new IllegalArgumentException("usage: --bootstrap-server H:P --topic T --num-records N(>0)"
                    + " [--timeout-ms MS] [--consumer-prop k=v]... bootstrap=" + bootstrap + " topic=" + topic
                    + " numRecords=" + target + " timeoutMs=" + timeoutMs);
        }
        return new AssignConsumerPerf(bootstrap, topic, target, timeoutMs, extra);
    }

    private static long parseLong(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: option=" + name + " value=" + value, e);
        }
    }

    private Map<String, Object> consumerProps() {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "assign-consumer-perf");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.putAll(extraProps);
        return props;
    }

    private String run() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofMillis(timeoutMs));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("no partitions for topic=" + topic + " bootstrap=" + bootstrap);
            }
            List<TopicPartition> partitions = new ArrayList<>(infos.size());
            for (PartitionInfo info : infos) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            return consume(consumer, partitions.size());
        }
    }

    private String consume(KafkaConsumer<byte[], byte[]> consumer, int partitionCount) {
        long records = 0;
        long bytes = 0;
        long start = System.nanoTime();
        long lastProgress = start;
        long end = start;
        while (records < target) {
            ConsumerRecords<byte[], byte[]> batch = consumer.poll(POLL);
            long now = System.nanoTime();
            if (batch.isEmpty()) {
                if (now - lastProgress > timeoutMs * 1_000_000L) {
                    throw new IllegalStateException("no new records within timeoutMs=" + timeoutMs + " topic="
                            + topic + " consumed=" + records + " wanted=" + target);
                }
                continue;
            }
            for (ConsumerRecord<byte[], byte[]> record : batch) {
                byte[] key = record.key();
                byte[] value = record.value();
                bytes += (key == null ? 0 : key.length) + (value == null ? 0 : value.length);
            }
            records += batch.count();
            lastProgress = now;
            end = now;
        }
        double seconds = Math.max(end - start, 1L) / 1e9;
        return String.format(Locale.ROOT,
                "ASSIGN_CONSUMER records=%d bytes=%d fetch_ms=%d records_per_sec=%.1f mb_per_sec=%.2f partitions=%d",
                records, bytes, Math.round(seconds * 1000), records / seconds, bytes / MB / seconds, partitionCount);
    }
}
