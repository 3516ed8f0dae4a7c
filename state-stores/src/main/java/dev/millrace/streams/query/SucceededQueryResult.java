package dev.millrace.streams.query;

/** A query answered with a result. */
final class SucceededQueryResult<R> extends AbstractQueryResult<R> {

    private final R result;

    SucceededQueryResult(R result) {
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

    @Override
    public FailureReason getFailureReason() {
        throw new IllegalArgumentException("reason=querySucceeded");
    }

    @Override
    public String getFailureMessage() {
        throw new IllegalArgumentException("reason=querySucceeded");
    }

    @Override
    public R getResult() {
        return result;
    }

    @Override
    public String toString() {
        return "SucceededQueryResult{result=" + result + ", position=" + getPosition() + '}';
    }
}
