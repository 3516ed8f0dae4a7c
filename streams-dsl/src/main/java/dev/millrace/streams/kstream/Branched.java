package dev.millrace.streams.kstream;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One branch of {@code KStream#split()}: its name (suffix of the branch key in the result map) and either a
 * function that transforms the branch stream or a consumer that terminates it; mirrors Kafka's {@code Branched}.
 *
 * <p>Immutable: {@link #withName(String)} returns a new instance. At most one of the function and the consumer is
 * set. Factories and {@code withName} reject null arguments with Kafka's messages.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class Branched<K, V> implements NamedOperation<Branched<K, V>> {

    /** The branch name, or null to use the branch index. */
    protected final String name;
    /** The transformation applied to the branch, or null. */
    protected final Function<? super KStream<K, V>, ? extends KStream<K, V>> chainFunction;
    /** The terminal consumer of the branch, or null. */
    protected final Consumer<? super KStream<K, V>> chainConsumer;

    /**
     * Creates a branch description; for internal subclasses.
     *
     * @param name the branch name, or null
     * @param chainFunction the transformation, or null
     * @param chainConsumer the consumer, or null
     */
    protected Branched(String name, Function<? super KStream<K, V>, ? extends KStream<K, V>> chainFunction,
                       Consumer<? super KStream<K, V>> chainConsumer) {
        this.name = name;
        this.chainFunction = chainFunction;
        this.chainConsumer = chainConsumer;
    }

    /**
     * Copies another instance; for internal subclasses.
     *
     * @param branched the instance to copy
     */
    protected Branched(Branched<K, V> branched) {
        this(branched.name, branched.chainFunction, branched.chainConsumer);
    }

    /**
     * Creates a named branch that is kept as is.
     *
     * @param name the branch name, not null
     * @param <K> the key type
     * @param <V> the value type
     * @return the new instance
     * @throws NullPointerException if the name is null
     */
    public static <K, V> Branched<K, V> as(String name) {
        Objects.requireNonNull(name, "name cannot be null");
        return new Branched<>(name, null, null);
    }

    /**
     * Creates a branch transformed by a function; the function's result goes into the result map.
     *
     * @param chain the function, not null
     * @param <K> the key type
     * @param <V> the value type
     * @return the new instance
     * @throws NullPointerException if the function is null
     */
    public static <K, V> Branched<K, V> withFunction(
            Function<? super KStream<K, V>, ? extends KStream<K, V>> chain) {
        Objects.requireNonNull(chain, "chain function cannot be null");
        return new Branched<>(null, chain, null);
    }

    /**
     * Creates a branch consumed by a consumer; the branch is not put into the result map.
     *
     * @param chain the consumer, not null
     * @param <K> the key type
     * @param <V> the value type
     * @return the new instance
     * @throws NullPointerException if the consumer is null
     */
    public static <K, V> Branched<K, V> withConsumer(Consumer<KStream<K, V>> chain) {
        Objects.requireNonNull(chain, "chain consumer cannot be null");
        return new Branched<>(null, null, chain);
    }

    /**
     * Creates a named branch transformed by a function.
     *
     * @param chain the function, not null
     * @param name the branch name, or null
     * @param <K> the key type
     * @param <V> the value type
     * @return the new instance
     * @throws NullPointerException if the function is null
     */
    public static <K, V> Branched<K, V> withFunction(
            Function<? super KStream<K, V>, ? extends KStream<K, V>> chain, String name) {
        Objects.requireNonNull(chain, "chain function cannot be null");
        return new Branched<>(name, chain, null);
    }

    /**
     * Creates a named branch consumed by a consumer.
     *
     * @param chain the consumer, not null
     * @param name the branch name, or null
     * @param <K> the key type
     * @param <V> the value type
     * @return the new instance
     * @throws NullPointerException if the consumer is null
     */
    public static <K, V> Branched<K, V> withConsumer(Consumer<? super KStream<K, V>> chain, String name) {
        Objects.requireNonNull(chain, "chain consumer cannot be null");
        return new Branched<>(name, null, chain);
    }

    @Override
    public Branched<K, V> withName(String name) {
        Objects.requireNonNull(name, "name cannot be null");
        return new Branched<>(name, chainFunction, chainConsumer);
    }
}
