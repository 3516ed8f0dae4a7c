package dev.millrace.streams.query;

/** Why a query against one store partition failed. */
public enum FailureReason {
    /** The store does not know how to run this query type. */
    UNKNOWN_QUERY_TYPE,
    /** The store is not the active copy although an active copy was required. */
    NOT_ACTIVE,
    /** The store has not yet reached the requested position bound. */
    NOT_UP_TO_BOUND,
    /** The requested partition is not present on this instance. */
    NOT_PRESENT,
    /** The requested store or partition does not exist. */
    DOES_NOT_EXIST,
    /** The store raised an exception while running the query. */
    STORE_EXCEPTION
}
