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
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
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
 * <p>Writes go straight to the database through the write-ahead log, or, in transactional mode, to an indexed
 * write batch (the overlay) that {@link #get} and iterators read through; deletes in the overlay mask the
 * database. {@link #commit} writes the overlay (if any) and the changelog offsets in one atomic batch, so that
 * after any crash the offsets column family names exactly the changelog prefix the data reflects (in
 * non-transactional mode, a prefix of it: data may be ahead of the offsets, never behind).
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
    private long modifications;
    private boolean bulkLoading;
    private boolean open = true;

    private RocksDbDatabase(String name, Path dir, RocksDbMemoryBudget budget, RocksDbOptions options, RocksDB db,
                            List<String> names, List<ColumnFamilyHandle> handles, boolean transactional) {
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
            options = RocksDbOptions.build(name, held, config, configs);
            List<String> names = existingColumns(dir, options.options);
            List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
            for (String column : names) {
                descriptors.add(new ColumnFamilyDescriptor(column.getBytes(StandardCharsets.UTF_8),
                        options.columnOptions));
            }
            List<ColumnFamilyHandle> handles = new ArrayList<>();
            RocksDB db = RocksDB.open(options.dbOptions, dir.toString(), descriptors, handles);
            return new RocksDbDatabase(name, dir, held, options, db, names, handles, config.transactional());
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
        try {
            return overlay == null ? db.get(column, options.readOptions, key)
                    : overlay.getFromBatchAndDB(db, column, options.readOptions, key);
        } catch (RocksDBException e) {
            throw failure("get", e);
        }
    }

    synchronized void put(ColumnFamilyHandle column, byte[] key, byte[] value) {
        checkOpen();
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

    synchronized RocksDbIterator iterator(ColumnFamilyHandle column, byte[] from, byte[] to, byte[] prefix,
                                          boolean forward) {
        checkOpen();
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
     * Writes the pending overlay, the offsets and the markers in one atomic batch.
     *
     * @param offsets changelog offsets to record
     * @param markers engine markers to record (for example the observed stream time)
     */
    synchronized void commit(Map<TopicPartition, Long> offsets, Map<String, Long> markers) {
        checkOpen();
        try {
            if (overlay != null) {
                addMarkers(overlay, offsets, markers);
                db.write(options.commitOptions, overlay);
                overlay.clear();
                modifications++;
            } else {
                try (WriteBatch batch = new WriteBatch()) {
                    addMarkers(batch, offsets, markers);
                    db.write(options.commitOptions, batch);
                }
            }
        } catch (RocksDBException e) {
            throw failure("commit offsets=" + offsets, e);
        }
    }

    private void addMarkers(org.rocksdb.AbstractWriteBatch batch, Map<TopicPartition, Long> offsets,
                            Map<String, Long> markers) throws RocksDBException {
        for (Map.Entry<TopicPartition, Long> offset : offsets.entrySet()) {
            batch.put(offsetsColumn, OffsetsCodec.offsetKey(offset.getKey()),
                    OffsetsCodec.encodeLong(offset.getValue()));
        }
        for (Map.Entry<String, Long> marker : markers.entrySet()) {
            batch.put(offsetsColumn, OffsetsCodec.markerKey(marker.getKey()),
                    OffsetsCodec.encodeLong(marker.getValue()));
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
        checkOpen();
        Map<TopicPartition, Long> offsets = new TreeMap<>((a, b) -> a.topic().equals(b.topic())
                ? Integer.compare(a.partition(), b.partition()) : a.topic().compareTo(b.topic()));
        try (RocksIterator it = db.newIterator(offsetsColumn, options.readOptions)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                if (OffsetsCodec.isOffsetKey(it.key())) {
                    offsets.put(OffsetsCodec.partitionOf(it.key()), OffsetsCodec.decodeLong(it.value()));
                }
            }
        }
        return offsets;
    }

    synchronized Long committedMarker(String marker) {
        byte[] value = readCommitted(OffsetsCodec.markerKey(marker));
        return value == null ? null : OffsetsCodec.decodeLong(value);
    }

    /** Writes a marker at once, outside any commit (for facts fixed at creation, like a segment interval). */
    synchronized void writeMarker(String marker, long value) {
        checkOpen();
        try {
            db.put(offsetsColumn, options.commitOptions, OffsetsCodec.markerKey(marker),
                    OffsetsCodec.encodeLong(value));
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

    /** Writes the memtables of every column family to table files (uncommitted overlay writes stay pending). */
    synchronized void flush() {
        checkOpen();
        try {
            db.flush(options.flushOptions, allColumns());
        } catch (RocksDBException e) {
            throw failure("flush", e);
        }
    }

    synchronized void beginBulkLoad() {
        checkOpen();
        if (bulkLoading) {
            return;
        }
        setDataColumnOptions(bulkLoadOptions(true), "beginBulkLoad");
        bulkLoading = true;
    }

    synchronized void endBulkLoad() {
        checkOpen();
        if (!bulkLoading) {
            return;
        }
        setDataColumnOptions(bulkLoadOptions(false), "endBulkLoad");
        bulkLoading = false;
        try {
            for (ColumnFamilyHandle handle : dataColumns()) {
                db.compactRange(handle);
            }
        } catch (RocksDBException e) {
            throw failure("endBulkLoad compactRange", e);
        }
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

    synchronized void checkOpen() {
        if (!open) {
            throw new RocksDbStoreException("store is closed store=" + name);
        }
    }

    RocksDbStoreException failure(String operation, RocksDBException cause) {
        return new RocksDbStoreException("rocksdb failed store=" + name + " op=" + operation + " status="
                + (cause.getStatus() == null ? "unknown" : cause.getStatus().getCodeString()), cause);
    }

    /** Closes open iterators, drops uncommitted writes, and releases the database and its budget reference. */
    @Override
    public synchronized void close() {
        if (!open) {
            return;
        }
        for (ColumnFamilyIterator iterator : List.copyOf(openIterators)) {
            iterator.close();
        }
        open = false;
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
