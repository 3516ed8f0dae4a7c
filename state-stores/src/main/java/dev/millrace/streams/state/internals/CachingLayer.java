package dev.millrace.streams.state.internals;

import dev.millrace.common.TopicPartition;
import dev.millrace.streams.errors.InvalidStateStoreException;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.StateStoreContext;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the caching stores share: their namespace in the stream thread's {@link ThreadCache}, the
 * flush listener the DSL sets, flushing the namespace before the store below flushes or commits
 * (so the changelog and the store see every cached write before the offsets move), and closing.
 * The subclasses say how a dirty entry is written to the store below and forwarded.
 *
 * <p>Threading: like the stores, methods run under the store's monitor; the owning stream thread
 * writes, interactive queries may read.
 *
 * @param <S> the type of the store below
 */
abstract class CachingLayer<S extends StateStore> extends WrappedStateStore<S>
        implements CachedStateStore<byte[], byte[]> {
    /** Set by the DSL; null when nobody listens (entries are then only written down). */
    CacheFlushListener<byte[], byte[]> flushListener;
    /** Whether forwarded records carry the old value. */
    boolean sendOldValues;
    /** This store's namespace in the thread cache. */
    String cacheName;
    /** The stream thread's cache. */
    ThreadCache cache;
    /** The context, for swapping record contexts while entries are flushed. */
    InternalStoreContext internalContext;

    CachingLayer(S inner) {
        super(inner);
    }

    /**
     * Joins the thread cache: called by the subclass's {@code init} before the store below is
     * initialised.
     *
     * @param forEachDirtyEntry writes one evicted or flushed entry down (and forwards it)
     * @throws IllegalStateException if the context has no thread cache
     */
    final void joinCache(StateStoreContext context, Consumer<ThreadCache.DirtyEntry> forEachDirtyEntry) {
        internalContext = InternalStoreContext.of(context, name(), "caching");
        cache = internalContext.cache();
        if (cache == null) {
            throw new IllegalStateException("reason=contextHasNoThreadCache store=" + name() + " layer=caching");
        }
        cacheName = ThreadCache.nameSpaceFromTaskIdAndStore(context.taskId().toString(), name());
        cache.addDirtyEntryFlushListener(cacheName, (List<ThreadCache.DirtyEntry> entries) -> {
            for (ThreadCache.DirtyEntry entry : entries) {
                forEachDirtyEntry.accept(entry);
            }
        });
    }

    /** Runs {@code write} with the record context the entry was cached under, then restores the current one. */
    final void inEntryContext(ThreadCache.DirtyEntry entry, Runnable write) {
        ProcessorRecordContext current = internalContext.recordContext();
        try {
            internalContext.setRecordContext(entry.entry().context());
            write.run();
        } finally {
            internalContext.setRecordContext(current);
        }
    }

    @Override
    public synchronized boolean setFlushListener(CacheFlushListener<byte[], byte[]> listener, boolean sendOld) {
        this.flushListener = listener;
        this.sendOldValues = sendOld;
        return true;
    }

    /** Throws if the store below is closed. */
    final void validateStoreOpen() {
        if (!wrapped().isOpen()) {
            throw new InvalidStateStoreException("reason=storeClosed store=" + name());
        }
    }

    @Override
    public synchronized void flush() {
        validateStoreOpen();
        cache.flush(cacheName);
        wrapped().flush();
    }

    @Override
    public synchronized void commit(Map<TopicPartition, Long> changelogOffsets) {
        validateStoreOpen();
        cache.flush(cacheName);
        wrapped().commit(changelogOffsets);
    }

    @Override
    public synchronized void flushCache() {
        validateStoreOpen();
        cache.flush(cacheName);
    }

    @Override
    public synchronized void clearCache() {
        cache.clear(cacheName);
    }

    /** Flushes the cache, drops the namespace and closes the store below, even when the flush fails. */
    @Override
    public synchronized void close() {
        if (cache == null) {
            wrapped().close();
            return;
        }
        try {
            cache.flush(cacheName);
        } finally {
            try {
                cache.close(cacheName);
            } finally {
                wrapped().close();
            }
        }
    }
}
