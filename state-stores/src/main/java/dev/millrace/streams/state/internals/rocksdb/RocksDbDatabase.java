package dev.millrace.streams.state.internals.rocksdb;

import dev.millrace.common.TopicPartition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.IngestExternalFileOptions;
import org.rocksdb.MutableColumnFamilyOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteBatchWithIndex;

/**
 * One open RocksDB database with a default column family, an offsets column family and any number of named
 * data column families; the shared core of {@link RocksDbKeyValueEngine} and {@link SegmentedRocksDbEngine}.
 *
 * <p>Writes go straight to the memtables (the write-ahead log is off, as in Kafka Streams), or, in transactional
 * mode, to an indexed write batch (the overlay) that {@link #get} and iterators read through; deletes in the
 * overlay mask the database. {@link #commit} writes the overlay (if any) and the changelog offsets in one atomic
 * batch.
 *
 * <p><b>Durability and crash consistency.</b> Memtables reach disk only by flushes, and every flush is atomic
 * across all column families ({@link RocksDbOptions}), so a crash leaves the state at one point of the write
 * sequence: in transactional mode exactly the state of some commit, with its offsets (uncommitted and aborted
 * writes never reach the memtables); in non-transactional mode the data up to some write, with the offsets of the
 * last commit before it (data may be ahead of the offsets, never behind). A crash may roll back commits that had
 * returned: a commit is durable once a flush follows it, which happens when a memtable fills, on {@link #flush},
 * on a clean {@link #close}, before a column family is dropped (so that a drop is never durable ahead of the
 * commit that retired it), and after every commit when {@value RocksDbEngineConfig#COMMIT_SYNC_CONFIG} is on.
 * Callers that need a commit to be durable (a checkpoint before the changelog is truncated) flush after it.
 * Creating a column family is durable at once, which at worst leaves an empty one behind.
 *
 * <p><b>Restore.</b> In non-transactional mode {@link #restore} buffers restored records in a
 * {@link RestoreChunk} that is written as a sorted table file and ingested when full, and before anything else
 * touches the database (a read, a write, an iterator, a commit, a flush, the end of bulk load, a close), so that
 * every other operation sees all restored records. An ingested file is durable at once; since the offsets of a
 * restore are committed only after its records were handed over, the data may be ahead of the offsets, never
 * behind. In transactional mode restored records go to the overlay and commit with the offsets.
 *
 * <p>Every method is synchronized on this object; iterators take the same lock around native calls. Each
 * write to the overlay counts as a modification, after which open iterators re-seek rather than touch a
 * native iterator whose batch changed underneath it.
 */
final class RocksDbDatabase implements AutoCloseable {
    private static final String DEFAULT_COLUMN = new String(RocksDB.DEFAULT_COLUMN_FAMILY, StandardCharsets.UTF_8);
    private static final int BULK_LOAD_TRIGGER = 1 << 30;

    private final String name;
    private final Path dir;
    private final RocksDbMemoryBudget budget;
    private final RocksDbOptions options;
    private final RocksDB db;
    private final ColumnFamilyHandle defaultColumn;
    private final ColumnFamilyHandle offsetsColumn;
    private final Map<String, ColumnFamilyHandle> columns = new LinkedHashMap<>();
    private final WriteBatchWithIndex overlay;
    private final Set<ColumnFamilyIterator> openIterators = ConcurrentHashMap.newKeySet();
    private final RestoreChunk restoreChunk;
    private long modifications;
    private boolean bulkLoading;
    private boolean settling;
    private long writeBufferSize;
    private volatile boolean open = true;

