package dev.millrace.streams.state.internals.rocksdb;

import dev.millrace.common.TopicPartition;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A RocksDB key-value store of {@code byte[]} keys and values, ordered by unsigned lexicographic key order, with
 * crash-consistent changelog offsets.
 *
 * <p><b>Commit and crash consistency.</b> The changelog offsets a store has applied live in their own column
 * family. {@link #commit(Map)} writes them in one atomic RocksDB write batch. The write-ahead log is off (as in
 * Kafka Streams); memtables reach disk in flushes that are atomic across the data and the offsets (see
 * {@link RocksDbDatabase}), so after a crash the store is at some earlier point of its write sequence and
 * {@link #committedOffset} tells where to resume the changelog from there. A commit that returned may be rolled
 * back by a crash until the next flush ({@link #flush()}, a full memtable, a clean close; after every commit with
 * {@value RocksDbEngineConfig#COMMIT_SYNC_CONFIG}); the store is then at an earlier commit, never between two.
 * <ul>
 *   <li>Non-transactional mode (the default): writes go to the memtables at once. After a crash the data holds
 *       every write up to the committed offsets and possibly later ones, which replaying the changelog from the
 *       offset overwrites (at-least-once).</li>
 *   <li>Transactional mode ({@value RocksDbEngineConfig#TRANSACTIONAL_CONFIG}, on by default under
 *       {@code exactly_once_v2}): writes go to an indexed write batch that every read sees (deletes mask the
 *       database); nothing reaches the database until {@link #commit(Map)} writes batch and offsets together;
 *       {@link #abort()} drops the batch. After a crash the data is exactly the state of a commit, with its
 *       offsets.</li>
 * </ul>
 *
 * <p><b>Restore.</b> {@link #restore} takes restored changelog records. Non-transactional stores write them as
 * sorted table files (one per {@value RocksDbEngineConfig#RESTORE_CHUNK_BYTES_CONFIG} bytes of records) that
 * RocksDB ingests: no memtable inserts, no flushes, no compaction on the way in. Transactional stores put them in
 * the overlay, committed with the offsets.
 *
 * <p><b>Threading.</b> Methods are synchronized, so interactive queries may read from other threads; the
 * stream thread that owns the store is expected to be its only writer. Iterators are confined to the thread
 * that opened them and must be closed; {@link #close()} closes those still open. Every method throws
 * {@link RocksDbStoreException} after close or when RocksDB fails.
 */
public final class RocksDbKeyValueEngine implements RocksDbEngine {
    private final RocksDbDatabase database;
    private final RocksDbStatistics statistics;

    private RocksDbKeyValueEngine(RocksDbDatabase database) {
        this.database = database;
        this.statistics = new RocksDbStatistics(database,
                property -> database.sumProperty(List.of(database.defaultColumn()), property));
    }

    /**
     * Opens the store in {@code dir}, creating it if needed. Uncommitted writes of a previous transactional run
     * are gone; non-transactional writes of a previous run are kept.
     *
     * @param dir     the database directory, created if missing
     * @param name    the store name, used in messages and passed to the options customizer
     * @param budget  the memory budget, or null for the process-wide one described by {@code configs}
     * @param configs store configuration (keys of {@link RocksDbEngineConfig} and {@link RocksDbMemoryBudget})
     * @return the open store
     */
    public static RocksDbKeyValueEngine open(Path dir, String name, RocksDbMemoryBudget budget,
                                             Map<String, ?> configs) {
        return new RocksDbKeyValueEngine(RocksDbDatabase.open(dir, name, budget, configs));
    }

    /** @return the store name */
    public String name() {
        return database.name();
    }

    /** @return whether writes stay in an overlay until commit */
    public boolean transactional() {
        return database.transactional();
    }

    /** @return whether the store is open */
    public boolean isOpen() {
        return database.isOpen();
    }

    /**
     * Reads a key, seeing uncommitted writes in transactional mode.
     *
     * @param key the key
     * @return its value, or null if absent or deleted
     */
    public byte[] get(byte[] key) {
        return database.get(database.defaultColumn(), key);
    }

    /**
     * Writes a key; a null value deletes it, as in Kafka Streams.
     *
     * @param key   the key
     * @param value the value, or null
     */
    public void put(byte[] key, byte[] value) {
        database.put(database.defaultColumn(), key, value);
    }

    /**
     * Deletes a key.
     *
     * @param key the key
     */
    public void delete(byte[] key) {
        database.put(database.defaultColumn(), key, null);
    }

    /**
     * Applies the entries in order as one atomic write; a null value deletes its key.
     *
     * @param entries the entries
     */
    public void putAll(Collection<RocksDbEntry> entries) {
        database.putAll(database.defaultColumn(), entries);
    }

    /**
     * Applies restored changelog records in order (a null value deletes its key). Reads, writes and commits see
     * them all; see the class comment for how they are written.
     *
     * @param entries the records, which must not change afterwards
     */
    public void restore(Collection<RocksDbEntry> entries) {
        database.restore(database.defaultColumn(), entries);
    }

    /**
     * Iterates keys from {@code from} to {@code to}, both inclusive, in ascending order. A null bound is open;
     * {@code from > to} yields nothing.
     *
     * @param from the lowest key, or null
     * @param to   the highest key, or null
     * @return an iterator to close
     */
    public RocksDbIterator range(byte[] from, byte[] to) {
        return database.iterator(database.defaultColumn(), from, to, null, true);
    }

    /**
     * Iterates keys from {@code to} down to {@code from}, both inclusive. A null bound is open.
     *
     * @param from the lowest key, or null
     * @param to   the highest key, or null
     * @return an iterator to close
     */
    public RocksDbIterator reverseRange(byte[] from, byte[] to) {
        return database.iterator(database.defaultColumn(), from, to, null, false);
    }

    /** @return an iterator over every key in ascending order */
    public RocksDbIterator all() {
        return range(null, null);
    }

    /** @return an iterator over every key in descending order */
    public RocksDbIterator reverseAll() {
        return reverseRange(null, null);
    }

    /**
     * Iterates the keys that start with {@code prefix}, in ascending order.
     *
     * @param prefix the key prefix; empty matches every key
     * @return an iterator to close
     */
    public RocksDbIterator prefixScan(byte[] prefix) {
        return database.iterator(database.defaultColumn(), null, null, prefix, true);
    }

    /** @return RocksDB's estimate of the number of committed keys, never negative */
    public long approximateNumEntries() {
        return Math.max(0, statistics.estimateNumKeys());
    }

    /**
     * Atomically writes the pending writes (transactional mode), the offsets and the position. Durable at the next
     * flush, or before returning with {@value RocksDbEngineConfig#COMMIT_SYNC_CONFIG}.
     *
     * @param offsets  the changelog offsets this store has applied, per changelog partition
     * @param position the store's position components, per input topic partition
     */
    @Override
    public void commit(Map<TopicPartition, Long> offsets, Map<TopicPartition, Long> position) {
        database.commit(offsets, Map.of(), position);
    }
    /**
     * Drops every write since the last commit.
     *
     * @throws IllegalStateException if the store is not transactional
     */
    public void abort() {
        database.abort();
    }

    /**
     * Returns the offset last committed for a changelog partition.
     *
     * @param partition the changelog partition
     * @return the offset, or null if none was committed
     */
    public Long committedOffset(TopicPartition partition) {
        return database.committedOffset(partition);
    }

    /** @return every committed offset */
    public Map<TopicPartition, Long> committedOffsets() {
        return database.committedOffsets();
    }

    @Override
    public Map<TopicPartition, Long> committedPosition() {
        return database.committedPosition();
    }

    /** Makes every committed (transactional) or every (otherwise) write durable; does not commit the overlay. */
    public void flush() {
        database.flush();
    }

    /**
     * Prepares for a restore: disables automatic compactions and the level-0 write stalls, as Kafka's former
     * bulk-load mode did.
     */
    public void beginBulkLoad() {
        database.beginBulkLoad();
    }

    /**
     * Ends a restore: ingests what is buffered and switches automatic compactions back on, which compact the
     * restored files in the background; the level-0 write stalls return once that has caught up.
     */
    public void endBulkLoad() {
        database.endBulkLoad();
    }

    /** @return the store's RocksDB figures */
    public RocksDbStatistics statistics() {
        return statistics;
    }

    /** Closes open iterators, drops uncommitted writes and releases native resources. Idempotent. */
    @Override
    public void close() {
        database.close();
    }

    @Override
    public String toString() {
        return "RocksDbKeyValueEngine(" + database + ")";
    }
}
