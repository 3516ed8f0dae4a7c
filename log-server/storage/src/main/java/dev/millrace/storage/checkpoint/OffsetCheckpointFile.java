package dev.millrace.storage.checkpoint;

import dev.millrace.common.TopicPartition;
import dev.millrace.storage.CorruptIndexException;
import dev.millrace.storage.LogStorageException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A per-log-directory checkpoint of one offset per partition, in Kafka's format: used for
 * {@value #RECOVERY_POINT_FILE_NAME} (the offset below which the log is known to be flushed, so
 * recovery after an unclean shutdown starts there) and {@value #LOG_START_OFFSET_FILE_NAME} (the
 * log start offset advanced by retention or {@code DeleteRecords}).
 *
 * <p>Line layout (the header is {@link CheckpointFile}'s; entries are sorted by topic, then
 * partition, so equal maps give byte-identical files):
 * <pre>
 * line 1           "0"                                   version
 * line 2           entryCount                            decimal int
 * line 3 .. N+2    topic SP partition SP offset           e.g. "orders 3 1200"
 *                  topic: legal Kafka topic name, 1 to 249 chars of [a-zA-Z0-9._-], not "." or "..";
 *                  partition: int &gt;= 0; offset: long &gt;= 0
 * </pre>
 *
 * <p>Guarantees: writes are atomic and durable as described by {@link CheckpointFile}. Reading
 * rejects, with {@link CorruptIndexException} naming file and line, an illegal topic name, a
 * negative partition or offset, and a partition listed twice. A missing file reads as an empty map.
 *
 * <p>Failure cases: I/O errors raise {@link LogStorageException}; an illegal topic name, a negative
 * partition or a null or negative offset given to {@link #write} raises
 * {@link IllegalArgumentException} before the disk is touched.
 *
 * <p>Threading: not thread-safe; the log manager that owns the directory writes it from one thread.
 */
public final class OffsetCheckpointFile {
    /** Checkpoint format version. */
    public static final int CURRENT_VERSION = 0;
    /** Name of the recovery point checkpoint in a log directory. */
    public static final String RECOVERY_POINT_FILE_NAME = "recovery-point-offset-checkpoint";
    /** Name of the log start offset checkpoint in a log directory. */
    public static final String LOG_START_OFFSET_FILE_NAME = "log-start-offset-checkpoint";

    /** The longest legal topic name. */
    public static final int MAX_TOPIC_LENGTH = 249;

    private static final CheckpointFile.EntryFormat<PartitionOffset> FORMAT = new Format();
    private static final Comparator<PartitionOffset> ORDER = Comparator
            .comparing((PartitionOffset entry) -> entry.partition().topic())
            .thenComparingInt(entry -> entry.partition().partition());

    private final CheckpointFile<PartitionOffset> checkpoint;

    /** An offset checkpoint stored at {@code file}; nothing is touched until read or written. */
    public OffsetCheckpointFile(Path file) {
        this.checkpoint = new CheckpointFile<>(file, CURRENT_VERSION, FORMAT);
    }

    /** The {@value #RECOVERY_POINT_FILE_NAME} file of {@code logDir}. */
    public static OffsetCheckpointFile recoveryPoints(Path logDir) {
        return new OffsetCheckpointFile(logDir.resolve(RECOVERY_POINT_FILE_NAME));
    }

    /** The {@value #LOG_START_OFFSET_FILE_NAME} file of {@code logDir}. */
    public static OffsetCheckpointFile logStartOffsets(Path logDir) {
        return new OffsetCheckpointFile(logDir.resolve(LOG_START_OFFSET_FILE_NAME));
    }

    /** The checkpoint file (absolute). */
    public Path file() {
        return checkpoint.file();
    }

    /**
     * Replaces the file with {@code offsets}, sorted by topic then partition.
     *
     * @throws IllegalArgumentException if a topic name is illegal, a partition negative, or an
     *     offset null or negative
     * @throws LogStorageException if the file cannot be written
     */
    public void write(Map<TopicPartition, Long> offsets) {
        Objects.requireNonNull(offsets, "offsets");
        List<PartitionOffset> entries = new ArrayList<>(offsets.size());
        for (Map.Entry<TopicPartition, Long> entry : offsets.entrySet()) {
            TopicPartition partition = Objects.requireNonNull(entry.getKey(), "topicPartition");
            checkPartition(partition);
            Long offset = entry.getValue();
            if (offset == null || offset < 0) {
                throw new IllegalArgumentException("file=" + file() + " topicPartition=" + partition + " offset="
                        + offset + " reason=offsetMustBeNonNegative");
            }
            entries.add(new PartitionOffset(partition, offset));
        }
        entries.sort(ORDER);
        checkpoint.write(entries);
    }

    /**
     * Reads the offsets, in file order, as an unmodifiable map.
     *
     * @throws CorruptIndexException if the file is malformed or lists a partition twice
     * @throws LogStorageException if the file cannot be read
     */
    public Map<TopicPartition, Long> read() {
        List<PartitionOffset> entries = checkpoint.read();
        Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            PartitionOffset entry = entries.get(i);
            Long previous = offsets.putIfAbsent(entry.partition(), entry.offset());
            if (previous != null) {
                throw checkpoint.corruptEntry(i, "topicPartition=" + entry.partition() + " firstOffset=" + previous
                        + " secondOffset=" + entry.offset() + " reason=duplicatePartition");
            }
        }
        return Collections.unmodifiableMap(offsets);
    }

    /**
     * Checks what the file format needs of a partition: a legal Kafka topic name (which also makes
     * it a single field) and a partition {@code >= 0}.
     *
     * @throws IllegalArgumentException naming the partition and what is wrong
     */
    static void checkPartition(TopicPartition partition) {
        String topic = partition.topic();
        boolean legal = !topic.isEmpty() && topic.length() <= MAX_TOPIC_LENGTH && !topic.equals(".")
                && !topic.equals("..");
        for (int i = 0; legal && i < topic.length(); i++) {
            char c = topic.charAt(i);
            legal = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
        }
        if (!legal) {
            throw new IllegalArgumentException("topic=" + CheckpointFile.quote(topic) + " length=" + topic.length()
                    + " reason=illegalTopicName");
        }
        if (partition.partition() < 0) {
            throw new IllegalArgumentException("topicPartition=" + partition + " partition=" + partition.partition()
                    + " reason=negativePartition");
        }
    }

    /** One line of the file. */
    private record PartitionOffset(TopicPartition partition, long offset) {
    }

    /** {@code topic partition offset}. */
    private static final class Format implements CheckpointFile.EntryFormat<PartitionOffset> {
        @Override
        public int fieldCount() {
            return 3;
        }

        @Override
        public List<String> toFields(PartitionOffset entry) {
            return List.of(entry.partition().topic(), Integer.toString(entry.partition().partition()),
                    Long.toString(entry.offset()));
        }

        @Override
        public PartitionOffset fromFields(List<String> fields) {
            int partition = CheckpointFile.parseInt(fields.get(1), "partition");
            long offset = CheckpointFile.parseLong(fields.get(2), "offset");
            if (offset < 0) {
                throw new IllegalArgumentException("offset=" + offset + " reason=negativeOffset");
            }
            TopicPartition topicPartition = new TopicPartition(fields.get(0), partition);
            checkPartition(topicPartition);
            return new PartitionOffset(topicPartition, offset);
        }
    }
}
