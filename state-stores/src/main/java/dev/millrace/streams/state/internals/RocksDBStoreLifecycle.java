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
import java.util.Map;
import java.util.function.Supplier;

/**
 * The part every RocksDB-backed store shares: opening its engine, the open/closed state, bulk-load
 * mode during restores (entered by the first restored batch, left by the first normal write or at
 * close), store-managed offsets, statistics and position tracking. Confined like the store that owns
 * it: every method is called under that store's monitor.
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
        open = true;
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
        engine().commit(changelogOffsets);
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
