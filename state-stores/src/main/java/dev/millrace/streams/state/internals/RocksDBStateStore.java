package dev.millrace.streams.state.internals;

import dev.millrace.common.TopicPartition;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.query.Position;
import dev.millrace.streams.state.internals.rocksdb.RocksDbEngine;
import java.util.Map;

/**
 * Base of the RocksDB-backed stores: persistent, store-managed offsets (KIP-1035) committed with the
 * data, position tracking and the open state, all through a {@link RocksDBStoreLifecycle}. Methods are
 * synchronized on the store, like the subclasses' data methods.
 *
 * @param <E> the engine type
 */
abstract class RocksDBStateStore<E extends RocksDbEngine> implements StateStore {
    /** Open state, bulk loading, offsets and position of this store. */
    final RocksDBStoreLifecycle<E> lifecycle;

    RocksDBStateStore(String name) {
        this.lifecycle = new RocksDBStoreLifecycle<>(name);
    }

    @Override
    public boolean persistent() {
        return true;
    }

    @Override
    public boolean managesOffsets() {
        return true;
    }

    @Override
    public boolean isOpen() {
        return lifecycle.isOpen();
    }

    @Override
    public Position getPosition() {
        return lifecycle.position();
    }

    @Override
    public synchronized void flush() {
        lifecycle.flush();
    }

    @Override
    public synchronized void commit(Map<TopicPartition, Long> changelogOffsets) {
        lifecycle.commit(changelogOffsets);
    }

    @Override
    public synchronized Long committedOffset(TopicPartition partition) {
        return lifecycle.committedOffset(partition);
    }
}
