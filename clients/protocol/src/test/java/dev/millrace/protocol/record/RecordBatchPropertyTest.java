package dev.millrace.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.common.header.Header;
import dev.millrace.common.header.RecordHeader;
import dev.millrace.common.record.TimestampType;
import dev.millrace.protocol.record.BatchSpec.Rec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Build then read, as properties over random batches: random records (null and empty keys and
 * values, headers with null values, any timestamps), every codec, both timestamp types, idempotent
 * and transactional fields, delete horizons and transaction markers come back unchanged, from our
 * reader and from Kafka's, and uncompressed bytes equal Kafka's.
 *
 * <p>Seed: system property {@code millrace.seed}, else a fixed default; every failure message carries
 * the seed and the case number so that it can be replayed. Edge values (-1, 0, limits, empty and null
 * fields) are drawn with raised probability.
 */
class RecordBatchPropertyTest {
    private static final long SEED = Long.getLong("millrace.seed", 0x7317L);
    private static final String NAME_CHARS = "abcXYZ019-_.éü€";

    @Test
    void shouldReadBackEveryBuiltBatch() {
        forRandomBatches(400, 1, spec -> {
            MemoryRecords records = spec.buildOurs();
            assertThat(records.validateBatches()).isEqualTo(1);
            assertThat(records.validateProducerBatches()).isEqualTo(1);
            KafkaOracleTest.assertBatchMatches(records.batches().iterator().next(), spec);
        });
    }

    @Test
    void shouldAgreeWithKafkaOnRandomBatches() {
        forRandomBatches(200, 2, spec -> {
            var kafka = org.apache.kafka.common.record.internal.MemoryRecords.readableRecords(
                    spec.buildOurs().buffer());
            kafka.batches().forEach(batch -> KafkaOracleTest.assertKafkaBatchMatches(batch, spec));
            MemoryRecords fromKafka = MemoryRecords.readableRecords(KafkaOracleTest.buildKafka(spec));
            assertThat(fromKafka.validateBatches()).isEqualTo(1);
            KafkaOracleTest.assertBatchMatches(fromKafka.batches().iterator().next(), spec);
            if (spec.compression() == CompressionType.NONE) {
                assertThat(spec.buildOurs()).isEqualTo(fromKafka);
            }
        });
    }

    @Test
    void shouldReadBackTransactionMarkers() {
        Random random = new Random(SEED ^ 3);
        for (int i = 0; i < 200; i++) {
            EndTransactionMarker marker = new EndTransactionMarker(
                    random.nextBoolean() ? ControlRecordType.COMMIT : ControlRecordType.ABORT, edgyInt(random));
            BatchSpec spec = BatchSpec.marker(nonNegative(random, 1L << 50), timestamp(random),
                    random.nextInt(1002) - 1, nonNegative(random, Long.MAX_VALUE),
                    (short) random.nextInt(Short.MAX_VALUE), marker);
            check(i, spec, () -> {
                MemoryRecords records = spec.buildOurs();
                assertThat(records.validateBatches()).isEqualTo(1);
                KafkaOracleTest.assertBatchMatches(records.batches().iterator().next(), spec);
                var kafka = org.apache.kafka.common.record.internal.MemoryRecords.readableRecords(records.buffer());
                kafka.batches().forEach(batch -> KafkaOracleTest.assertKafkaBatchMatches(batch, spec));
            });
        }
    }

    private interface SpecCheck {
        void check(BatchSpec spec);
    }

    private static void forRandomBatches(int cases, long stream, SpecCheck property) {
        Random random = new Random(SEED ^ stream);
        for (int i = 0; i < cases; i++) {
            BatchSpec spec = randomBatch(random);
            check(i, spec, () -> property.check(spec));
        }
    }

    private static void check(int index, BatchSpec spec, Runnable property) {
        try {
            property.run();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("seed=" + SEED + " case=" + index + " compression=" + spec.compression()
                    + " timestampType=" + spec.timestampType() + " baseOffset=" + spec.baseOffset() + " producerId="
                    + spec.producerId() + " records=" + spec.records().size() + ": " + e.getMessage(), e);
        }
    }

    static BatchSpec randomBatch(Random random) {
        CompressionType compression = CompressionType.forId(random.nextInt(5));
        boolean logAppendTime = random.nextInt(4) == 0;
        boolean idempotent = random.nextBoolean();
        long producerId = idempotent ? nonNegative(random, Long.MAX_VALUE) : RecordBatch.NO_PRODUCER_ID;
        short producerEpoch = idempotent ? (short) random.nextInt(Short.MAX_VALUE + 1) : RecordBatch.NO_PRODUCER_EPOCH;
        int baseSequence = idempotent ? (int) nonNegative(random, Integer.MAX_VALUE) : RecordBatch.NO_SEQUENCE;
        boolean transactional = idempotent && random.nextBoolean();
        long deleteHorizon = random.nextInt(5) == 0 ? nonNegative(random, 1L << 45) : RecordBatch.NO_TIMESTAMP;
        return new BatchSpec(compression, logAppendTime ? TimestampType.LOG_APPEND_TIME : TimestampType.CREATE_TIME,
                logAppendTime ? timestamp(random) : RecordBatch.NO_TIMESTAMP, nonNegative(random, 1L << 50),
                producerId, producerEpoch, baseSequence, transactional, random.nextInt(1002) - 1, deleteHorizon,
                null, randomRecords(random));
    }

    private static List<Rec> randomRecords(Random random) {
        int count = random.nextInt(10) == 0 ? 200 + random.nextInt(300) : 1 + random.nextInt(40);
        List<Rec> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int headerCount = random.nextInt(3) == 0 ? random.nextInt(5) : 0;
            List<Header> headers = new ArrayList<>(headerCount);
            for (int h = 0; h < headerCount; h++) {
                headers.add(new RecordHeader(name(random), bytes(random, 20, 0.3)));
            }
            records.add(new Rec(timestamp(random), bytes(random, 40, 0.2), bytes(random, 400, 0.2), headers));
        }
        return records;
    }

    /** Null with probability {@code nullChance}, else empty one time in ten, else up to {@code max} bytes. */
    private static byte[] bytes(Random random, int max, double nullChance) {
        if (random.nextDouble() < nullChance) {
            return null;
        }
        byte[] bytes = new byte[random.nextInt(10) == 0 ? 0 : random.nextInt(max + 1)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String name(Random random) {
        StringBuilder name = new StringBuilder();
        for (int i = random.nextInt(13); i > 0; i--) {
            name.append(NAME_CHARS.charAt(random.nextInt(NAME_CHARS.length())));
        }
        return name.toString();
    }

    private static long timestamp(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> RecordBatch.NO_TIMESTAMP;
            case 1 -> 0L;
            case 2 -> nonNegative(random, Long.MAX_VALUE / 4);
            default -> nonNegative(random, 1L << 45);
        };
    }

    private static long nonNegative(Random random, long bound) {
        return random.nextInt(8) == 0 ? (random.nextBoolean() ? 0 : bound) : Math.floorMod(random.nextLong(), bound);
    }

    private static int edgyInt(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> Integer.MIN_VALUE;
            case 1 -> Integer.MAX_VALUE;
            case 2 -> 0;
            default -> random.nextInt();
        };
    }
}
