package dev.millrace.streams.kstream;

/**
 * Folds a record into an aggregate of any type, used by {@code aggregate}; mirrors Kafka's {@code Aggregator}.
 *
 * <p>Implementations are called on the stream thread that owns the task; they should be stateless or
 * confine their state to that task.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param <VAgg> the aggregate type
 */
@FunctionalInterface
public interface Aggregator<K, V, VAgg> {

    /**
     * Folds a record into the aggregate.
     *
     * @param key the key
     * @param value the value
     * @param aggregate the current aggregate
     * @return the new aggregate
     */
    VAgg apply(K key, V value, VAgg aggregate);
}
