package dev.millrace.streams.kstream;

/**
 * Combines two values of the same type into one, used by {@code reduce}; mirrors Kafka's {@code Reducer}. The first
 * argument is the current aggregate, the second the new value.
 *
 * <p>Implementations are called on the stream thread that owns the task; they should be stateless or
 * confine their state to that task.
 *
 * @param <V> the value type
 */
@FunctionalInterface
public interface Reducer<V> {

    /**
     * Combines the aggregate with a new value.
     *
     * @param value1 the current aggregate
     * @param value2 the new value
     * @return the new aggregate
     */
    V apply(V value1, V value2);
}
