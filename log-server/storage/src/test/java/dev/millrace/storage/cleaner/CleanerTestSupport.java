package dev.millrace.storage.cleaner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.millrace.common.TopicPartition;
import dev.millrace.common.header.Header;
import dev.millrace.common.time.ManualTime;
import dev.millrace.protocol.record.CompressionType;
import dev.millrace.protocol.record.ControlRecordType;
import dev.millrace.protocol.record.EndTransactionMarker;
import dev.millrace.protocol.record.MemoryRecords;
import dev.millrace.protocol.record.Record;
import dev.millrace.protocol.record.RecordBatch;
import dev.millrace.protocol.record.RecordBatchBuilder;
import dev.millrace.storage.index.OffsetPosition;
import dev.millrace.storage.index.TimestampOffset;
import dev.millrace.storage.log.AppendOrigin;
import dev.millrace.storage.log.FetchDataInfo;
import dev.millrace.storage.log.FetchIsolation;
import dev.millrace.storage.log.FileBatch;
import dev.millrace.storage.log.FileRecords;
import dev.millrace.storage.log.LogConfig;
import dev.millrace.storage.log.LogSegment;
import dev.millrace.storage.log.PartitionLog;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Builds compacted logs and reads them back for the cleaner tests. */
final class CleanerTestSupport {
    static final long START_MS = 1_700_000_000_000L;

    private CleanerTestSupport() {
    }

    /** A record as read back: its batch's facts and its own. */
    record Rec(long offset, String key, String value, long timestamp, List<String> headers, long batchBase,
               boolean control, boolean transactional, long producerId) {
        boolean tombstone() {
            return value == null;
        }

        String describe() {
            return offset + ":" + key + "=" + value;
        }
    }

    /** A batch as read back, with its records. */
    record Batch(long baseOffset, long lastOffset, int recordsCount, boolean control, boolean transactional,
                 long producerId, short producerEpoch, int baseSequence, OptionalLong deleteHorizonMs,
                 List<Rec> records) {
    }

