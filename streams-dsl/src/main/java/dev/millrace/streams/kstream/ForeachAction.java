package dev.millrace.streams.kstream;

/**
 * A side effect performed for each record, used by {@code foreach} and {@code peek}; mirrors Kafka's {@code
 * ForeachAction}.
 *
 * <p>Implementations are called on the stream thread that owns the task; they should be stateless or
 * confine their state to that task.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@FunctionalInterface
public interface ForeachAction<K, V> {

    /**
     * Acts on a record.
     *
     * @param key the key
     * @param value the value
     */
    void apply(K key, V value);
}
