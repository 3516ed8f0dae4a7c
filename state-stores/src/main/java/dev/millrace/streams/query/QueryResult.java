package dev.millrace.streams.query;

import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.query.internals.FailedQueryResult;
import dev.millrace.streams.query.internals.SucceededQueryResult;

import java.util.List;

/**
 * The answer of one store partition to a query: either a result or a failure with its reason, plus the store
 * position at the time of the answer and, on request, execution details. Mutable while the store builds it;
 * not thread-safe.
 *
 * @param <R> the result type
 */
public interface QueryResult<R> {

    /**
     * Creates a successful result.
     *
     * @param result the result
     * @param <R> the result type
     * @return the query result
     */
    static <R> QueryResult<R> forResult(R result) {
        return new SucceededQueryResult<>(result);
    }

    /**
     * Creates a failed result.
     *
     * @param reason why it failed
     * @param message details
     * @param <R> the result type
     * @return the query result
     */
    static <R> QueryResult<R> forFailure(FailureReason reason, String message) {
        return new FailedQueryResult<>(reason, message);
    }

    /**
     * Creates the failure of a store that cannot run the given query type.
     *
     * @param query the query
     * @param store the store
     * @param <R> the result type
     * @return a failure of reason {@link FailureReason#UNKNOWN_QUERY_TYPE}
     */
    static <R> QueryResult<R> forUnknownQueryType(Query<R> query, StateStore store) {
        return forFailure(FailureReason.UNKNOWN_QUERY_TYPE,
                "reason=unknownQueryType store=" + store.getClass().getName() + " query=" + query);
    }

    /**
     * Creates the failure of a store that has not reached the requested bound, or that is not initialised yet
     * (then {@code partition} is null: such a store is never up to any bound).
     *
     * @param currentPosition where the store is
     * @param positionBound what was required
     * @param partition the store partition, or null if the store is not initialised
     * @param <R> the result type
     * @return a failure of reason {@link FailureReason#NOT_UP_TO_BOUND}
     */
    static <R> QueryResult<R> notUpToBound(Position currentPosition, PositionBound positionBound, Integer partition) {
        if (partition == null) {
            return forFailure(FailureReason.NOT_UP_TO_BOUND,
                    "reason=storeNotInitialised bound=" + positionBound);
        }
        return forFailure(FailureReason.NOT_UP_TO_BOUND, "reason=notUpToBound partition=" + partition
                + " position=" + currentPosition + " bound=" + positionBound);
    }

    /**
     * Appends an execution detail.
     *
     * @param message the detail
     */
    void addExecutionInfo(String message);

    /**
     * Sets the store position the answer corresponds to.
     *
     * @param position the position
     */
    void setPosition(Position position);

    /**
     * Tells whether the query succeeded.
     *
     * @return true on success
     */
    boolean isSuccess();

    /**
     * Tells whether the query failed.
     *
     * @return true on failure
     */
    boolean isFailure();

    /**
     * Returns the execution details collected so far.
     *
     * @return the details, in order
     */
    List<String> getExecutionInfo();

    /**
     * Returns the store position the answer corresponds to.
     *
     * @return the position, or null if not set
     */
    Position getPosition();

    /**
     * Returns why the query failed.
     *
     * @return the reason
     * @throws IllegalArgumentException if the query succeeded
     */
    FailureReason getFailureReason();

    /**
     * Returns the failure details.
     *
     * @return the message
     * @throws IllegalArgumentException if the query succeeded
     */
    String getFailureMessage();

    /**
     * Returns the result.
     *
     * @return the result
     * @throws IllegalArgumentException if the query failed
     */
    R getResult();
}
