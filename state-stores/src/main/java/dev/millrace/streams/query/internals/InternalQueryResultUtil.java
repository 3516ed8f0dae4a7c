package dev.millrace.streams.query.internals;

import dev.millrace.streams.query.QueryResult;

/**
 * What the store layers need to turn an answer over bytes into a typed answer: a copy with another result and the
 * same execution details and position. Stateless.
 */
public final class InternalQueryResultUtil {

    private InternalQueryResultUtil() {
    }

    /**
     * Returns a succeeded result holding {@code deserializedResult} with the execution details and position of
     * {@code rawResult}.
     *
     * @param rawResult a succeeded result
     * @param deserializedResult the result to carry instead
     * @param <R> the new result type
     * @return the new result
     * @throws IllegalArgumentException if {@code rawResult} is a failure
     */
    public static <R> QueryResult<R> copyAndSubstituteDeserializedResult(QueryResult<?> rawResult,
                                                                         R deserializedResult) {
        if (rawResult.isFailure()) {
            throw new IllegalArgumentException("reason=cannotSubstituteResultOfFailure failureReason="
                    + rawResult.getFailureReason());
        }
        return new SucceededQueryResult<>(deserializedResult, rawResult.getExecutionInfo(),
                rawResult.getPosition());
    }
}
