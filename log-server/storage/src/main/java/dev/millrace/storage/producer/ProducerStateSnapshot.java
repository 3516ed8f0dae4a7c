package dev.millrace.storage.producer;

import dev.millrace.storage.CorruptIndexException;
import dev.millrace.storage.LogStorageException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * Producer state snapshot files: the producer table at one log offset, written at segment roll so
 * that recovery replays only the log after the latest snapshot instead of the whole partition.
 *
 * <h2>Files</h2>
 * A snapshot lives in the partition directory and is named by the offset it covers, zero-padded to
 * 20 digits: {@code 00000000000000001234.snapshot} holds the state produced by every batch below
 * offset 1234 (the log end offset when it was taken). It is written to {@code <name>.tmp}, forced to
 * disk, renamed over the final name and the directory is forced, so a reader sees either no file or
 * a complete one. Other names in the directory are ignored by {@link #listSnapshots(Path)}.
 *
 * <h2>Layout (big-endian, version 1)</h2>
 * <pre>
 * offset  size  field
 *      0     2  version              INT16  always 1
 *      2     4  crc                  INT32  CRC-32C (Castagnoli) of bytes 6 .. end of file
 *      6     4  entryCount           INT32  number of producer entries that follow
 *     10  46*n  entries, sorted by producerId:
 *
 *   entry offset  size  field
 *              0     8  producerId             INT64  &gt;= 0, unique in the file
 *              8     2  producerEpoch          INT16
 *             10     4  lastSequence           INT32  -1 when no data batch is retained
 *             14     8  lastOffset             INT64  last offset of the last data batch, -1 if none
 *             22     4  offsetDelta            INT32  lastOffset - firstOffset of that batch (0 if none)
 *             26     8  timestamp              INT64  max timestamp of the producer's last batch or marker
 *             34     4  coordinatorEpoch       INT32  -1 until a marker was written
 *             38     8  currentTxnFirstOffset  INT64  first offset of the open transaction, -1 if none
 * </pre>
 * The same layout as Kafka's producer snapshot version 1, so only the last batch of each producer
 * survives a snapshot: after a restart only a retry of that batch is recognised as a duplicate.
 *
 * <h2>Failures</h2>
 * I/O errors raise {@link LogStorageException} naming the file and operation. A file whose size,
 * version, CRC or entries are wrong raises {@link CorruptIndexException} naming the file and byte
 * position; snapshots are derived data, so the caller deletes the file and rebuilds from the log.
 *
 * <p>Stateless: every method works on the directory it is given. The caller (the partition's thread)
 * must not run two operations on the same directory at once.
 */
public final class ProducerStateSnapshot {
    /** The only format version this class reads and writes. */
    public static final short VERSION = 1;
    /** The file name suffix of snapshot files. */
    public static final String SUFFIX = ".snapshot";

    static final int CRC_POSITION = 2;
    static final int COUNT_POSITION = 6;
    static final int HEADER_BYTES = 10;
    static final int ENTRY_BYTES = 46;

    private static final String TEMP_SUFFIX = ".tmp";
    private static final Pattern NAME = Pattern.compile("(\\d{20})\\.snapshot");
    private static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 64L;
    private static final String MAX_OFFSET_DIGITS = String.format("%020d", Long.MAX_VALUE);

    private ProducerStateSnapshot() {
    }

    /** The snapshot file name for {@code offset}, for example {@code 00000000000000000042.snapshot}. */
    public static String fileName(long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("snapshotOffset=" + offset + " reason=negativeOffset");
        }
        return String.format("%020d", offset) + SUFFIX;
    }

    /** The path of the snapshot for {@code offset} in {@code dir} (the file may not exist). */
    public static Path file(Path dir, long offset) {
        return dir.resolve(fileName(offset));
    }

    /**
     * Writes {@code entries} as the snapshot for {@code offset}, atomically replacing any snapshot
     * already there (temp file, fsync, rename, directory fsync).
     *
     * @throws LogStorageException if any step fails; the temp file is removed when possible
     */
    public static void write(Path dir, long offset, Collection<ProducerStateEntry> entries) {
        Path target = file(dir, offset);
        Path temp = dir.resolve(fileName(offset) + TEMP_SUFFIX);
        ByteBuffer buffer = encode(entries);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory(dir);
        } catch (IOException e) {
            LogStorageException failure = new LogStorageException("operation=writeProducerSnapshot file=" + target
                + " snapshotOffset=" + offset + " entries=" + entries.size(), e);
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                failure.addSuppressed(suppressed);
            }
            throw failure;
        }
    }

    /**
     * Reads and checks the snapshot for {@code offset} in {@code dir}.
     *
     * @return the entries, sorted by producer id
     * @throws CorruptIndexException if the size, version, CRC or an entry is wrong
     * @throws LogStorageException if the file cannot be read (including when it does not exist)
     */
    public static List<ProducerStateEntry> read(Path dir, long offset) {
        Path path = file(dir, offset);
        byte[] bytes;
        try {
            long size = Files.size(path);
            if (size > MAX_FILE_BYTES) {
                throw corrupt(path, 0, "fileBytes=" + size + " maxBytes=" + MAX_FILE_BYTES + " reason=fileTooLarge");
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new LogStorageException("operation=readProducerSnapshot file=" + path, e);
        }
        return decode(path, offset, bytes);
    }

    /** Offsets of the snapshot files in {@code dir}, ascending. */
    public static List<Long> listSnapshots(Path dir) {
        List<Long> offsets = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path path : stream) {
                Matcher matcher = NAME.matcher(path.getFileName().toString());
                if (matcher.matches() && Files.isRegularFile(path)) {
                    parseOffset(matcher.group(1), offsets);
                }
            }
        } catch (IOException e) {
            throw new LogStorageException("operation=listProducerSnapshots dir=" + dir, e);
        }
        offsets.sort(Comparator.naturalOrder());
        return offsets;
    }

    /** The largest snapshot offset in {@code dir} that is {@code <= maxOffset}, if any. */
    public static OptionalLong latestSnapshot(Path dir, long maxOffset) {
        List<Long> offsets = listSnapshots(dir);
        for (int i = offsets.size() - 1; i >= 0; i--) {
            if (offsets.get(i) <= maxOffset) {
                return OptionalLong.of(offsets.get(i));
            }
        }
        return OptionalLong.empty();
    }

    /** Deletes every snapshot whose offset is strictly greater than {@code offset}; returns how many. */
    public static int deleteSnapshotsAfter(Path dir, long offset) {
        int deleted = 0;
        for (long snapshotOffset : listSnapshots(dir)) {
            if (snapshotOffset > offset) {
                deleteSnapshot(dir, snapshotOffset);
                deleted++;
            }
        }
        return deleted;
    }

    /** Deletes every snapshot whose offset is strictly less than {@code offset}; returns how many. */
    public static int deleteSnapshotsBefore(Path dir, long offset) {
        int deleted = 0;
        for (long snapshotOffset : listSnapshots(dir)) {
            if (snapshotOffset < offset) {
                deleteSnapshot(dir, snapshotOffset);
                deleted++;
            }
        }
        return deleted;
    }

    /** Deletes the snapshot for {@code offset} if it exists (used after a {@link CorruptIndexException}). */
    public static void deleteSnapshot(Path dir, long offset) {
        Path path = file(dir, offset);
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new LogStorageException("operation=deleteProducerSnapshot file=" + path, e);
        }
    }

    /** Deletes temp files left by a snapshot write that a crash interrupted; returns how many. */
    static int deleteStrayTempFiles(Path dir) {
        int deleted = 0;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*" + SUFFIX + TEMP_SUFFIX)) {
            for (Path path : stream) {
                Files.deleteIfExists(path);
                deleted++;
            }
        } catch (IOException e) {
            throw new LogStorageException("operation=deleteStraySnapshotTempFiles dir=" + dir, e);
        }
        return deleted;
    }

    static ByteBuffer encode(Collection<ProducerStateEntry> entries) {
        List<ProducerStateEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(ProducerStateEntry::producerId));
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + ENTRY_BYTES * sorted.size());
        buffer.putShort(VERSION);
        buffer.putInt(0);
        buffer.putInt(sorted.size());
        for (ProducerStateEntry entry : sorted) {
            buffer.putLong(entry.producerId());
            buffer.putShort(entry.producerEpoch());
            buffer.putInt(entry.lastSequence());
            buffer.putLong(entry.lastDataOffset());
            buffer.putInt(entry.lastOffsetDelta());
            buffer.putLong(entry.lastTimestamp());
            buffer.putInt(entry.coordinatorEpoch());
            buffer.putLong(entry.currentTxnFirstOffset());
        }
        buffer.putInt(CRC_POSITION, crc(buffer.array(), buffer.position()));
        buffer.flip();
        return buffer;
    }

    static List<ProducerStateEntry> decode(Path path, long snapshotOffset, byte[] bytes) {
        if (bytes.length < HEADER_BYTES) {
            throw corrupt(path, 0, "fileBytes=" + bytes.length + " headerBytes=" + HEADER_BYTES
                + " reason=shorterThanHeader");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        short version = buffer.getShort(0);
        if (version != VERSION) {
            throw corrupt(path, 0, "version=" + version + " supportedVersion=" + VERSION + " reason=unknownVersion");
        }
        int storedCrc = buffer.getInt(CRC_POSITION);
        int computedCrc = crc(bytes, bytes.length);
        if (storedCrc != computedCrc) {
            throw corrupt(path, CRC_POSITION, "storedCrc=" + Integer.toUnsignedString(storedCrc)
                + " computedCrc=" + Integer.toUnsignedString(computedCrc) + " reason=crcMismatch");
        }
        int count = buffer.getInt(COUNT_POSITION);
        long expectedBytes = HEADER_BYTES + (long) ENTRY_BYTES * count;
        if (count < 0 || expectedBytes != bytes.length) {
            throw corrupt(path, COUNT_POSITION, "entryCount=" + count + " fileBytes=" + bytes.length
                + " expectedBytes=" + expectedBytes + " reason=sizeDoesNotMatchEntryCount");
        }
        List<ProducerStateEntry> entries = new ArrayList<>(count);
        Set<Long> producerIds = new HashSet<>();
        for (int i = 0; i < count; i++) {
            ProducerStateEntry entry = decodeEntry(path, snapshotOffset, buffer, HEADER_BYTES + i * ENTRY_BYTES);
            if (!producerIds.add(entry.producerId())) {
                throw corrupt(path, HEADER_BYTES + i * ENTRY_BYTES, "entryIndex=" + i
                    + " producerId=" + entry.producerId() + " reason=duplicateProducerId");
            }
            entries.add(entry);
        }
        return entries;
    }

    private static ProducerStateEntry decodeEntry(Path path, long snapshotOffset, ByteBuffer buffer, int position) {
        buffer.position(position);
        long producerId = buffer.getLong();
        short epoch = buffer.getShort();
        int lastSequence = buffer.getInt();
        long lastOffset = buffer.getLong();
        int offsetDelta = buffer.getInt();
        long timestamp = buffer.getLong();
        int coordinatorEpoch = buffer.getInt();
        long txnFirstOffset = buffer.getLong();
        String facts = "producerId=" + producerId + " lastSequence=" + lastSequence + " lastOffset=" + lastOffset
            + " offsetDelta=" + offsetDelta + " currentTxnFirstOffset=" + txnFirstOffset
            + " snapshotOffset=" + snapshotOffset;
        boolean batchValid = lastOffset == -1
            || (lastOffset >= 0 && lastSequence >= 0 && offsetDelta >= 0 && offsetDelta <= lastOffset);
        if (producerId < 0 || !batchValid || lastOffset >= snapshotOffset
            || txnFirstOffset < -1 || txnFirstOffset >= snapshotOffset) {
            throw corrupt(path, position, facts + " reason=entryOutOfRange");
        }
        List<BatchMetadata> batches = lastOffset < 0
            ? List.of()
            : List.of(new BatchMetadata(lastSequence, lastOffset, offsetDelta, timestamp));
        return new ProducerStateEntry(producerId, epoch, coordinatorEpoch, timestamp, txnFirstOffset, batches);
    }

    private static int crc(byte[] bytes, int end) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, COUNT_POSITION, end - COUNT_POSITION);
        return (int) crc.getValue();
    }

    private static void parseOffset(String digits, List<Long> offsets) {
        // Twenty digits can exceed Long.MAX_VALUE: such a name was not written by this class.
        if (digits.compareTo(MAX_OFFSET_DIGITS) <= 0) {
            offsets.add(Long.parseLong(digits));
        }
    }

    private static void forceDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static CorruptIndexException corrupt(Path path, long position, String facts) {
        return new CorruptIndexException("file=" + path + " position=" + position + " " + facts);
    }
}
