package dev.millrace.streams.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millrace.clients.consumer.ConsumerRecord;
import dev.millrace.common.header.RecordHeaders;
import dev.millrace.common.record.TimestampType;
import dev.millrace.streams.errors.StreamsException;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Our extractors against Kafka's on valid, negative and unknown timestamps. */
class TimestampExtractorsTest {

    private static final long SEED = Long.getLong("millrace.seed", 20261125L);

    @Test
    void shouldMatchKafkaOnRandomTimestampsAndPartitionTimes() {
        Random random = new Random(SEED);
        for (int i = 0; i < 300; i++) {
            long timestamp = random.nextBoolean() ? random.nextInt(1_000_000) : -1 - random.nextInt(3);
            long partitionTime = random.nextBoolean() ? random.nextInt(1_000_000) : -1;
            String facts = "seed=" + SEED + " timestamp=" + timestamp + " partitionTime=" + partitionTime;

            assertThat(outcome(new FailOnInvalidTimestamp(), timestamp, partitionTime)).as(facts)
                .isEqualTo(kafkaOutcome(new org.apache.kafka.streams.processor.FailOnInvalidTimestamp(), timestamp,
                    partitionTime));
            assertThat(outcome(new LogAndSkipOnInvalidTimestamp(), timestamp, partitionTime)).as(facts)
                .isEqualTo(kafkaOutcome(new org.apache.kafka.streams.processor.LogAndSkipOnInvalidTimestamp(),
                    timestamp, partitionTime));
            assertThat(outcome(new UsePartitionTimeOnInvalidTimestamp(), timestamp, partitionTime)).as(facts)
                .isEqualTo(kafkaOutcome(new org.apache.kafka.streams.processor.UsePartitionTimeOnInvalidTimestamp(),
                    timestamp, partitionTime));
        }
    }

    @Test
    void shouldFailWithStreamsExceptionNamingTheRecord() {
        ConsumerRecord<Object, Object> record = record(-1);

        assertThatThrownBy(() -> new FailOnInvalidTimestamp().extract(record, 10))
            .isInstanceOf(StreamsException.class)
            .hasMessageStartingWith("Input record " + record + " has invalid (negative) timestamp.");
    }

    @Test
    void shouldReturnWallClockTime() {
        long before = System.currentTimeMillis();
        long extracted = new WallclockTimestampExtractor().extract(record(5), 0);

        assertThat(extracted).isBetween(before, System.currentTimeMillis());
    }

    private static ConsumerRecord<Object, Object> record(long timestamp) {
        return new ConsumerRecord<>("topic", 1, 2L, timestamp, TimestampType.CREATE_TIME, 1, 1, "k", "v",
            new RecordHeaders(), Optional.empty());
    }

    private static String outcome(TimestampExtractor extractor, long timestamp, long partitionTime) {
        ConsumerRecord<Object, Object> record = record(timestamp);
        try {
            return "ts:" + extractor.extract(record, partitionTime);
        } catch (StreamsException e) {
            return "fail:" + e.getMessage().replace(record.toString(), "RECORD");
        }
    }

    private static String kafkaOutcome(org.apache.kafka.streams.processor.TimestampExtractor extractor,
                                       long timestamp, long partitionTime) {
        org.apache.kafka.clients.consumer.ConsumerRecord<Object, Object> record =
            new org.apache.kafka.clients.consumer.ConsumerRecord<>("topic", 1, 2L, timestamp,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME, 1, 1, "k", "v",
                new org.apache.kafka.common.header.internals.RecordHeaders(), Optional.empty());
        try {
            return "ts:" + extractor.extract(record, partitionTime);
        } catch (org.apache.kafka.streams.errors.StreamsException e) {
            return "fail:" + e.getMessage().replace(record.toString(), "RECORD");
        }
    }
}