    private RocksDbDatabase(String name, Path dir, RocksDbMemoryBudget budget, RocksDbOptions options, RocksDB db,
                            List<String> names, List<ColumnFamilyHandle> handles, boolean transactional,
                            long restoreChunkBytes) {
        this.name = name;
        this.dir = dir;
        this.budget = budget;
        this.options = options;
        this.db = db;
        for (int i = 0; i < names.size(); i++) {
            columns.put(names.get(i), handles.get(i));
        }
        this.defaultColumn = columns.remove(DEFAULT_COLUMN);
        this.offsetsColumn = columns.remove(new String(OffsetsCodec.COLUMN_NAME, StandardCharsets.UTF_8));
        this.overlay = transactional ? new WriteBatchWithIndex(true) : null;
        this.restoreChunk = transactional ? null : new RestoreChunk(dir, options.options, restoreChunkBytes);
        this.writeBufferSize = options.columnOptions.writeBufferSize();
    }

    /** A write buffer size with its arena block size, see {@link RocksDbMemoryBudget#arenaBlockSize}. */
    private static MutableColumnFamilyOptions memtableOptions(long size) {
        return MutableColumnFamilyOptions.builder().setWriteBufferSize(size)
                .setArenaBlockSize(RocksDbMemoryBudget.arenaBlockSize(size)).build();
    }

    /**
     * Sets the write buffer size of every column family to the budget's share, or to the configured size if
     * that is smaller (see {@link RocksDbMemoryBudget}). Does nothing once closed.
     */
    synchronized void applyMemtableShare(long share) {
        long size = Math.min(options.configuredWriteBufferSize, share);
        if (!open || size == writeBufferSize) {
            return;
        }
        try {
            for (ColumnFamilyHandle handle : allColumns()) {
                db.setOptions(handle, memtableOptions(size));
            }
        } catch (RocksDBException e) {
            throw failure("applyMemtableShare size=" + size, e);
        }
        writeBufferSize = size;
    }

    /**
     * Opens or creates the database in {@code dir}, with every column family it already has.
     *
     * @param budget the memory budget, or null for the process-wide one of {@code configs}; a reference is
     *               taken either way and dropped at close
     */
    static RocksDbDatabase open(Path dir, String name, RocksDbMemoryBudget budget, Map<String, ?> configs) {
        RocksDbEngineConfig config = RocksDbEngineConfig.from(configs);
        RocksDbMemoryBudget held = budget == null ? RocksDbMemoryBudget.shared(configs) : budget.retain();
        RocksDbOptions options = null;
        try {
            Files.createDirectories(dir);
            RestoreChunk.deleteLeftovers(dir);
            options = RocksDbOptions.build(name, held, config, configs);
            List<String> names = existingColumns(dir, options.options);
            List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
            for (String column : names) {
                descriptors.add(new ColumnFamilyDescriptor(column.getBytes(StandardCharsets.UTF_8),
                        options.columnOptions));
            }
            List<ColumnFamilyHandle> handles = new ArrayList<>();
            RocksDB db = RocksDB.open(options.dbOptions, dir.toString(), descriptors, handles);
            RocksDbDatabase database = new RocksDbDatabase(name, dir, held, options, db, names, handles,
                    config.transactional(), config.restoreChunkBytes());
            held.register(database);
            return database;
        } catch (IOException | RocksDBException | RuntimeException e) {
            if (options != null) {
                options.close();
            }
            held.close();
            throw new RocksDbStoreException("cannot open store=" + name + " dir=" + dir, e);
        }
    }

    private static List<String> existingColumns(Path dir, Options options) throws RocksDBException {
        List<String> names = new ArrayList<>();
        names.add(DEFAULT_COLUMN);
        names.add(new String(OffsetsCodec.COLUMN_NAME, StandardCharsets.UTF_8));
        for (byte[] column : RocksDB.listColumnFamilies(options, dir.toString())) {
            String text = new String(column, StandardCharsets.UTF_8);
            if (!names.contains(text)) {
                names.add(text);
            }
        }
        return names;
    }

    String name() {
        return name;
    }

    Path dir() {
        return dir;
    }

    boolean transactional() {
        return overlay != null;
    }

    synchronized boolean isOpen() {
        return open;
    }

    ColumnFamilyHandle defaultColumn() {
        return defaultColumn;
    }

    synchronized Map<String, ColumnFamilyHandle> namedColumns() {
        return new LinkedHashMap<>(columns);
    }

