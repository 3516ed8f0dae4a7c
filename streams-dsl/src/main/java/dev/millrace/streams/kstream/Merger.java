package dev.millrace.streams.kstream;

/**
 * Merges the aggregates of two session windows that a new record joins into one session; mirrors Kafka's {@code
 * Merger}.
 *
 * <p>Implementations are called on the stream thread that owns the task; they should be stateless or
 * confine their state to that task.
 *
 * @param <K> the key type
 * @param <V> the aggregate type
 */
@FunctionalInterface
public interface Merger<K, V> {

    /**
     * Merges two aggregates.
     *
     * @param aggKey the key
     * @param aggOne the first aggregate
     * @param aggTwo the second aggregate
     * @return the merged aggregate
     */
    V apply(K aggKey, V aggOne, V aggTwo);
}
