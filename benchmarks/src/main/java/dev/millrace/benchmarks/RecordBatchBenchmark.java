package dev.millrace.benchmarks;

import dev.millrace.protocol.record.CompressionType;
import dev.millrace.protocol.record.MemoryRecords;
import dev.millrace.protocol.record.Record;
import dev.millrace.protocol.record.RecordBatch;
import dev.millrace.protocol.record.RecordBatchBuilder;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Encodes and decodes one 16 KiB record batch (uncompressed size) of 100-byte values with small keys,
 * with our {@link RecordBatchBuilder} / {@link MemoryRecords} and with Apache Kafka's
 * {@code MemoryRecordsBuilder} / {@code MemoryRecords}, in the same run and on the same input.
 *
 * <p>Encoding builds a complete batch (records, compression, header, CRC) into a freshly allocated
 * buffer of the same initial capacity on both sides. Decoding does what a consumer does with a fetched
 * batch: check the CRC, then read every record's offset, timestamp, key, value and headers. Both
 * decoders read the same bytes (Kafka's encoding; for none and lz4 it equals ours byte for byte).
 *
 * <p>Values are random letters from a 32-letter alphabet, so that LZ4 has real work to do; keys are
 * {@code key-<i>}; timestamps increase by one millisecond per record. The data is generated from a
 * fixed seed. Results and the command line are in {@code benchmarks/RESULTS.md}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RecordBatchBenchmark {
    /** Target uncompressed size of one batch. */
    static final int BATCH_BYTES = 16 * 1024;
    static final int VALUE_BYTES = 100;
    private static final long FIRST_TIMESTAMP = 1_700_000_000_000L;

    /** Codec of the batch: {@code none} or {@code lz4}. */
    @Param({"none", "lz4"})
    public String compression;

    private byte[][] keys;
    private byte[][] values;
    private int recordCount;
    private int bufferCapacity;
    private CompressionType ourCompression;
    private Compression kafkaCompression;
    private ByteBuffer encoded;

    @Setup(Level.Trial)
    public void setUp() {
        ourCompression = CompressionType.forName(compression);
        kafkaCompression = Compression.of(compression).build();
        Random random = new Random(20_260_101L);
        int maxRecords = BATCH_BYTES / VALUE_BYTES;
        keys = new byte[maxRecords][];
        values = new byte[maxRecords][];
        RecordBatchBuilder sizing = new RecordBatchBuilder();
        int count = 0;
        while (count < maxRecords) {
            keys[count] = ("key-" + count).getBytes();
            values[count] = new byte[VALUE_BYTES];
            for (int i = 0; i < VALUE_BYTES; i++) {
                values[count][i] = (byte) ('a' + random.nextInt(32));
            }
            sizing.append(FIRST_TIMESTAMP + count, keys[count], values[count]);
            if (sizing.uncompressedSizeInBytes() > BATCH_BYTES) {
                break;
            }
            count++;
        }
        recordCount = count;
        bufferCapacity = BATCH_BYTES + 1024;
        encoded = kafkaEncode().buffer();
        MemoryRecords ours = ourEncode();
        if (ourCompression == CompressionType.NONE && !ours.buffer().equals(encoded)) {
            throw new IllegalStateException("reason=encodingsDiffer compression=" + compression);
        }
    }

    /** Number of records per batch (for turning ops/s into records/s). */
    public int recordCount() {
        return recordCount;
    }

    @Benchmark
    public MemoryRecords encodeMillrace() {
        return ourEncode();
    }

    @Benchmark
    public org.apache.kafka.common.record.internal.MemoryRecords encodeKafka() {
        return kafkaEncode();
    }

    @Benchmark
    public void decodeMillrace(Blackhole blackhole) {
        MemoryRecords records = MemoryRecords.readableRecords(encoded.duplicate());
        for (RecordBatch batch : records.batches()) {
            batch.ensureValid();
            for (Record record : batch) {
                blackhole.consume(record.offset());
                blackhole.consume(record.timestamp());
                blackhole.consume(record.key());
                blackhole.consume(record.value());
                blackhole.consume(record.headers());
            }
        }
    }

    @Benchmark
    public void decodeKafka(Blackhole blackhole) {
        var records = org.apache.kafka.common.record.internal.MemoryRecords.readableRecords(encoded.duplicate());
        for (var batch : records.batches()) {
            batch.ensureValid();
            for (var record : batch) {
                blackhole.consume(record.offset());
                blackhole.consume(record.timestamp());
                blackhole.consume(record.key());
                blackhole.consume(record.value());
                blackhole.consume(record.headers());
            }
        }
    }

    private MemoryRecords ourEncode() {
        RecordBatchBuilder builder = new RecordBatchBuilder().compression(ourCompression)
                .initialCapacity(bufferCapacity);
        for (int i = 0; i < recordCount; i++) {
            builder.append(FIRST_TIMESTAMP + i, keys[i], values[i]);
        }
        return builder.build();
    }

    private org.apache.kafka.common.record.internal.MemoryRecords kafkaEncode() {
        MemoryRecordsBuilder builder = org.apache.kafka.common.record.internal.MemoryRecords.builder(
                ByteBuffer.allocate(bufferCapacity), kafkaCompression, TimestampType.CREATE_TIME, 0L);
        for (int i = 0; i < recordCount; i++) {
            builder.append(FIRST_TIMESTAMP + i, keys[i], values[i]);
        }
        return builder.build();
    }
}
