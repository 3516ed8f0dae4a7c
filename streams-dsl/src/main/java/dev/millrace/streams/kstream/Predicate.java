package dev.millrace.streams.kstream;

/**
 * A yes/no test on a record, used by {@code filter}, {@code filterNot} and {@code split}; mirrors Kafka's {@code
 * Predicate}.
 *
 * <p>Implementations are called on the stream thread that owns the task; they should be stateless or
 * confine their state to that task.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@FunctionalInterface
public interface Predicate<K, V> {

    /**
     * Tests a record.
     *
     * @param key the key
     * @param value the value
     * @return whether the record satisfies the predicate
     */
    boolean test(K key, V value);
}
