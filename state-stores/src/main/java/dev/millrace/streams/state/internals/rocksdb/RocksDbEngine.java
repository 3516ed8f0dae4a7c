package dev.millrace.streams.state.internals.rocksdb;

import dev.millrace.common.TopicPartition;
import java.util.Map;

/**
 * What every RocksDB engine offers besides its data operations: store-managed changelog offsets
 * committed atomically with the data, the exactly-once overlay, bulk loading for restores,
 * statistics and closing. Implemented by {@link RocksDbKeyValueEngine} and
 * {@link SegmentedRocksDbEngine}; the store adapters manage any engine through it.
 */
public interface RocksDbEngine extends AutoCloseable {
    /** Whether uncommitted writes stay in an overlay until {@link #commit(Map)} (exactly-once mode). */
    boolean transactional();

    /** Writes pending data (in transactional mode) and {@code offsets} in one atomic batch. */
    default void commit(Map<TopicPartition, Long> offsets) {
        commit(offsets, Map.of());
    }

    /**
     * Writes pending data (in transactional mode), {@code offsets} and the store's {@code position} in one atomic
     * batch, so that after a crash the recorded position describes exactly the committed content.
     *
     * @param offsets  changelog offsets
     * @param position position components: input topic partition to the highest offset applied to the store
     */
    void commit(Map<TopicPartition, Long> offsets, Map<TopicPartition, Long> position);

    /** The position components recorded by the last commit that survived, empty if none. */
    Map<TopicPartition, Long> committedPosition();

    /** Drops uncommitted writes (transactional mode). */
    void abort();

    /** The committed changelog offset of {@code partition}, or null if none was committed. */
    Long committedOffset(TopicPartition partition);

    /** Every committed changelog offset. */
    Map<TopicPartition, Long> committedOffsets();

    /** Makes committed state durable: flushes memtables to disk, atomically across column families. */
    void flush();

    /** Switches to bulk-load options for a restore. */
    void beginBulkLoad();

    /** Leaves bulk-load mode; what was loaded is compacted in the background. */
    void endBulkLoad();

    /** RocksDB figures for metrics. */
    RocksDbStatistics statistics();

    @Override
    void close();
}
