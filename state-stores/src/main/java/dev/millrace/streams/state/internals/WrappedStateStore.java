package dev.millrace.streams.state.internals;

import dev.millrace.common.TopicPartition;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.processor.StateStoreContext;
import dev.millrace.streams.query.Position;
import dev.millrace.streams.query.PositionBound;
import dev.millrace.streams.query.Query;
import dev.millrace.streams.query.QueryConfig;
import dev.millrace.streams.query.QueryResult;

import java.util.Map;
import java.util.Objects;

/**
 * A store layer that forwards the lifecycle and query calls to the store it wraps, interactive queries and the
 * position included. Layers (typed serde, caching, changelogging) extend it and add their own behaviour to the
 * data methods.
 *
 * @param <S> the type of the wrapped store
 */
public abstract class WrappedStateStore<S extends StateStore> implements StateStore {

    private final S wrapped;

    /**
     * Wraps a store.
     *
     * @param wrapped the inner store, not null
     */
    protected WrappedStateStore(S wrapped) {
        this.wrapped = Objects.requireNonNull(wrapped, "reason=nullWrappedStore");
    }

    /**
     * Returns the wrapped store.
     *
     * @return the inner store
     */
    public S wrapped() {
        return wrapped;
    }

    @Override
    public String name() {
        return wrapped.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        wrapped.init(context, root);
    }

    @Override
    public void flush() {
        wrapped.flush();
    }

    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        wrapped.commit(changelogOffsets);
    }

    @Override
    public Long committedOffset(TopicPartition partition) {
        return wrapped.committedOffset(partition);
    }

    @Override
    public boolean managesOffsets() {
        return wrapped.managesOffsets();
    }

    @Override
    public void close() {
        wrapped.close();
    }

    @Override
    public boolean persistent() {
        return wrapped.persistent();
    }

    @Override
    public boolean isOpen() {
        return wrapped.isOpen();
    }

    /**
     * Passes the query to the wrapped store, adding this layer's execution detail when requested. Layers that
     * answer queries themselves override it.
     */
    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        long start = config.isCollectExecutionInfo() ? System.nanoTime() : -1L;
        QueryResult<R> result = wrapped.query(query, positionBound, config);
        if (config.isCollectExecutionInfo()) {
            result.addExecutionInfo(StoreQueries.executionInfo(this, start));
        }
        return result;
    }

    @Override
    public Position getPosition() {
        return wrapped.getPosition();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + '{' + wrapped + '}';
    }
}
