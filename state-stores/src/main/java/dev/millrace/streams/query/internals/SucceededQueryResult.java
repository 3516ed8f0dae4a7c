package dev.millrace.streams.query.internals;

import dev.millrace.streams.query.FailureReason;
import dev.millrace.streams.query.Position;

import java.util.List;

/**
 * The answer of a store partition that ran the query. The result may be null (for instance a key that is absent);
 * asking a succeeded result for its failure throws {@link IllegalArgumentException}.
 *
 * @param <R> the result type of the query
 */
public final class SucceededQueryResult<R> extends AbstractQueryResult<R> {

    private final R result;

    /**
     * Creates a result without execution details and without position.
     *
     * @param result the result, possibly null
     */
    public SucceededQueryResult(R result) {
        this.result = result;
    }

    /**
     * Creates a result carrying over the details and position of another answer.
     *
     * @param result the result, possibly null
     * @param executionInfo the details collected so far; copied
     * @param position the store position, or null
     */
    SucceededQueryResult(R result, List<String> executionInfo, Position position) {
        super(executionInfo, position);
        this.result = result;
    }

    @Override
    public boolean isSuccess() {
        return true;
    }

    @Override
    public boolean isFailure() {
        return false;
    }

    /**
     * Refuses: the query did not fail.
     *
     * @return never
     * @throws IllegalArgumentException always
     */
    @Override
    public FailureReason getFailureReason() {
        throw new IllegalArgumentException("reason=queryDidNotFail");
    }

    /**
     * Refuses: the query did not fail.
     *
     * @return never
     * @throws IllegalArgumentException always
     */
    @Override
    public String getFailureMessage() {
        throw new IllegalArgumentException("reason=queryDidNotFail");
    }

    @Override
    public R getResult() {
        return result;
    }

    @Override
    public String toString() {
        return "SucceededQueryResult{result=" + result + ", executionInfo=" + getExecutionInfo() + ", position="
                + getPosition() + '}';
    }
}
