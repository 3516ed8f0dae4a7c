package dev.millrace.streams.query;

/** A query that failed, with its reason and details. */
final class FailedQueryResult<R> extends AbstractQueryResult<R> {

    private final FailureReason reason;
    private final String message;

    FailedQueryResult(FailureReason reason, String message) {
        this.reason = reason;
        this.message = message;
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
        return reason;
    }

    @Override
    public String getFailureMessage() {
        return message;
    }

    @Override
    public R getResult() {
        throw new IllegalArgumentException("reason=queryFailed failure=" + reason + " message=" + message);
    }

    @Override
    public String toString() {
        return "FailedQueryResult{reason=" + reason + ", message=" + message + '}';
    }
}
