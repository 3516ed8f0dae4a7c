package dev.millrace.streams.kstream;

/**
 * Maps a record (key and value) to a result of any type: a new key, a new {@code KeyValue}, or a collection of
 * them, depending on the operator; mirrors Kafka's {@code KeyValueMapper}.
 *
 * <p>Implementations are called on the stream thread that owns the task; they should be stateless or
 * confine their state to that task.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param <VR> the result type
 */
@FunctionalInterface
public interface KeyValueMapper<K, V, VR> {

    /**
     * Maps a record.
     *
     * @param key the key
     * @param value the value
     * @return the result
     */
    VR apply(K key, V value);
}
