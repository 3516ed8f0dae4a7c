package dev.millrace.streams.kstream;

/**
 * Combines the values of two joined records into the join result; mirrors Kafka's {@code ValueJoiner}. In outer
 * joins one side may be null.
 *
 * <p>Implementations are called on the stream thread that owns the task; they should be stateless or
 * confine their state to that task.
 *
 * @param <V1> the first value type
 * @param <V2> the second value type
 * @param <VR> the result type
 */
@FunctionalInterface
public interface ValueJoiner<V1, V2, VR> {

    /**
     * Joins two values.
     *
     * @param value1 the first value
     * @param value2 the second value
     * @return the join result
     */
    VR apply(V1 value1, V2 value2);
}
