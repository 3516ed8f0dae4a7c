package dev.millrace.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The judge of durability across a process crash: a real server process (bin/millrace server-start)
 * takes acks=all writes from an idempotent producer and is killed with SIGKILL at a random moment;
 * a new process on the same data recovers (no clean-shutdown marker) and every acknowledged record
 * is there exactly once, with contiguous offsets. Without fsync per write this holds because a
 * killed process loses nothing the kernel already has (as with Kafka); power loss is another matter.
 */
@Tag("integration")
class ServerCrashIT {
    private static final String TOPIC = "crash";
    private static final int PARTITIONS = 3;

    @TempDir
    Path dir;

    @Test
    void shouldKeepEveryAcknowledgedRecordAfterKillMinus9() throws Exception {
        long seed = Clients.seed(0xC4A5L);
        Random random = new Random(seed);
        int port = freePort();
        String bootstrap = "127.0.0.1:" + port;
        Process server = startServer(port);
        try (Admin admin = Clients.admin(bootstrap)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all().get();
        }
        ConcurrentSkipListSet<String> acked = new ConcurrentSkipListSet<>();
        for (int round = 0; round < 2; round++) {
            int killAfter = acked.size() + 1_000 + random.nextInt(3_000);
            AtomicBoolean stop = new AtomicBoolean();
            String prefix = "r" + round + "-";
            Thread writer = new Thread(() -> produceUntilStopped(bootstrap, prefix, acked, stop), "crash-writer");
            writer.start();
            Clients.awaitCondition("acknowledged records before the kill", () -> acked.size() >= killAfter);
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            stop.set(true);
            writer.join(TimeUnit.SECONDS.toMillis(60));
            server = startServer(port);
        }
        try {
            List<String> values = readAll(bootstrap);
            assertThat(values).as("seed=%d: no record twice", seed).doesNotHaveDuplicates();
            assertThat(values).as("seed=%d: every acknowledged record survives two kills", seed).containsAll(acked);
        } finally {
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static void produceUntilStopped(String bootstrap, String prefix, ConcurrentSkipListSet<String> acked,
                                            AtomicBoolean stop) {
        Map<String, Object> config = Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000);
        try (KafkaProducer<byte[], byte[]> producer = Clients.producer(bootstrap, config)) {
            for (int i = 0; !stop.get(); i++) {
                String value = prefix + i;
                try {
                    producer.send(new ProducerRecord<>(TOPIC, Clients.utf8("k" + i), Clients.utf8(value)),
                            (metadata, failure) -> {
                                if (failure == null) {
                                    acked.add(value);
                                }
                            });
                } catch (RuntimeException e) {
                    return;
                }
            }
            producer.close(java.time.Duration.ZERO);
        }
    }

    private static List<String> readAll(String bootstrap) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = Clients.consumer(bootstrap)) {
            List<TopicPartition> parts = Clients.partitions(TOPIC, PARTITIONS);
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> ends = consumer.endOffsets(parts);
            Clients.awaitCondition("read up to the end offsets", () -> {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(java.time.Duration.ofMillis(200))) {
                    values.add(Clients.text(r.value()));
                }
                return parts.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
            });
        }
        return values;
    }

    private Process startServer(int port) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "dev.millrace.cli.MillraceCommand",
                "server-start", "--override", "listeners=PLAINTEXT://127.0.0.1:" + port,
                "--override", "log.dirs=" + dir.resolve("data"), "--override", "num.io.threads=2");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.startsWith("Millrace server started")) {
                Thread drain = new Thread(() -> drain(out), "server-output");
                drain.setDaemon(true);
                drain.start();
                return process;
            }
        }
        throw new IllegalStateException("server did not start: " + seen);
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // Keeps the child's output pipe from filling up.
            }
        } catch (IOException e) {
            // The child is gone.
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