    synchronized ColumnFamilyHandle createColumn(String column) {
        checkOpen();
        ColumnFamilyHandle existing = columns.get(column);
        if (existing != null) {
            return existing;
        }
        try {
            ColumnFamilyHandle handle = db.createColumnFamily(new ColumnFamilyDescriptor(
                    column.getBytes(StandardCharsets.UTF_8), options.columnOptions));
            columns.put(column, handle);
            if (writeBufferSize != options.columnOptions.writeBufferSize()) {
                db.setOptions(handle, memtableOptions(writeBufferSize));
            }
            if (bulkLoading) {
                db.setOptions(handle, bulkLoadOptions(true));
            }
            return handle;
        } catch (RocksDBException e) {
            throw failure("createColumn column=" + column, e);
        }
    }

    synchronized void dropColumn(String column) {
        checkOpen();
        ColumnFamilyHandle handle = columns.remove(column);
        if (handle == null) {
            return;
        }
        try {
            flushAll();
            db.dropColumnFamily(handle);
        } catch (RocksDBException e) {
            throw failure("dropColumn column=" + column, e);
        } finally {
            handle.close();
        }
    }

    synchronized boolean hasOpenIterators() {
        return !openIterators.isEmpty();
    }

    synchronized long modifications() {
        return modifications;
    }

    synchronized byte[] get(ColumnFamilyHandle column, byte[] key) {
        checkOpen();
        drainRestored();
        try {
            return overlay == null ? db.get(column, key)
                    : overlay.getFromBatchAndDB(db, column, options.readOptions, key);
        } catch (RocksDBException e) {
            throw failure("get", e);
        }
    }

    synchronized void put(ColumnFamilyHandle column, byte[] key, byte[] value) {
        checkOpen();
        drainRestored();
        try {
            if (overlay != null) {
                if (value == null) {
                    overlay.delete(column, key);
                } else {
                    overlay.put(column, key, value);
                }
                modifications++;
            } else if (value == null) {
                db.delete(column, options.writeOptions, key);
            } else {
                db.put(column, options.writeOptions, key, value);
            }
        } catch (RocksDBException e) {
            throw failure("put", e);
        }
    }

    /** Applies the entries in order as one atomic write; a null value deletes its key. */
    synchronized void putAll(ColumnFamilyHandle column, Collection<RocksDbEntry> entries) {
        checkOpen();
        drainRestored();
        if (overlay != null) {
            for (RocksDbEntry entry : entries) {
                put(column, entry.key(), entry.value());
            }
            return;
        }
        try (WriteBatch batch = new WriteBatch()) {
            for (RocksDbEntry entry : entries) {
                if (entry.value() == null) {
                    batch.delete(column, entry.key());
                } else {
                    batch.put(column, entry.key(), entry.value());
                }
            }
            db.write(options.writeOptions, batch);
        } catch (RocksDBException e) {
            throw failure("putAll", e);
        }
    }

    /**
     * Applies restored records in order (a null value deletes its key): in transactional mode as {@link #putAll};
     * otherwise buffered and ingested as sorted table files, see the class comment.
     */
    synchronized void restore(ColumnFamilyHandle column, Collection<RocksDbEntry> entries) {
        checkOpen();
        if (restoreChunk == null) {
            putAll(column, entries);
            return;
        }
        if (!restoreChunk.isEmpty() && restoreChunk.column() != column) {
            drainRestored();
        }
        restoreChunk.add(column, entries);
        if (restoreChunk.isFull()) {
            drainRestored();
        }
    }