    static Map<String, String> compactConfig(Object... keyValues) {
        Map<String, String> config = new HashMap<>();
        config.put(LogConfig.CLEANUP_POLICY, "compact");
        config.put(LogConfig.FILE_DELETE_DELAY_MS, "0");
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put((String) keyValues[i], String.valueOf(keyValues[i + 1]));
        }
        return config;
    }

    static PartitionLog open(Path dir, String topic, Map<String, String> config, ManualTime time, boolean clean) {
        return PartitionLog.open(dir, new TopicPartition(topic, 0), LogConfig.parse(config), 0, 0, clean, time, null);
    }

    static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    static String string(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return new String(out, StandardCharsets.UTF_8);
    }

    /** Appends one batch of {@code keyValues} (alternating key, value; null value = tombstone). */
    static void appendCompressed(PartitionLog log, ManualTime time, CompressionType compression,
                                 String... keyValues) {
        RecordBatchBuilder builder = new RecordBatchBuilder().compression(compression);
        for (int i = 0; i < keyValues.length; i += 2) {
            builder.append(time.milliseconds(), bytes(keyValues[i]), bytes(keyValues[i + 1]));
        }
        log.appendAsLeader(builder.build(), 0, AppendOrigin.CLIENT);
    }

    static void append(PartitionLog log, ManualTime time, String... keyValues) {
        appendCompressed(log, time, CompressionType.NONE, keyValues);
    }

    /** Appends a transactional (or just idempotent when {@code transactional} is false) producer batch. */
    static void appendProducer(PartitionLog log, ManualTime time, long producerId, short epoch, int baseSequence,
                               boolean transactional, String... keyValues) {
        RecordBatchBuilder builder = new RecordBatchBuilder().producerState(producerId, epoch, baseSequence)
                .transactional(transactional);
        for (int i = 0; i < keyValues.length; i += 2) {
            builder.append(time.milliseconds(), bytes(keyValues[i]), bytes(keyValues[i + 1]));
        }
        log.appendAsLeader(builder.build(), 0, AppendOrigin.CLIENT);
    }

    static void appendMarker(PartitionLog log, ManualTime time, long producerId, short epoch, boolean commit) {
        MemoryRecords marker = MemoryRecords.withEndTransactionMarker(0, time.milliseconds(), 0, producerId, epoch,
                new EndTransactionMarker(commit ? ControlRecordType.COMMIT : ControlRecordType.ABORT, 1));
        log.appendAsLeader(marker, 0, AppendOrigin.COORDINATOR);
    }

    /** Rolls the active segment and moves the high watermark to the log end offset. */
    static void rollAndCommit(PartitionLog log) {
        log.roll();
        log.updateHighWatermark(log.logEndOffset());
    }

    /** Every batch from the log start offset to the end, read through {@link PartitionLog#read}. */
    static List<Batch> batches(PartitionLog log) {
        List<Batch> out = new ArrayList<>();
        long next = log.logStartOffset();
        while (next < log.logEndOffset()) {
            FetchDataInfo info = log.read(next, Integer.MAX_VALUE, FetchIsolation.LOG_END, true);
            MemoryRecords records = info.records() instanceof FileRecords file ? file.readAll()
                    : (MemoryRecords) info.records();
            long before = next;
            for (RecordBatch batch : records.batches()) {
                batch.ensureValid();
                out.add(toBatch(batch));
                next = batch.nextOffset();
            }
            if (next == before) {
                break;
            }
        }
        return out;
    }

    static Batch toBatch(RecordBatch batch) {
        List<Rec> recs = new ArrayList<>();
        for (Record record : batch) {
            List<String> headers = new ArrayList<>();
            for (Header header : record.headers()) {
                headers.add(header.key() + "=" + (header.value() == null ? null
                        : new String(header.value(), StandardCharsets.UTF_8)));
            }
            recs.add(new Rec(record.offset(), string(record.key()), string(record.value()), record.timestamp(),
                    headers, batch.baseOffset(), batch.isControlBatch(), batch.isTransactional(),
                    batch.producerId()));
        }
        return new Batch(batch.baseOffset(), batch.lastOffset(), batch.recordsCount(), batch.isControlBatch(),
                batch.isTransactional(), batch.producerId(), batch.producerEpoch(), batch.baseSequence(),
                batch.deleteHorizonMs(), recs);
    }

    /** Every data record (control records left out), in offset order. */
    static List<Rec> records(PartitionLog log) {
        List<Rec> out = new ArrayList<>();
        for (Batch batch : batches(log)) {
            if (!batch.control()) {
                out.addAll(batch.records());
            }
        }
        return out;
    }

    /** "offset:key=value" of every data record. */
    static List<String> describe(PartitionLog log) {
        return records(log).stream().map(Rec::describe).toList();
    }

    /** Per key, the record with the highest offset. */
    static Map<String, Rec> latestByKey(List<Rec> records) {
        Map<String, Rec> latest = new LinkedHashMap<>();
        for (Rec rec : records) {
            if (rec.key() != null) {
                latest.put(rec.key(), rec);
            }
        }
        return latest;
    }

    /**
     * Structural invariants of the log: segments ordered, batches with increasing offsets inside
     * their segment's range, offset-index entries at batch starts naming their last offsets,
     * increasing time index, log end offset equal to the active segment's next offset.
     */
    static void checkIntegrity(PartitionLog log, String where) {
        List<LogSegment> segments = log.segments();
        long previousLast = -1;
        for (int i = 0; i < segments.size(); i++) {
            LogSegment segment = segments.get(i);
            long limit = i + 1 < segments.size() ? segments.get(i + 1).baseOffset() : Long.MAX_VALUE;
            for (FileBatch batch : segment.log().batches()) {
                assertThat(batch.baseOffset()).as("%s segment=%d batch at %d", where, segment.baseOffset(),
                        batch.position()).isGreaterThan(previousLast).isGreaterThanOrEqualTo(segment.baseOffset());
                assertThat(batch.lastOffset()).as("%s batch inside segment range", where).isLessThan(limit);
                previousLast = batch.lastOffset();
            }
            long previousIndexed = -1;
            for (int e = 0; e < segment.offsetIndex().entries(); e++) {
                OffsetPosition entry = segment.offsetIndex().entry(e);
                assertThat(entry.offset()).as("%s offset index increasing", where).isGreaterThan(previousIndexed);
                previousIndexed = entry.offset();
                FileBatch at = segment.log().searchForOffset(entry.offset(), entry.position());
                assertThat(at).as("%s index entry %s of segment %d", where, entry, segment.baseOffset()).isNotNull();
                assertThat(at.position()).as("%s index entry %s at batch start", where, entry)
                        .isEqualTo(entry.position());
                assertThat(at.lastOffset()).as("%s index entry %s names last offset", where, entry)
                        .isEqualTo(entry.offset());
            }
            long previousTimestamp = -1;
            for (int e = 0; e < segment.timeIndex().entries(); e++) {
                TimestampOffset entry = segment.timeIndex().entry(e);
                assertThat(entry.timestamp()).as("%s time index increasing", where).isGreaterThan(previousTimestamp);
                previousTimestamp = entry.timestamp();
            }
        }
        assertThat(log.logEndOffset()).as("%s log end offset", where)
                .isEqualTo(segments.get(segments.size() - 1).readNextOffset());
    }

    /** Names of files in {@code dir} ending with {@code suffix}. */
    static List<String> filesEndingWith(Path dir, String suffix) throws java.io.IOException {
        try (var stream = java.nio.file.Files.list(dir)) {
            return stream.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix)).sorted().toList();
        }
    }
}
