package dev.millrace.streams.query;

/**
 * Marker of an interactive query whose result is of type {@code R}. Stores recognise the query types they can
 * run and answer the others with {@link FailureReason#UNKNOWN_QUERY_TYPE}.
 *
 * @param <R> the result type
 */
public interface Query<R> {
}
