package dev.millrace.streams.kstream.internals;

import dev.millrace.common.serialization.Serde;
import dev.millrace.streams.kstream.internals.graph.GraphNode;

import java.util.HashSet;
import java.util.Set;

/**
 * What every DSL stream, table and grouped stream carries: its node name, the serdes known so far (null means the
 * configured default), the source nodes of its sub-topology (for co-partitioning joins), its graph node and the
 * builder.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public abstract class AbstractStream<K, V> {

    /** The name of the node producing this stream. */
    protected final String name;
    /** The key serde, or null. */
    protected final Serde<K> keySerde;
    /** The value serde, or null. */
    protected final Serde<V> valueSerde;
    /** The source nodes feeding this stream's sub-topology. */
    protected final Set<String> subTopologySourceNodes;
    /** The graph node producing this stream. */
    protected final GraphNode graphNode;
    /** The builder. */
    protected final InternalStreamsBuilder builder;

    AbstractStream(String name, Serde<K> keySerde, Serde<V> valueSerde, Set<String> subTopologySourceNodes,
                   GraphNode graphNode, InternalStreamsBuilder builder) {
        if (subTopologySourceNodes == null || subTopologySourceNodes.isEmpty()) {
            throw new IllegalArgumentException("parameter <sourceNodes> must not be null or empty");
        }
        this.name = name;
        this.keySerde = keySerde;
        this.valueSerde = valueSerde;
        this.subTopologySourceNodes = subTopologySourceNodes;
        this.graphNode = graphNode;
        this.builder = builder;
    }

    /**
     * Declares that this stream's and the others' sources must be co-partitioned.
     *
     * @param others the other inputs of a join
     * @return all their source nodes
     */
    Set<String> ensureCopartitionWith(Set<? extends AbstractStream<K, ?>> others) {
        Set<String> all = new HashSet<>(subTopologySourceNodes);
        for (AbstractStream<K, ?> other : others) {
            all.addAll(other.subTopologySourceNodes);
        }
        builder.internalTopologyBuilder().copartitionSources(all);
        return all;
    }

    /** @return the key serde, or null */
    public Serde<K> keySerde() {
        return keySerde;
    }

    /** @return the value serde, or null */
    public Serde<V> valueSerde() {
        return valueSerde;
    }
}
