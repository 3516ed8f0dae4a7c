package dev.millrace.streams.state.internals.rocksdb;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.EnvOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDBException;
import org.rocksdb.SstFileWriter;

/**
 * Restored records of one column family buffered in arrival order until they are written, sorted, as one table
 * file for {@link RocksDbDatabase} to ingest: the restore path of a non-transactional store.
 *
 * <p>Within a chunk the last record of a key wins (earlier ones are dropped) and a null value becomes a deletion
 * in the file, so that ingesting the file, which RocksDB gives a sequence number newer than everything already in
 * the column family, has the same effect as applying the chunk's records in order. The buffer holds references to
 * the callers' arrays, which must not change afterwards (restored records are never reused). A chunk is full at
 * {@value RocksDbEngineConfig#RESTORE_CHUNK_BYTES_CONFIG} bytes of keys, values and per-record overhead.
 *
 * <p>Confined to the owning database, which calls it under its lock; large chunks are written in parallel parts on
 * the common fork-join pool while the caller waits. Files are named
 * {@value #FILE_PREFIX}{@code <n>.sst} in the database directory; one that a crash left behind is deleted at the
 * next open ({@link #deleteLeftovers}).
 */
final class RestoreChunk {
    static final String FILE_PREFIX = "millrace-restore-";
    /** Chunks of fewer records are written as one file by the calling thread. */
    private static final int PARALLEL_MIN_RECORDS = 50_000;
    private static final int MAX_PARTS = 4;
    private static final int RECORD_OVERHEAD = 48;
    private static final int INITIAL_CAPACITY = 4096;

    private final Path dir;
    private final Options options;
    private final long limitBytes;
    private ColumnFamilyHandle column;
    private byte[][] keys = new byte[INITIAL_CAPACITY][];
    private byte[][] values = new byte[INITIAL_CAPACITY][];
    private int size;
    private long bytes;
    private long files;

    RestoreChunk(Path dir, Options options, long limitBytes) {
        this.dir = dir;
        this.options = options;
        this.limitBytes = limitBytes;
    }

    /** Deletes restore files a crashed process left in {@code dir}. */
    static void deleteLeftovers(Path dir) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, FILE_PREFIX + "*.sst")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    boolean isFull() {
        return bytes >= limitBytes;
    }

    /** The column family of the buffered records, or null when empty. */
    ColumnFamilyHandle column() {
        return size == 0 ? null : column;
    }

    /** Buffers records of {@code target}; the caller writes out a chunk of another column family first. */
    void add(ColumnFamilyHandle target, Collection<RocksDbEntry> entries) {
        if (size > 0 && target != column) {
            throw new IllegalStateException("restore chunk holds another column family buffered=" + size);
        }
        column = target;
        if (size + entries.size() > keys.length) {
            int capacity = Math.max(keys.length * 2, size + entries.size());
            keys = Arrays.copyOf(keys, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        for (RocksDbEntry entry : entries) {
            keys[size] = entry.key();
            values[size] = entry.value();
            bytes += entry.key().length + (entry.value() == null ? 0 : entry.value().length) + RECORD_OVERHEAD;
            size++;
        }
    }

    /**
     * Writes the buffered records as sorted table files with disjoint key ranges and empties the buffer. Large
     * chunks are split into one part per available processor, written in parallel (the caller waits for all);
     * a run of equal keys never straddles two parts.
     *
     * @return the files, in key order, which the caller ingests together (moving them) or deletes
     */
    List<Path> writeFiles() throws RocksDBException {
        try {
            int[] order = sortedOrder();
            int parts = order.length < PARALLEL_MIN_RECORDS ? 1
                    : Math.max(1, Math.min(MAX_PARTS, Runtime.getRuntime().availableProcessors()));
            List<int[]> ranges = new ArrayList<>();
            int from = 0;
            for (int part = 1; part <= parts && from < order.length; part++) {
                int to = part == parts ? order.length : endOfRun(order, (int) ((long) order.length * part / parts));
                if (to > from) {
                    ranges.add(new int[] {from, to});
                }
                from = to;
            }
            List<Path> out = new ArrayList<>();
            for (int i = 0; i < ranges.size(); i++) {
                out.add(dir.resolve(FILE_PREFIX + files++ + ".sst"));
            }
            RocksDBException[] failure = new RocksDBException[1];
            IntStream.range(0, ranges.size()).parallel().forEach(i -> {
                try {
                    write(out.get(i), order, ranges.get(i)[0], ranges.get(i)[1]);
                } catch (RocksDBException e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            return out;
        } finally {
            clear();
        }
    }

    /** The first position at or after {@code at} that starts a new key (or the end). */
    private int endOfRun(int[] order, int at) {
        int end = Math.max(1, at);
        while (end < order.length && Arrays.equals(keys[order[end - 1]], keys[order[end]])) {
            end++;
        }
        return end;
    }

    /** Writes {@code order[from, to)} to one file, keeping the last record of each run of equal keys. */
    private void write(Path file, int[] order, int from, int to) throws RocksDBException {
        try (EnvOptions env = new EnvOptions(); SstFileWriter writer = new SstFileWriter(env, options)) {
            writer.open(file.toString());
            for (int i = from; i < to; i++) {
                int index = order[i];
                if (i + 1 < to && Arrays.equals(keys[index], keys[order[i + 1]])) {
                    continue;
                }
                if (values[index] == null) {
                    writer.delete(keys[index]);
                } else {
                    writer.put(keys[index], values[index]);
                }
            }
            writer.finish();
        }
    }

    /** Drops the buffered records. */
    void clear() {
        Arrays.fill(keys, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
        bytes = 0;
        column = null;
    }

    /**
     * Orders the buffered records by unsigned key bytes and records of the same key by arrival, so that the last
     * of each run of equal keys is the one to keep: a most-significant-byte radix sort of record positions (stable,
     * so equal keys keep their arrival order), finished by insertion sort in small buckets.
     */
    private int[] sortedOrder() {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        new KeyRadixSort(keys, size).sort(order, 0, size, 0);
        return order;
    }
}
