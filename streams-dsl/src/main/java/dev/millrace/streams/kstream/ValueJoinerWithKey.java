package dev.millrace.streams.kstream;

/**
 * Combines the values of two joined records into the join result, also seeing the key (which must not be changed);
 * mirrors Kafka's {@code ValueJoinerWithKey}. In outer joins one value may be null.
 *
 * <p>Implementations are called on the stream thread that owns the task; they should be stateless or
 * confine their state to that task.
 *
 * @param <K1> the key type
 * @param <V1> the first value type
 * @param <V2> the second value type
 * @param <VR> the result type
 */
@FunctionalInterface
public interface ValueJoinerWithKey<K1, V1, V2, VR> {

    /**
     * Joins two values.
     *
     * @param readOnlyKey the key, not to be modified
     * @param value1 the first value
     * @param value2 the second value
     * @return the join result
     */
    VR apply(K1 readOnlyKey, V1 value1, V2 value2);
}
