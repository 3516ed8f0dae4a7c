package dev.millrace.streams.kstream;

/**
 * Maps a value to a new value of any type, record by record, without seeing the key; mirrors Kafka's {@code
 * ValueMapper}.
 *
 * <p>Implementations are called on the stream thread that owns the task; they should be stateless or
 * confine their state to that task.
 *
 * @param <V> the input value type
 * @param <VR> the result value type
 */
@FunctionalInterface
public interface ValueMapper<V, VR> {

    /**
     * Maps a value.
     *
     * @param value the value
     * @return the new value
     */
    VR apply(V value);
}
