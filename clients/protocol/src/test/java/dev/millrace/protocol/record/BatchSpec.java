package dev.millrace.protocol.record;

import dev.millrace.common.header.Header;
import dev.millrace.common.header.RecordHeader;
import dev.millrace.common.record.TimestampType;
import java.util.ArrayList;
import java.util.List;

/**
 * Test model of one batch: its settings and its records, from which both our builder and Kafka's
 * {@code MemoryRecordsBuilder} build a batch, and against which decoded batches are checked.
 */
record BatchSpec(CompressionType compression, TimestampType timestampType, long logAppendTime, long baseOffset,
        long producerId, short producerEpoch, int baseSequence, boolean transactional, int partitionLeaderEpoch,
        long deleteHorizonMs, EndTransactionMarker marker, List<Rec> records) {

    /** One data record (or, in a control batch, the marker's timestamp holder). */
    record Rec(long timestamp, byte[] key, byte[] value, List<Header> headers) {
        Header[] headerArray() {
            return headers.toArray(new Header[0]);
        }
    }

    static BatchSpec simple(CompressionType compression, List<Rec> records) {
        return new BatchSpec(compression, TimestampType.CREATE_TIME, RecordBatch.NO_TIMESTAMP, 0L,
                RecordBatch.NO_PRODUCER_ID, RecordBatch.NO_PRODUCER_EPOCH, RecordBatch.NO_SEQUENCE, false,
                RecordBatch.NO_PARTITION_LEADER_EPOCH, RecordBatch.NO_TIMESTAMP, null, records);
    }

    static BatchSpec marker(long baseOffset, long timestamp, int partitionLeaderEpoch, long producerId, short epoch,
            EndTransactionMarker marker) {
        return new BatchSpec(CompressionType.NONE, TimestampType.CREATE_TIME, RecordBatch.NO_TIMESTAMP, baseOffset,
                producerId, epoch, RecordBatch.NO_SEQUENCE, true, partitionLeaderEpoch, RecordBatch.NO_TIMESTAMP,
                marker, List.of(new Rec(timestamp, null, null, List.of())));
    }

    BatchSpec withCompression(CompressionType type) {
        return new BatchSpec(type, timestampType, logAppendTime, baseOffset, producerId, producerEpoch, baseSequence,
                transactional, partitionLeaderEpoch, deleteHorizonMs, marker, records);
    }

    boolean isControl() {
        return marker != null;
    }

    /** A varied, deterministic set of records: null/empty keys and values, headers with null values. */
    static List<Rec> sampleRecords(int count, long firstTimestamp) {
        List<Rec> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] key = i % 5 == 0 ? null : i % 7 == 0 ? new byte[0] : ("key-" + i).getBytes();
            byte[] value = i % 11 == 3 ? null : i % 13 == 0 ? new byte[0] : ("value-" + i + "-" + "x".repeat(i % 40))
                    .getBytes();
            List<Header> headers = i % 3 == 0 ? List.of()
                    : List.of(new RecordHeader("h" + i, i % 2 == 0 ? null : new byte[] {(byte) i, 1, 2}),
                            new RecordHeader("ünïcode-" + (i % 4), new byte[0]));
            long timestamp = firstTimestamp + (i * 37L % 101) - 50;
            records.add(new Rec(timestamp, key, value, headers));
        }
        return records;
    }

    // ---- expectations ----

    long expectedBaseTimestamp() {
        return deleteHorizonMs >= 0 ? deleteHorizonMs : records.get(0).timestamp();
    }

    long expectedMaxTimestamp() {
        if (timestampType == TimestampType.LOG_APPEND_TIME) {
            return logAppendTime;
        }
        long max = RecordBatch.NO_TIMESTAMP;
        for (Rec r : records) {
            max = Math.max(max, r.timestamp());
        }
        return max;
    }

    long expectedRecordTimestamp(int index) {
        return timestampType == TimestampType.LOG_APPEND_TIME ? logAppendTime : records.get(index).timestamp();
    }

    int expectedSequence(int index) {
        return baseSequence < 0 ? RecordBatch.NO_SEQUENCE : RecordBatch.incrementSequence(baseSequence, index);
    }

    // ---- builders ----

    MemoryRecords buildOurs() {
        RecordBatchBuilder builder = new RecordBatchBuilder()
                .compression(compression)
                .baseOffset(baseOffset)
                .producerState(producerId, producerEpoch, baseSequence)
                .transactional(transactional)
                .control(isControl())
                .partitionLeaderEpoch(partitionLeaderEpoch)
                .deleteHorizonMs(deleteHorizonMs);
        if (timestampType == TimestampType.LOG_APPEND_TIME) {
            builder.logAppendTime(logAppendTime);
        }
        if (isControl()) {
            return builder.appendEndTxnMarker(records.get(0).timestamp(), marker).build();
        }
        for (Rec r : records) {
            builder.append(r.timestamp(), r.key(), r.value(), r.headerArray());
        }
        return builder.build();
    }
}
