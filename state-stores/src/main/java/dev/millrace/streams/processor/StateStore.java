package dev.millrace.streams.processor;

import dev.millrace.common.TopicPartition;
import dev.millrace.streams.query.Position;
import dev.millrace.streams.query.PositionBound;
import dev.millrace.streams.query.Query;
import dev.millrace.streams.query.QueryConfig;
import dev.millrace.streams.query.QueryResult;

import java.util.Map;

/**
 * A named piece of state that a task reads and writes while it processes records.
 *
 * <p>Lifecycle: the runtime calls {@link #init} once, then reads, writes, {@link #commit} and {@link #flush} from
 * the owning stream thread, then {@link #close}. Stores are not required to be thread-safe beyond what their own
 * documentation promises; interactive queries may read concurrently from other threads.
 *
 * <p>Offsets (KIP-1035): a store that {@link #managesOffsets() manages offsets} records, on {@link #commit}, the
 * changelog offsets it has applied, and answers them through {@link #committedOffset}; other stores leave that
 * to the runtime's checkpoint file.
 */
public interface StateStore {

    /**
     * Returns the store name, unique within a topology.
     *
     * @return the name
     */
    String name();

    /**
     * Initialises the store: opens resources and registers with the context for restore.
     *
     * @param context the context of the owning task
     * @param root the outermost store of the wrapping chain, which is the one to register
     */
    void init(StateStoreContext context, StateStore root);

    /** Makes buffered writes durable; does nothing by default. */
    default void flush() {
    }

    /**
     * Commits the writes made so far together with the changelog offsets they correspond to. By default this
     * flushes and ignores the offsets.
     *
     * @param changelogOffsets the changelog offset applied per changelog partition
     */
    default void commit(Map<TopicPartition, Long> changelogOffsets) {
        flush();
    }

    /**
     * Returns the changelog offset this store has committed for a partition.
     *
     * @param partition a changelog partition
     * @return the committed offset, or null if unknown (always null unless the store manages offsets)
     */
    default Long committedOffset(TopicPartition partition) {
        return null;
    }

    /** Closes the store and releases its resources. */
    void close();

    /**
     * Tells whether the store keeps its content across restarts (on disk).
     *
     * @return true for persistent stores
     */
    boolean persistent();

    /**
     * Tells whether the store records its committed changelog offsets itself.
     *
     * @return false by default
     */
    default boolean managesOffsets() {
        return false;
    }

    /**
     * Tells whether the store is open.
     *
     * @return true between a successful init and close
     */
    boolean isOpen();

    /**
     * Runs an interactive query against the store. By default every query type is unknown.
     *
     * @param query the query
     * @param positionBound how fresh the store must be to answer
     * @param config query options
     * @param <R> the result type
     * @return the result; by default a failure of reason {@code UNKNOWN_QUERY_TYPE}
     */
    default <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return QueryResult.forUnknownQueryType(query, this);
    }

    /**
     * Returns the position of the store content: per input topic partition, the highest offset applied.
     *
     * @return the position
     * @throws UnsupportedOperationException by default, for stores that do not track a position
     */
    default Position getPosition() {
        throw new UnsupportedOperationException("reason=positionNotTracked store=" + getClass().getName());
    }
}
