package dev.millrace.streams.kstream.internals;

import dev.millrace.streams.kstream.Branched;
import dev.millrace.streams.kstream.KStream;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The engine's read-only view of a {@link Branched}: branch name, chain function and chain consumer, each
 * possibly null. {@link #empty()} stands for a branch added without options.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class BranchedInternal<K, V> extends Branched<K, V> {

    /**
     * Copies the user's options.
     *
     * @param branched the options to copy
     */
    public BranchedInternal(Branched<K, V> branched) {
        super(branched);
    }

    /** Creates a branch without name, function or consumer. */
    public BranchedInternal() {
        super(null, null, null);
    }

    /**
     * Returns a branch without options.
     *
     * @param <K> the key type
     * @param <V> the value type
     * @return a new instance
     */
    public static <K, V> BranchedInternal<K, V> empty() {
        return new BranchedInternal<>();
    }

    /** @return the branch name, or null */
    public String name() {
        return name;
    }

    /** @return the chain function, or null */
    public Function<? super KStream<K, V>, ? extends KStream<K, V>> chainFunction() {
        return chainFunction;
    }

    /** @return the chain consumer, or null */
    public Consumer<? super KStream<K, V>> chainConsumer() {
        return chainConsumer;
    }
}
