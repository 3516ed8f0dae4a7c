package dev.millrace.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.common.errors.CorruptRecordException;
import dev.millrace.common.errors.InvalidRecordException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile input: random bytes and random mutations of valid batches (every codec, control batches,
 * several batches in a row) go through every reading path. Each case must end in success,
 * {@link CorruptRecordException} or {@link InvalidRecordException}; any other exception fails the test
 * with the seed, the case number and the input in hex, and the timeout catches endless loops. Half of
 * the mutated cases get their batch length and CRC repaired so that the decoders behind the CRC check
 * are reached, and a share re-compresses a mutated records section with a valid codec so that record
 * decoding of compressed batches is reached too.
 *
 * <p>Seed: system property {@code millrace.seed}, else a fixed default; it is printed at the start and
 * carried by every failure message.
 */
class RecordBatchFuzzTest {
    private static final long SEED = Long.getLong("millrace.seed", 0x6d696c6c72616365L);
    private static final int RANDOM_CASES = 30_000;
    private static final int MUTATION_CASES = 90_000;
    private static final int[] INTERESTING_INTS = {0, 1, -1, 2, 6, 7, 48, 49, 61, 127, 128, 255, 0x7fff, 0xffff,
        Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE - 11};

    private final Random random = new Random(SEED);
    private final int[] outcomes = new int[3];

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldEndEveryFuzzCaseInSuccessOrRecordException() {
        List<byte[]> corpus = corpus();
        for (int i = 0; i < RANDOM_CASES; i++) {
            run(i, randomBatch());
        }
        for (int i = 0; i < MUTATION_CASES; i++) {
            byte[] original = corpus.get(random.nextInt(corpus.size()));
            run(RANDOM_CASES + i, mutate(original));
        }
        String summary = "seed=" + SEED + " cases=" + (RANDOM_CASES + MUTATION_CASES) + " passes=" + outcomes[0]
                + " corrupt=" + outcomes[1] + " invalid=" + outcomes[2];
        assertThat(outcomes[0]).as("passes that decoded successfully, " + summary).isPositive();
        assertThat(outcomes[1]).as("passes that ended in CorruptRecordException, " + summary).isPositive();
    }

    private void run(int index, byte[] input) {
        try {
            exercise(input, index % 3);
        } catch (RuntimeException | Error e) {
            throw new AssertionError("seed=" + SEED + " case=" + index + " unexpected " + e + " input="
                    + HexFormat.of().formatHex(input), e);
        }
    }

    /** Runs every reading path over {@code input} held in a heap (0), read-only (1) or direct (2) buffer. */
    private void exercise(byte[] input, int representation) {
        ByteBuffer buffer = switch (representation) {
            case 0 -> ByteBuffer.wrap(input);
            case 1 -> ByteBuffer.wrap(input).asReadOnlyBuffer();
            default -> ByteBuffer.allocateDirect(input.length).put(input).flip();
        };
        MemoryRecords records = MemoryRecords.readableRecords(buffer);
        attempt(records::validateBatches);
        attempt(records::validateProducerBatches);
        attempt(() -> {
            for (RecordBatch batch : records.batches()) {
                readEverything(batch);
            }
        });
        attempt(() -> readEverything(RecordBatch.wrap(buffer)));
    }

    private static void readEverything(RecordBatch batch) {
        batch.isValid();
        batch.toString();
        batch.deleteHorizonMs();
        batch.lastSequence();
        batch.timestampType();
        for (Record record : batch) {
            record.key();
            record.value();
            record.headers();
            record.toString();
            if (batch.isControlBatch()) {
                ControlRecordType type = ControlRecordType.parse(record.key());
                if (type == ControlRecordType.COMMIT || type == ControlRecordType.ABORT) {
                    EndTransactionMarker.deserialize(record);
                }
            }
        }
    }

    private void attempt(Runnable reading) {
        try {
            reading.run();
            outcomes[0]++;
        } catch (CorruptRecordException e) {
            outcomes[1]++;
        } catch (InvalidRecordException e) {
            outcomes[2]++;
        }
    }

    private List<byte[]> corpus() {
        List<byte[]> corpus = new ArrayList<>();
        for (CompressionType type : CompressionType.values()) {
            corpus.add(MemoryRecordsTest.bytes(BatchSpec.simple(type, BatchSpec.sampleRecords(12, 1_000_000L))
                    .buildOurs()));
            corpus.add(MemoryRecordsTest.bytes(new BatchSpec(type, dev.millrace.common.record.TimestampType
                    .LOG_APPEND_TIME, 5L, 100L, 3L, (short) 1, Integer.MAX_VALUE - 2, true, 7, 50L, null,
                    BatchSpec.sampleRecords(5, 1000L)).buildOurs()));
            byte[] one = MemoryRecordsTest.bytes(BatchSpec.simple(type, BatchSpec.sampleRecords(3, 1000L)).buildOurs());
            corpus.add(MemoryRecordsTest.concat(one, one));
        }
        corpus.add(MemoryRecordsTest.bytes(MemoryRecords.withEndTransactionMarker(9L, 1L, 2, 3L, (short) 4,
                new EndTransactionMarker(ControlRecordType.COMMIT, 5))));
        return corpus;
    }

