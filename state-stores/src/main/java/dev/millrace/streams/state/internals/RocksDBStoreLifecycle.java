package dev.millrace.streams.state.internals;

import dev.millrace.common.TopicPartition;
import dev.millrace.streams.errors.InvalidStateStoreException;
import dev.millrace.streams.errors.ProcessorStateException;
import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.query.Position;
import dev.millrace.streams.state.internals.rocksdb.RocksDbEngine;
import dev.millrace.streams.state.internals.rocksdb.RocksDbStatistics;
import dev.millrace.streams.state.internals.rocksdb.RocksDbStoreException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The part every RocksDB-backed store shares: opening its engine, the open/closed state, bulk-load
 * mode during restores (entered by the first restored batch, left by the first normal write or at
 * close), store-managed offsets, statistics and position tracking. Confined like the store that owns
 * it: every method is called under that store's monitor.
 *
 * <p>The position is committed with the offsets, in the same atomic write batch as the data (beyond Kafka, which
 * writes a separate {@code .position} file after the commit): after a crash or a restart the store resumes with
 * the position of the commit its content belongs to. Writes after that commit which survived a crash (possible
 * outside exactly-once mode) are not counted in the position until the records that made them are processed
 * again, so a recovered position may lag the content but never leads it, which is the safe side for
 * bounded-staleness queries.
 *
 * @param <E> the engine type
 */
final class RocksDBStoreLifecycle<E extends RocksDbEngine> {
    private final String name;
    private final Position position = Position.emptyPosition();
    private StateStoreContext context;
    private E engine;
    private boolean bulkLoading;
    private volatile boolean open;

    RocksDBStoreLifecycle(String name) {
        this.name = name;
    }

    /**
     * Opens the engine for {@code context}.
     *
     * @throws ProcessorStateException if the store is already open or the engine cannot open
     */
    void open(StateStoreContext context, Path dir, Supplier<E> opener) {
        if (open) {
            throw new ProcessorStateException("reason=alreadyOpen store=" + name);
        }
        try {
            engine = opener.get();
        } catch (RocksDbStoreException e) {
            throw new ProcessorStateException("reason=openFailed store=" + name + " dir=" + dir, e);
        }
        this.context = context;
        for (Map.Entry<TopicPartition, Long> component : engine.committedPosition().entrySet()) {
            position.withComponent(component.getKey().topic(), component.getKey().partition(),
                    component.getValue());
        }
        open = true;
    }

    /** @return the context the store was opened with, null before the first open (read by queries) */
    StateStoreContext context() {
        return context;
    }

    /** The engine of an open store. */
    E engine() {
        validateOpen();
        return engine;
    }

    /** Throws if the store is not open. */
    void validateOpen() {
        if (!open) {
            throw new InvalidStateStoreException("reason=storeClosed store=" + name);
        }
    }

    boolean isOpen() {
        return open;
    }

    /** The engine, in bulk-load mode, for a restored batch. */
    E forRestore() {
        validateOpen();
        if (!bulkLoading) {
            engine.beginBulkLoad();
            bulkLoading = true;
        }
        return engine;
    }

    /** The engine for a normal write (ends bulk-load mode). */
    E forWrite() {
        validateOpen();
        if (bulkLoading) {
            bulkLoading = false;
            engine.endBulkLoad();
        }
        return engine;
    }

    /** Records the current record's topic-partition-offset in the store's position. */
    void updatePosition() {
        StorePositions.update(position, context);
    }

    Position position() {
        return position;
    }

    void flush() {
        engine().flush();
    }

    void commit(Map<TopicPartition, Long> changelogOffsets) {
        engine().commit(changelogOffsets, positionComponents());
    }

    private Map<TopicPartition, Long> positionComponents() {
        Map<TopicPartition, Long> components = new HashMap<>();
        for (String topic : position.getTopics()) {
            for (Map.Entry<Integer, Long> partition : position.getPartitionPositions(topic).entrySet()) {
                components.put(new TopicPartition(topic, partition.getKey()), partition.getValue());
            }
        }
        return components;
    }

    Long committedOffset(TopicPartition partition) {
        return engine().committedOffset(partition);
    }

    RocksDbStatistics statistics() {
        return engine().statistics();
    }

    /** Closes the engine (dropping uncommitted writes in exactly-once mode); idempotent. */
    void close() {
        if (!open) {
            return;
        }
        open = false;
        bulkLoading = false;
        engine.close();
    }
}
