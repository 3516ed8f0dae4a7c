package dev.millrace.metadata;

import dev.millrace.common.TopicPartition;
import dev.millrace.common.time.Time;
import dev.millrace.protocol.record.MemoryRecords;
import dev.millrace.protocol.record.Record;
import dev.millrace.protocol.record.RecordBatch;
import dev.millrace.protocol.record.RecordBatchBuilder;
import dev.millrace.protocol.record.Records;
import dev.millrace.protocol.types.Message;
import dev.millrace.storage.LogStorageException;
import dev.millrace.storage.log.AppendOrigin;
import dev.millrace.storage.log.FetchDataInfo;
import dev.millrace.storage.log.FetchIsolation;
import dev.millrace.storage.log.FileRecords;
import dev.millrace.storage.log.LogAppendInfo;
import dev.millrace.storage.log.LogConfig;
import dev.millrace.storage.log.PartitionLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The metadata log: metadata records persisted in the partition log {@code <dataDir>/__cluster_metadata-0},
 * one framed record ({@link MetadataRecordSerde}) per log record and one record batch per controller
 * operation, so that an operation is applied whole or not at all.
 *
 * <p>Durability: {@link #append} fsyncs before it returns. {@link #open} always runs the storage
 * recovery scan (the log is small), so a crash leaves at most a torn last batch, which recovery
 * truncates; every complete batch before it is replayed. {@link #close} flushes and writes the
 * clean-shutdown marker {@value #CLEAN_SHUTDOWN_FILE}, which the next open reports and removes.
 *
 * <p>Threading: one thread (the controller's) calls every method.
 *
 * <p>Failures: disk errors raise {@link LogStorageException}; a batch whose append fails is cut off
 * the log again, and if even that fails every later append fails too (the log on disk may then hold
 * a batch the caller never applied; only a restart, which replays the disk, is safe). A record that
 * cannot be read raises {@link MetadataRecordException}.
 */
public final class MetadataLog implements AutoCloseable {
    /** Name of the metadata topic. */
    public static final String TOPIC = "__cluster_metadata";
    /** The metadata log's partition. */
    public static final TopicPartition TOPIC_PARTITION = new TopicPartition(TOPIC, 0);
    /** Marker written by a clean close. */
    public static final String CLEAN_SHUTDOWN_FILE = ".millrace_cleanshutdown";
    /** The leader epoch stamped on batches (a single-node controller never changes epoch). */
    static final int EPOCH = 0;
    private static final int READ_BYTES = 1 << 20;
    private static final Map<String, String> LOG_OVERRIDES = Map.of(
            LogConfig.RETENTION_MS, "-1",
            LogConfig.MAX_MESSAGE_BYTES, Integer.toString(8 * 1024 * 1024));

    private final PartitionLog log;
    private final Time time;
    private final boolean previousShutdownClean;
    private LogStorageException failure;

    /** Receives the batches of the log in order. */
    @FunctionalInterface
    public interface BatchVisitor {
        /** Called once per batch with its records (in order) and the offset of its last record. */
        void onBatch(List<Message> records, long lastOffset);
    }

    private MetadataLog(PartitionLog log, Time time, boolean previousShutdownClean) {
        this.log = log;
        this.time = time;
        this.previousShutdownClean = previousShutdownClean;
    }

    /**
     * Opens (or creates) the metadata log under {@code dataDir}, recovering it.
     *
     * @throws LogStorageException if the directory cannot be created or read
     */
    public static MetadataLog open(Path dataDir, Time time) {
        Path dir = dataDir.resolve(TOPIC_PARTITION.topic() + "-" + TOPIC_PARTITION.partition());
        Path marker = dir.resolve(CLEAN_SHUTDOWN_FILE);
        boolean clean = Files.exists(marker);
        PartitionLog log = PartitionLog.open(dir, TOPIC_PARTITION, LogConfig.parse(LOG_OVERRIDES), 0L, 0L, false,
                time, null);
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            log.close();
            throw new LogStorageException("file=" + marker + " operation=deleteCleanShutdownMarker", e);
        }
        return new MetadataLog(log, time, clean);
    }

    /** The directory of the log. */
    public Path dir() {
        return log.dir();
    }

    /** Whether the previous process closed this log cleanly. */
    public boolean previousShutdownWasClean() {
        return previousShutdownClean;
    }

    /** The offset the next record will get. */
    public long endOffset() {
        return log.logEndOffset();
    }

    /** What the storage recovery did when the log was opened (truncated tails, rebuilt indexes). */
    public List<String> recoveryNotes() {
        return log.recoveryNotes();
    }

    /**
     * Reads every batch from the start of the log and hands it to {@code visitor}, in order.
     *
     * @throws MetadataRecordException if a record cannot be decoded
     */
    public void replay(BatchVisitor visitor) {
        long offset = log.logStartOffset();
        long end = log.logEndOffset();
        while (offset < end) {
            FetchDataInfo data = log.read(offset, READ_BYTES, FetchIsolation.LOG_END, true);
            MemoryRecords records = toMemory(data.records());
            long before = offset;
            for (RecordBatch batch : records.batches()) {
                if (batch.lastOffset() < offset) {
                    continue;
                }
                visitor.onBatch(decode(batch), batch.lastOffset());
                offset = batch.nextOffset();
            }
            if (offset == before) {
                throw new MetadataRecordException("dir=" + log.dir() + " offset=" + offset + " logEndOffset=" + end
                        + " reason=noProgressReadingMetadataLog");
            }
        }
    }

    /**
     * Appends {@code records} as one batch and fsyncs it.
     *
     * @return the offset of the last record appended
     * @throws LogStorageException if the write or the fsync fails (the batch may or may not be on
     *     disk; the caller must not apply it)
     * @throws IllegalArgumentException if {@code records} is empty
     */
    public long append(List<? extends Message> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("dir=" + log.dir() + " reason=emptyMetadataBatch");
        }
        long now = time.milliseconds();
        RecordBatchBuilder builder = new RecordBatchBuilder().partitionLeaderEpoch(EPOCH);
        for (Message record : records) {
            builder.append(now, null, MetadataRecordSerde.serialize(record));
        }
        if (failure != null) {
            throw new LogStorageException("dir=" + log.dir() + " reason=metadataLogFailedEarlier", failure);
        }
        long previousEnd = log.logEndOffset();
        try {
            LogAppendInfo info = log.appendAsLeader(builder.build(), EPOCH, AppendOrigin.COORDINATOR);
            log.flush();
            return info.lastOffset();
        } catch (LogStorageException e) {
            undo(previousEnd, e);
            throw e;
        }
    }

    /** Removes a batch whose write or fsync failed, so that a restart cannot apply it; else poisons the log. */
    private void undo(long previousEnd, LogStorageException cause) {
        try {
            if (log.logEndOffset() > previousEnd) {
                log.truncateTo(previousEnd);
                log.flush();
            }
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            failure = cause;
        }
    }

    /** Flushes and closes the log, then writes the clean-shutdown marker. */
    @Override
    public void close() {
        log.close();
        Path marker = log.dir().resolve(CLEAN_SHUTDOWN_FILE);
        try {
            Files.write(marker, new byte[0]);
        } catch (IOException e) {
            throw new LogStorageException("file=" + marker + " operation=writeCleanShutdownMarker", e);
        }
    }

    private static MemoryRecords toMemory(Records records) {
        if (records instanceof MemoryRecords memory) {
            return memory;
        }
        if (records instanceof FileRecords file) {
            return file.readAll();
        }
        throw new IllegalStateException("class=" + records.getClass().getName() + " reason=unexpectedRecordsType");
    }

    private static List<Message> decode(RecordBatch batch) {
        List<Message> decoded = new ArrayList<>(batch.recordsCount());
        for (Record record : batch) {
            if (!record.hasValue()) {
                throw new MetadataRecordException("offset=" + record.offset() + " reason=metadataRecordWithoutValue");
            }
            decoded.add(MetadataRecordSerde.deserialize(record.value()));
        }
        return decoded;
    }
}