    /** Random bytes, half of them shaped like a batch header (length, magic 2, CRC) to get past framing. */
    private byte[] randomBatch() {
        byte[] bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
        if (bytes.length >= RecordBatch.RECORD_BATCH_OVERHEAD && random.nextBoolean()) {
            ByteBuffer.wrap(bytes).putInt(RecordBatch.LENGTH_OFFSET, bytes.length - RecordBatch.LOG_OVERHEAD);
            bytes[RecordBatch.MAGIC_OFFSET] = RecordBatch.MAGIC;
            bytes[RecordBatch.ATTRIBUTES_OFFSET] = 0;
            bytes[RecordBatch.ATTRIBUTES_OFFSET + 1] &= 0x7f;
            ByteBuffer.wrap(bytes).putInt(RecordBatch.RECORDS_COUNT_OFFSET, random.nextInt(8));
            MemoryRecordsTest.fixCrc(bytes, 0);
        }
        return bytes;
    }

    private byte[] mutate(byte[] original) {
        int operation = random.nextInt(10);
        byte[] bytes = switch (operation) {
            case 0 -> flipBits(original.clone());
            case 1 -> overwriteBytes(original.clone(), 0);
            case 2 -> overwriteInt(original.clone());
            case 3 -> Arrays.copyOf(original, random.nextInt(original.length + 1));
            case 4 -> insert(original);
            case 5 -> delete(original);
            case 6, 7 -> overwriteBytes(original.clone(), RecordBatch.RECORD_BATCH_OVERHEAD);
            default -> recompressMutatedRecords(original);
        };
        if (operation >= 6 || random.nextBoolean()) {
            repairFraming(bytes);
        }
        return bytes;
    }

    private byte[] flipBits(byte[] bytes) {
        for (int i = 1 + random.nextInt(4); i > 0 && bytes.length > 0; i--) {
            bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return bytes;
    }

    private byte[] overwriteBytes(byte[] bytes, int from) {
        if (bytes.length <= from) {
            return bytes;
        }
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            bytes[from + random.nextInt(bytes.length - from)] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    private byte[] overwriteInt(byte[] bytes) {
        if (bytes.length >= 4) {
            int value = INTERESTING_INTS[random.nextInt(INTERESTING_INTS.length)];
            ByteBuffer.wrap(bytes).putInt(random.nextInt(bytes.length - 3), value);
        }
        return bytes;
    }

    private byte[] insert(byte[] original) {
        int at = random.nextInt(original.length + 1);
        byte[] extra = new byte[1 + random.nextInt(8)];
        random.nextBytes(extra);
        byte[] bytes = new byte[original.length + extra.length];
        System.arraycopy(original, 0, bytes, 0, at);
        System.arraycopy(extra, 0, bytes, at, extra.length);
        System.arraycopy(original, at, bytes, at + extra.length, original.length - at);
        return bytes;
    }

    private byte[] delete(byte[] original) {
        int at = random.nextInt(original.length);
        int length = Math.min(original.length - at, 1 + random.nextInt(8));
        byte[] bytes = new byte[original.length - length];
        System.arraycopy(original, 0, bytes, 0, at);
        System.arraycopy(original, at + length, bytes, at, original.length - at - length);
        return bytes;
    }

    /** Decodes the first batch's records section, mutates it, and compresses it again with a random codec. */
    private byte[] recompressMutatedRecords(byte[] original) {
        RecordBatch batch = RecordBatch.wrap(ByteBuffer.wrap(original));
        ByteBuffer section = batch.buffer().position(RecordBatch.RECORD_BATCH_OVERHEAD);
        byte[] records = overwriteBytes(CompressionCodec.decompress(batch.compressionType(), section, 1 << 20,
                () -> "fuzz=1"), 0);
        CompressionType codec = CompressionType.forId(random.nextInt(5));
        ByteSink out = CompressionCodec.compress(codec, records, 0, records.length, RecordBatch.RECORD_BATCH_OVERHEAD);
        byte[] bytes = Arrays.copyOf(out.array(), out.size());
        System.arraycopy(original, 0, bytes, 0, RecordBatch.RECORD_BATCH_OVERHEAD);
        bytes[RecordBatch.ATTRIBUTES_OFFSET + 1] = (byte) ((bytes[RecordBatch.ATTRIBUTES_OFFSET + 1] & ~7) | codec.id);
        return bytes;
    }

    /** Makes a single batch's length field match the input and recomputes its CRC. */
    private static void repairFraming(byte[] bytes) {
        if (bytes.length >= RecordBatch.RECORD_BATCH_OVERHEAD) {
            ByteBuffer.wrap(bytes).putInt(RecordBatch.LENGTH_OFFSET, bytes.length - RecordBatch.LOG_OVERHEAD);
            MemoryRecordsTest.fixCrc(bytes, 0);
        }
    }
}
