package dev.millrace.benchmarks;

import java.nio.file.Path;

/**
 * One side of {@link RestoreBenchmark}: an open, initially empty RocksDB key-value store in its own state
 * directory, together with the restore callback it registered. Confined to the benchmark thread.
 *
 * @param <B> the batch type the side's restore callback takes
 */
interface StoreRestoreSide<B> {

    /** @return {@code millrace} or {@code kafka} */
    String name();

    /** @return the state directory, deleted by the harness after {@link #close()} */
    Path dir();

    /**
     * Converts changelog records to the side's batch type (outside the clock).
     *
     * @param firstOffset the changelog offset of the first record
     * @param keys the record keys
     * @param values the record values, one per key
     * @return the batch
     */
    B batch(long firstOffset, byte[][] keys, byte[][] values);

    /**
     * Hands one batch to the store's registered restore callback.
     *
     * @param batch the batch
     */
    void apply(B batch);

    /**
     * Commits the store with the offset of the last restored record, as the runtime does when a restore ends.
     *
     * @param lastOffset the changelog offset of the last restored record
     */
    void commit(long lastOffset);

    /**
     * Reads a key through the store's regular API.
     *
     * @param key the key
     * @return the value, or null
     */
    byte[] get(byte[] key);

    /**
     * Writes a key through the store's regular API.
     *
     * @param key the key
     * @param value the value
     */
    void put(byte[] key, byte[] value);

    /** Closes the store; idempotent. */
    void close();
}
