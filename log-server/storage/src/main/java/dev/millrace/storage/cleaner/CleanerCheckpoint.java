package dev.millrace.storage.cleaner;

import dev.millrace.common.TopicPartition;
import dev.millrace.storage.checkpoint.OffsetCheckpointFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The {@value #FILE_NAME} file of a log directory (the directory that holds the partition
 * directories): for each compacted partition, the offset up to which its log has been cleaned. The
 * first dirty offset of a log is this offset, clamped to the log (see
 * {@link CleanableLog#firstDirtyOffset}). A partition without an entry has never been cleaned.
 *
 * <p>Line layout: Kafka's offset checkpoint format, read and written by {@link OffsetCheckpointFile}:
 * <pre>
 * line 1           "0"                          version
 * line 2           entryCount
 * line 3 .. N+2    topic SP partition SP offset  e.g. "orders 3 1200" (cleaned up to offset 1200)
 * </pre>
 *
 * <p>Guarantees: every change rewrites the whole file atomically (temporary file, fsync, rename), so
 * after a crash the file holds either the old or the new offsets. The offsets are kept in memory as
 * well, so reads do not touch the disk.
 *
 * <p>Failure cases: a malformed file raises {@link dev.millrace.storage.CorruptIndexException} from
 * {@link #open}; write failures raise {@link dev.millrace.storage.LogStorageException} and leave the
 * in-memory offsets unchanged.
 *
 * <p>Threading: thread-safe (every method is synchronized), since several cleaner threads update
 * the checkpoint of the same directory.
 */
public final class CleanerCheckpoint {
    /** Name of the file in the log directory, as Kafka names it. */
    public static final String FILE_NAME = "cleaner-offset-checkpoint";

    private final OffsetCheckpointFile file;
    private final Map<TopicPartition, Long> offsets;

    private CleanerCheckpoint(OffsetCheckpointFile file, Map<TopicPartition, Long> offsets) {
        this.file = file;
        this.offsets = new LinkedHashMap<>(offsets);
    }

    /**
     * Reads the checkpoint of {@code logDir} (a missing file means no partition was cleaned yet).
     *
     * @throws dev.millrace.storage.CorruptIndexException if the file is malformed
     * @throws dev.millrace.storage.LogStorageException if it cannot be read
     */
    public static CleanerCheckpoint open(Path logDir) {
        OffsetCheckpointFile file = new OffsetCheckpointFile(logDir.resolve(FILE_NAME));
        return new CleanerCheckpoint(file, file.read());
    }

    /** The checkpoint file. */
    public Path file() {
        return file.file();
    }

    /** The offset {@code partition} was cleaned up to, if it was ever cleaned. */
    public synchronized OptionalLong offset(TopicPartition partition) {
        Long offset = offsets.get(partition);
        return offset == null ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    /** A copy of every entry. */
    public synchronized Map<TopicPartition, Long> offsets() {
        return Map.copyOf(offsets);
    }

    /**
     * Records that {@code partition} is cleaned up to {@code offset} and rewrites the file.
     *
     * @throws IllegalArgumentException if {@code offset} is negative or the partition name is not legal
     */
    public synchronized void update(TopicPartition partition, long offset) {
        Map<TopicPartition, Long> next = new LinkedHashMap<>(offsets);
        next.put(partition, offset);
        file.write(next);
        offsets.put(partition, offset);
    }

    /**
     * Lowers the entry of {@code partition} to {@code offset} if it is above it (the log was
     * truncated there, so the cleaned range cannot extend past it). Nothing happens otherwise.
     */
    public synchronized void truncateTo(TopicPartition partition, long offset) {
        Long current = offsets.get(partition);
        if (current != null && current > offset) {
            update(partition, Math.max(0, offset));
        }
    }

    /** Forgets {@code partition} (its log was deleted) and rewrites the file if it had an entry. */
    public synchronized void remove(TopicPartition partition) {
        if (!offsets.containsKey(partition)) {
            return;
        }
        Map<TopicPartition, Long> next = new LinkedHashMap<>(offsets);
        next.remove(partition);
        file.write(next);
        offsets.remove(partition);
    }

    @Override
    public synchronized String toString() {
        return "CleanerCheckpoint(file=" + file.file() + ", entries=" + offsets.size() + ")";
    }
}
