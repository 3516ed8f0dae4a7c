package dev.millrace.streams.kstream;

/**
 * Maps a value to a new value of any type, also seeing the record's key (which must not be changed); mirrors
 * Kafka's {@code ValueMapperWithKey}.
 *
 * <p>Implementations are called on the stream thread that owns the task; they should be stateless or confine their
 * state to that task.
 *
 * @param <K> the key type
 * @param <V> the input value type
 * @param <VR> the result value type
 */
@FunctionalInterface
public interface ValueMapperWithKey<K, V, VR> {

    /**
     * Maps a value.
     *
     * @param readOnlyKey the key, not to be modified
     * @param value the value
     * @return the new value
     */
    VR apply(K readOnlyKey, V value);
}