    /**
     * Writes buffered restored records as table files with disjoint key ranges and ingests them in one atomic
     * ingestion, newer than everything in the column. The memtables are flushed first, so that the files, durable
     * once ingested, are never durable ahead of earlier writes (a no-op when they are empty, as during a restore).
     */
    private void drainRestored() {
        if (restoreChunk == null || restoreChunk.isEmpty()) {
            return;
        }
        ColumnFamilyHandle column = restoreChunk.column();
        List<Path> files = List.of();
        try (IngestExternalFileOptions ingest = new IngestExternalFileOptions().setMoveFiles(true)
                .setAllowGlobalSeqNo(true).setAllowBlockingFlush(true).setSnapshotConsistency(true)) {
            files = restoreChunk.writeFiles();
            flushAll();
            List<String> paths = new ArrayList<>();
            for (Path file : files) {
                paths.add(file.toString());
            }
            db.ingestExternalFile(column, paths, ingest);
        } catch (RocksDBException e) {
            throw failure("restore ingest", e);
        } finally {
            restoreChunk.clear();
            files.forEach(RocksDbDatabase::deleteQuietly);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover restore file is deleted at the next open
            return;
        }
    }

    synchronized RocksDbIterator iterator(ColumnFamilyHandle column, byte[] from, byte[] to, byte[] prefix,
                                          boolean forward) {
        checkOpen();
        drainRestored();
        ColumnFamilyIterator iterator = new ColumnFamilyIterator(this, column, from, to, prefix, forward);
        openIterators.add(iterator);
        return iterator;
    }

    void iteratorClosed(ColumnFamilyIterator iterator) {
        openIterators.remove(iterator);
    }

    /** Called by iterators with the lock held. */
    RocksIterator nativeIterator(ColumnFamilyHandle column) {
        checkOpen();
        RocksIterator base = db.newIterator(column, options.readOptions);
        return overlay == null ? base : overlay.newIteratorWithBase(column, base, options.readOptions);
    }

    /**
     * Writes the pending overlay, the offsets, the markers and the position in one atomic batch, after ingesting
     * buffered restored records; flushes afterwards when commits are to be durable on return.
     *
     * @param offsets  changelog offsets to record
     * @param markers  engine markers to record (for example the observed stream time)
     * @param position components of the store's position to record (input topic partition to offset)
     */
    synchronized void commit(Map<TopicPartition, Long> offsets, Map<String, Long> markers,
                             Map<TopicPartition, Long> position) {
        checkOpen();
        drainRestored();
        try {
            if (overlay != null) {
                addMarkers(overlay, offsets, markers, position);
                db.write(options.commitOptions, overlay);
                overlay.clear();
                modifications++;
            } else {
                try (WriteBatch batch = new WriteBatch()) {
                    addMarkers(batch, offsets, markers, position);
                    db.write(options.commitOptions, batch);
                }
            }
            if (options.flushOnCommit) {
                flushAll();
            }
        } catch (RocksDBException e) {
            throw failure("commit offsets=" + offsets, e);
        }
        settleAfterBulkLoad();
    }

    private void addMarkers(org.rocksdb.AbstractWriteBatch batch, Map<TopicPartition, Long> offsets,
                            Map<String, Long> markers, Map<TopicPartition, Long> position) throws RocksDBException {
        for (Map.Entry<TopicPartition, Long> offset : offsets.entrySet()) {
            batch.put(offsetsColumn, OffsetsCodec.offsetKey(offset.getKey()),
                    OffsetsCodec.encodeLong(offset.getValue()));
        }
        for (Map.Entry<String, Long> marker : markers.entrySet()) {
            batch.put(offsetsColumn, OffsetsCodec.markerKey(marker.getKey()),
                    OffsetsCodec.encodeLong(marker.getValue()));
        }
        for (Map.Entry<TopicPartition, Long> component : position.entrySet()) {
            batch.put(offsetsColumn, OffsetsCodec.positionKey(component.getKey()),
                    OffsetsCodec.encodeLong(component.getValue()));
        }
    }

    /** Drops every uncommitted write; only in transactional mode. */
    synchronized void abort() {
        checkOpen();
        if (overlay == null) {
            throw new IllegalStateException("abort needs a transactional store store=" + name);
        }
        overlay.clear();
        modifications++;
    }

    synchronized int uncommittedWrites() {
        return overlay == null ? 0 : overlay.count();
    }

