package dev.millrace.streams.kstream;

import java.util.Map;

/**
 * Splits a stream into branches, as Kafka Streams' {@code BranchedKStream}: each record goes to the first branch
 * whose predicate matches, or to the default branch, or is dropped. Branch names are the splitter's name plus the
 * branch's name (or its 1-based position; {@code 0} for the default branch).
 *
 * <p>Example: {@code Map<String, KStream<K, V>> branches = stream.split(Named.as("s-"))
 * .branch((k, v) -> v > 0, Branched.as("pos")).defaultBranch(Branched.as("other"));} yields keys
 * {@code "s-pos"} and {@code "s-other"}.
 *
 * <p>Not thread-safe: used while building a topology.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface BranchedKStream<K, V> {

    /**
     * Adds a branch; e.g. {@code stream.split().branch((k, v) -> v > 0).defaultBranch()}.
     *
     * @param predicate selects the branch's records
     * @return this
     */
    BranchedKStream<K, V> branch(Predicate<? super K, ? super V> predicate);

    /**
     * Adds a named (and possibly chained) branch.
     *
     * @param predicate selects the branch's records
     * @param branched the branch's name and chain function or consumer
     * @return this
     */
    BranchedKStream<K, V> branch(Predicate<? super K, ? super V> predicate, Branched<K, V> branched);

    /**
     * Adds the default branch for unmatched records and finishes; e.g. {@code split(Named.as("s-"))
     * .branch(p, Branched.as("pos")).defaultBranch()} returns branches "s-pos" and "s-0".
     *
     * @return the branches by name
     */
    Map<String, KStream<K, V>> defaultBranch();

    /**
     * Adds a named default branch and finishes.
     *
     * @param branched the branch's name and chain function or consumer
     * @return the branches by name
     */
    Map<String, KStream<K, V>> defaultBranch(Branched<K, V> branched);

    /**
     * Finishes without a default branch (unmatched records are dropped); e.g.
     * {@code split().branch(p, Branched.withConsumer(s -> s.to("positive"))).noDefaultBranch()}.
     *
     * @return the branches by name
     */
    Map<String, KStream<K, V>> noDefaultBranch();
}
