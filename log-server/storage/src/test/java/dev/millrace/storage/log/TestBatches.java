package dev.millrace.storage.log;

import dev.millrace.protocol.record.CompressionType;
import dev.millrace.protocol.record.MemoryRecords;
import dev.millrace.protocol.record.Record;
import dev.millrace.protocol.record.RecordBatchBuilder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds producer batches for storage tests and reads records back as strings. */
final class TestBatches {
    private TestBatches() {
    }

    /** A batch of {@code values} with keys "k&lt;i&gt;" and timestamp {@code timestamp}. */
    static MemoryRecords batch(long timestamp, String... values) {
        return batch(CompressionType.NONE, timestamp, values);
    }

    static MemoryRecords batch(CompressionType compression, long timestamp, String... values) {
        RecordBatchBuilder builder = new RecordBatchBuilder().compression(compression);
        for (String value : values) {
            builder.append(timestamp, ("k-" + value).getBytes(StandardCharsets.UTF_8),
                    value.getBytes(StandardCharsets.UTF_8));
        }
        return builder.build();
    }

    /** A keyed batch: {@code keyValues} alternates key, value; a null value is a tombstone. */
    static MemoryRecords keyed(long timestamp, String... keyValues) {
        RecordBatchBuilder builder = new RecordBatchBuilder();
        for (int i = 0; i < keyValues.length; i += 2) {
            builder.append(timestamp, bytes(keyValues[i]), bytes(keyValues[i + 1]));
        }
        return builder.build();
    }

    /** An idempotent producer's batch. */
    static MemoryRecords idempotent(long producerId, short epoch, int baseSequence, long timestamp, String... values) {
        RecordBatchBuilder builder = new RecordBatchBuilder().producerState(producerId, epoch, baseSequence);
        for (String value : values) {
            builder.append(timestamp, null, bytes(value));
        }
        return builder.build();
    }

    static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    static String string(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** "offset:value" of every record of {@code log} from {@code fromOffset} to its end, across segments. */
    static List<String> values(PartitionLog log, long fromOffset) {
        List<String> out = new ArrayList<>();
        long next = fromOffset;
        while (next < log.logEndOffset()) {
            FetchDataInfo info = log.read(next, 1 << 20, FetchIsolation.LOG_END, true);
            MemoryRecords records = info.records() instanceof FileRecords file ? file.readAll()
                    : (MemoryRecords) info.records();
            long before = next;
            for (Record record : records.records()) {
                if (record.offset() >= next) {
                    out.add(record.offset() + ":" + string(record.value()));
                    next = record.offset() + 1;
                }
            }
            if (next == before) {
                break;
            }
        }
        return out;
    }

    /** "offset:value" for every record of {@code records} at or after {@code fromOffset}. */
    static List<String> offsetsAndValues(MemoryRecords records, long fromOffset) {
        List<String> out = new ArrayList<>();
        for (Record record : records.records()) {
            if (record.offset() >= fromOffset) {
                out.add(record.offset() + ":" + string(record.value()));
            }
        }
        return out;
    }
}
