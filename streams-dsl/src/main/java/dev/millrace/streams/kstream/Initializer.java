package dev.millrace.streams.kstream;

/**
 * Supplies the initial value of an aggregate, used by {@code aggregate} and {@code count}; mirrors Kafka's {@code
 * Initializer}.
 *
 * <p>Implementations are called on the stream thread that owns the task; they should be stateless or
 * confine their state to that task.
 *
 * @param <VAgg> the aggregate type
 */
@FunctionalInterface
public interface Initializer<VAgg> {

    /**
     * Creates an initial aggregate.
     *
     * @return the initial aggregate
     */
    VAgg apply();
}