    synchronized Long committedOffset(TopicPartition partition) {
        byte[] value = readCommitted(OffsetsCodec.offsetKey(partition));
        return value == null ? null : OffsetsCodec.decodeLong(value);
    }

    synchronized Map<TopicPartition, Long> committedOffsets() {
        return committedPartitionValues(OffsetsCodec::isOffsetKey);
    }

    /** @return the committed position components: input topic partition to the highest offset applied */
    synchronized Map<TopicPartition, Long> committedPosition() {
        return committedPartitionValues(OffsetsCodec::isPositionKey);
    }

    private Map<TopicPartition, Long> committedPartitionValues(Predicate<byte[]> kind) {
        checkOpen();
        Map<TopicPartition, Long> values = new TreeMap<>((a, b) -> a.topic().equals(b.topic())
                ? Integer.compare(a.partition(), b.partition()) : a.topic().compareTo(b.topic()));
        try (RocksIterator it = db.newIterator(offsetsColumn, options.readOptions)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                if (kind.test(it.key())) {
                    values.put(OffsetsCodec.partitionOf(it.key()), OffsetsCodec.decodeLong(it.value()));
                }
            }
        }
        return values;
    }

    synchronized Long committedMarker(String marker) {
        byte[] value = readCommitted(OffsetsCodec.markerKey(marker));
        return value == null ? null : OffsetsCodec.decodeLong(value);
    }

    /**
     * Writes a marker outside any commit (for facts fixed at creation, like a segment interval).
     *
     * @param durable whether to flush, making the marker (and everything written before) durable on return
     */
    synchronized void writeMarker(String marker, long value, boolean durable) {
        checkOpen();
        try {
            db.put(offsetsColumn, options.commitOptions, OffsetsCodec.markerKey(marker),
                    OffsetsCodec.encodeLong(value));
            if (durable) {
                flushAll();
            }
        } catch (RocksDBException e) {
            throw failure("writeMarker marker=" + marker, e);
        }
    }

    private byte[] readCommitted(byte[] key) {
        checkOpen();
        try {
            return db.get(offsetsColumn, options.readOptions, key);
        } catch (RocksDBException e) {
            throw failure("readOffsets", e);
        }
    }

    /**
     * Makes everything written so far durable: ingests buffered restored records and writes the memtables of
     * every column family to table files in one atomic flush (uncommitted overlay writes stay pending).
     */
    synchronized void flush() {
        checkOpen();
        drainRestored();
        try {
            flushAll();
        } catch (RocksDBException e) {
            throw failure("flush", e);
        }
    }

    private void flushAll() throws RocksDBException {
        db.flush(options.flushOptions, allColumns());
    }

    synchronized void beginBulkLoad() {
        checkOpen();
        if (bulkLoading) {
            return;
        }
        setDataColumnOptions(bulkLoadOptions(true), "beginBulkLoad");
        bulkLoading = true;
    }

    /**
     * Leaves bulk-load mode without compacting on the caller's thread: automatic compactions are switched back
     * on and catch up in the background, while the level-0 write stalls stay lifted until the level-0 file count
     * is back under the configured slowdown trigger (checked at each commit), so that writes after a restore do
     * not stall behind that compaction.
     */
    synchronized void endBulkLoad() {
        checkOpen();
        if (!bulkLoading) {
            return;
        }
        drainRestored();
        setDataColumnOptions(settlingOptions(), "endBulkLoad");
        bulkLoading = false;
        settling = true;
    }

    /** Restores the level-0 write triggers once background compaction has caught up after a bulk load. */
    private void settleAfterBulkLoad() {
        if (!settling) {
            return;
        }
        long slowdown = options.columnOptions.level0SlowdownWritesTrigger();
        try {
            for (ColumnFamilyHandle handle : dataColumns()) {
                if (Long.parseLong(db.getProperty(handle, "rocksdb.num-files-at-level0").trim()) >= slowdown) {
                    return;
                }
            }
        } catch (RocksDBException e) {
            throw failure("settleAfterBulkLoad", e);
        }
        setDataColumnOptions(bulkLoadOptions(false), "settleAfterBulkLoad");
        settling = false;
    }

    synchronized boolean bulkLoading() {
        return bulkLoading;
    }

    private void setDataColumnOptions(MutableColumnFamilyOptions mutable, String operation) {
        try {
            for (ColumnFamilyHandle handle : dataColumns()) {
                db.setOptions(handle, mutable);
            }
        } catch (RocksDBException e) {
            throw failure(operation, e);
        }
    }

    private MutableColumnFamilyOptions settlingOptions() {
        return MutableColumnFamilyOptions.builder()
                .setDisableAutoCompactions(options.columnOptions.disableAutoCompactions())
                .setLevel0SlowdownWritesTrigger(BULK_LOAD_TRIGGER)
                .setLevel0StopWritesTrigger(BULK_LOAD_TRIGGER)
                .build();
    }

    private MutableColumnFamilyOptions bulkLoadOptions(boolean on) {
        return MutableColumnFamilyOptions.builder()
                .setDisableAutoCompactions(on ? true : options.columnOptions.disableAutoCompactions())
                .setLevel0SlowdownWritesTrigger(on ? BULK_LOAD_TRIGGER
                        : options.columnOptions.level0SlowdownWritesTrigger())
                .setLevel0StopWritesTrigger(on ? BULK_LOAD_TRIGGER : options.columnOptions.level0StopWritesTrigger())
                .build();
    }

    /** Sums an integer property over the given column families; absent properties count as 0. */
    synchronized long sumProperty(Collection<ColumnFamilyHandle> handles, String property) {
        checkOpen();
        long sum = 0;
        try {
            for (ColumnFamilyHandle handle : handles) {
                sum += db.getLongProperty(handle, property);
            }
        } catch (RocksDBException e) {
            throw failure("property name=" + property, e);
        }
        return sum;
    }

    synchronized long property(String property) {
        return sumProperty(List.of(defaultColumn), property);
    }

    org.rocksdb.Statistics nativeStatistics() {
        return options.statistics;
    }

    /** The default column family and the named ones: where engine data lives. */
    synchronized List<ColumnFamilyHandle> dataColumns() {
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        handles.add(defaultColumn);
        handles.addAll(columns.values());
        return handles;
    }

    private List<ColumnFamilyHandle> allColumns() {
        List<ColumnFamilyHandle> handles = dataColumns();
        handles.add(offsetsColumn);
        return handles;
    }

    void checkOpen() {
        if (!open) {
            throw new RocksDbStoreException("store is closed store=" + name);
        }
    }

    RocksDbStoreException failure(String operation, RocksDBException cause) {
        return new RocksDbStoreException("rocksdb failed store=" + name + " op=" + operation + " status="
                + (cause.getStatus() == null ? "unknown" : cause.getStatus().getCodeString()), cause);
    }

    /**
     * Closes open iterators, drops uncommitted writes, makes everything else durable (buffered restored records
     * and committed or, in non-transactional mode, all writes in the memtables), and releases the database and
     * its budget reference. The resources are released even if that last flush fails, which is then rethrown.
     */
    @Override
    public synchronized void close() {
        if (!open) {
            return;
        }
        for (ColumnFamilyIterator iterator : List.copyOf(openIterators)) {
            iterator.close();
        }
        if (overlay != null) {
            overlay.clear();
        }
        try {
            drainRestored();
            flushAll();
        } catch (RocksDBException e) {
            throw failure("close flush", e);
        } finally {
            release();
        }
    }

    private void release() {
        open = false;
        budget.unregister(this);
        if (restoreChunk != null) {
            restoreChunk.clear();
        }
        if (overlay != null) {
            overlay.close();
        }
        for (ColumnFamilyHandle handle : allColumns()) {
            handle.close();
        }
        columns.clear();
        db.close();
        options.close();
        budget.close();
    }

    @Override
    public String toString() {
        return "RocksDbDatabase(store=" + name + " dir=" + dir + " transactional=" + transactional()
                + (open ? ")" : " closed)");
    }
}
