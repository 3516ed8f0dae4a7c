/**
 * The RocksDB engine under the persistent state stores, at the level of bytes.
 *
 * <p>Keys and values are {@code byte[]}; keys are ordered by unsigned lexicographic comparison, as Kafka
 * Streams orders its {@code Bytes} keys. The typed stores of {@code dev.millrace.streams.state} sit on top
 * of these engines through thin adapters.
 *
 * <ul>
 *   <li>{@link dev.millrace.streams.state.internals.rocksdb.RocksDbMemoryBudget}: one shared block cache and
 *       write-buffer manager per process, so that memory does not grow with the number of stores.</li>
 *   <li>{@link dev.millrace.streams.state.internals.rocksdb.RocksDbKeyValueEngine}: a key-value engine with
 *       changelog offsets stored in the same atomic write batch as the data, and a transactional mode whose
 *       uncommitted writes stay in an indexed write batch until commit.</li>
 *   <li>{@link dev.millrace.streams.state.internals.rocksdb.SegmentedRocksDbEngine}: time-segmented storage for
 *       window and session stores, one column family per segment, with the same commit semantics.</li>
 * </ul>
 */
package dev.millrace.streams.state.internals.rocksdb;
