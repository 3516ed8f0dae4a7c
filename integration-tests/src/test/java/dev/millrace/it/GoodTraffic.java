package dev.millrace.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A well-behaved Apache Kafka producer and consumer working on one single-partition topic while
 * something else goes on: the producer sends {@code v-0, v-1, ...} one at a time (acks=all,
 * idempotent) and notes when each was acknowledged; the consumer reads them back and checks they
 * arrive complete and in order. Problems are collected, not thrown. Owns its two threads from
 * {@link #start()} to {@link #stop()}.
 */
final class GoodTraffic {
    private final String bootstrap;
    private final String topic;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final List<Long> ackNanos = Collections.synchronizedList(new ArrayList<>());
    private final List<String> consumed = Collections.synchronizedList(new ArrayList<>());
    private final Thread producerThread = new Thread(this::produce, "good-producer");
    private final Thread consumerThread = new Thread(this::consume, "good-consumer");
    private volatile int acked;
    private volatile boolean producerDone;

    GoodTraffic(String bootstrap, String topic) {
        this.bootstrap = bootstrap;
        this.topic = topic;
    }

    void start() {
        producerThread.start();
        consumerThread.start();
    }

    /** Stops producing, lets the consumer catch up (up to 30 s) and joins both threads. */
    void stop() throws InterruptedException {
        running.set(false);
        producerThread.join(TimeUnit.SECONDS.toMillis(60));
        producerDone = true;
        consumerThread.join(TimeUnit.SECONDS.toMillis(60));
    }

    private void produce() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "20000");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            while (running.get()) {
                producer.send(new ProducerRecord<>(topic, "k-" + acked, "v-" + acked)).get(30, TimeUnit.SECONDS);
                ackNanos.add(System.nanoTime());
                synchronized (this) {
                    acked++;
                    notifyAll();
                }
            }
        } catch (Exception e) {
            problems.add("producer failed after " + acked + " acks: " + e);
        }
    }

    private void consume() {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        TopicPartition tp = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long catchUpDeadline = Long.MAX_VALUE;
            while (!producerDone || consumed.size() < acked) {
                if (producerDone && catchUpDeadline == Long.MAX_VALUE) {
                    catchUpDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                }
                if (System.nanoTime() > catchUpDeadline) {
                    problems.add("consumer read " + consumed.size() + " of " + acked + " acknowledged records");
                    return;
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    String expected = "v-" + consumed.size();
                    if (!expected.equals(r.value()) || r.offset() != consumed.size()) {
                        problems.add("consumer expected " + expected + " at offset " + consumed.size() + " got "
                                + r.value() + " at offset " + r.offset());
                        return;
                    }
                    consumed.add(r.value());
                }
            }
        } catch (RuntimeException e) {
            problems.add("consumer failed after " + consumed.size() + " records: " + e);
        }
    }

    /** Waits until {@code count} records are acknowledged; false if the producer failed or time ran out. */
    synchronized boolean awaitAcks(int count, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (acked < count && problems.isEmpty()) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0 || !producerThread.isAlive()) {
                return false;
            }
            wait(Math.min(left, 100));
        }
        return acked >= count;
    }

    List<String> problems() {
        return problems;
    }

    int acked() {
        return acked;
    }

    int consumed() {
        return consumed.size();
    }

    /** The longest time without an acknowledgement inside {@code [fromNanos, toNanos]}, in ms. */
    long longestAckGapMs(long fromNanos, long toNanos) {
        long previous = fromNanos;
        long longest = 0;
        synchronized (ackNanos) {
            for (long t : ackNanos) {
                if (t < fromNanos) {
                    continue;
                }
                if (t > toNanos) {
                    break;
                }
                longest = Math.max(longest, t - previous);
                previous = t;
            }
        }
        longest = Math.max(longest, toNanos - previous);
        return TimeUnit.NANOSECONDS.toMillis(longest);
    }

    /** Acknowledgements inside {@code [fromNanos, toNanos]}. */
    long acksBetween(long fromNanos, long toNanos) {
        synchronized (ackNanos) {
            return ackNanos.stream().filter(t -> t >= fromNanos && t <= toNanos).count();
        }
    }
}
