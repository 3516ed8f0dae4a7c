package dev.millrace.streams.query.internals;

import dev.millrace.streams.query.FailureReason;

/**
 * The answer of a store partition that could not run the query: a {@link FailureReason} and a message with the
 * details. Asking a failed result for its result throws {@link IllegalArgumentException}.
 *
 * @param <R> the result type of the query
 */
public final class FailedQueryResult<R> extends AbstractQueryResult<R> {

    private final FailureReason failureReason;
    private final String failure;

    /**
     * Creates a failure.
     *
     * @param failureReason why the query failed
     * @param failure the details
     */
    public FailedQueryResult(FailureReason failureReason, String failure) {
        this.failureReason = failureReason;
        this.failure = failure;
    }

    @Override
    public boolean isSuccess() {
        return false;
    }

    @Override
    public boolean isFailure() {
        return true;
    }

    @Override
    public FailureReason getFailureReason() {
        return failureReason;
    }

    @Override
    public String getFailureMessage() {
        return failure;
    }

    /**
     * Refuses: the query failed.
     *
     * @return never
     * @throws IllegalArgumentException always, with the reason and message of the failure
     */
    @Override
    public R getResult() {
        throw new IllegalArgumentException("reason=queryFailed failureReason=" + failureReason.name()
                + " failure=" + failure);
    }

    @Override
    public String toString() {
        return "FailedQueryResult{failureReason=" + failureReason + ", failure='" + failure + "', executionInfo="
                + getExecutionInfo() + ", position=" + getPosition() + '}';
    }
}
