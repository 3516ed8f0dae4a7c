package dev.millrace.streams.kstream.internals.graph;

import dev.millrace.streams.processor.internals.InternalTopologyBuilder;

import java.util.Collection;
import java.util.LinkedHashSet;

/**
 * One operation of the DSL's logical graph. Nodes know their parents and children (insertion-ordered), carry the
 * flags the optimizer reads (key-changing, value-changing, merge, relaxed null-key join downstream) and a build
 * priority: the DSL writes nodes to the topology builder in priority order once all their parents are written,
 * which fixes node order and hence sub-topology numbering exactly as Kafka Streams does.
 *
 * <p>Owning thread: the thread building the topology.
 */
public abstract class GraphNode {

    private final Collection<GraphNode> children = new LinkedHashSet<>();
    private final Collection<GraphNode> parents = new LinkedHashSet<>();
    private final String nodeName;
    private boolean keyChangingOperation;
    private boolean valueChangingOperation;
    private boolean mergeNode;
    private boolean nullKeyRelaxedJoin;
    private Integer buildPriority;
    private boolean writtenToTopology;

    /**
     * Creates a node.
     *
     * @param nodeName the node's (processor) name
     */
    protected GraphNode(String nodeName) {
        this.nodeName = nodeName;
    }

    /** @return a copy of the parents, in insertion order */
    public Collection<GraphNode> parentNodes() {
        return new LinkedHashSet<>(parents);
    }

    /** @return the parents' names, in insertion order */
    protected String[] parentNodeNames() {
        String[] names = new String[parents.size()];
        int i = 0;
        for (GraphNode parent : parents) {
            names[i++] = parent.nodeName();
        }
        return names;
    }

    /** @return whether every parent has been written to the topology builder */
    public boolean allParentsWrittenToTopology() {
        for (GraphNode parent : parents) {
            if (!parent.writtenToTopology) {
                return false;
            }
        }
        return true;
    }

    /** @return a copy of the children, in insertion order */
    public Collection<GraphNode> children() {
        return new LinkedHashSet<>(children);
    }

    /** Detaches every child. */
    public void clearChildren() {
        for (GraphNode child : children) {
            child.parents.remove(this);
        }
        children.clear();
    }

    /**
     * Detaches a child.
     *
     * @param child the child
     * @return whether it was a child
     */
    public boolean removeChild(GraphNode child) {
        return children.remove(child) && child.parents.remove(this);
    }

    /**
     * Attaches a child.
     *
     * @param child the child
     */
    public void addChild(GraphNode child) {
        children.add(child);
        child.parents.add(this);
    }

    /** @return the node name */
    public String nodeName() {
        return nodeName;
    }

    /** @return whether the operation may change keys (a later stateful operation must repartition) */
    public boolean isKeyChangingOperation() {
        return keyChangingOperation;
    }

    /** @param keyChanging whether the operation may change keys */
    public void setKeyChangingOperation(boolean keyChanging) {
        this.keyChangingOperation = keyChanging;
    }

    /** @return whether the operation changes values */
    public boolean isValueChangingOperation() {
        return valueChangingOperation;
    }

    /** @param valueChanging whether the operation changes values */
    public void setValueChangingOperation(boolean valueChanging) {
        this.valueChangingOperation = valueChanging;
    }

    /** @return whether the node merges streams */
    public boolean isMergeNode() {
        return mergeNode;
    }

    /** @param merge whether the node merges streams */
    public void setMergeNode(boolean merge) {
        this.mergeNode = merge;
    }

    /** @return whether the node is a join that accepts null keys (left joins), so upstream filters must keep them */
    public boolean isNullKeyRelaxedJoin() {
        return nullKeyRelaxedJoin;
    }

    /** Marks the node as a join that accepts null keys. */
    public void markNullKeyRelaxedJoin() {
        this.nullKeyRelaxedJoin = true;
    }

    /** @return the build priority (creation order), or null before the node is added to the graph */
    public Integer buildPriority() {
        return buildPriority;
    }

    /** @param priority the build priority */
    public void setBuildPriority(int priority) {
        this.buildPriority = priority;
    }

    /** @return whether the node has been written to the topology builder */
    public boolean hasWrittenToTopology() {
        return writtenToTopology;
    }

    /** @param written whether the node has been written to the topology builder */
    public void setHasWrittenToTopology(boolean written) {
        this.writtenToTopology = written;
    }

    /**
     * Adds this node's processors, sources, sinks, stores and topics to the topology builder.
     *
     * @param builder the builder
     */
    public abstract void writeToTopology(InternalTopologyBuilder builder);

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{nodeName=" + nodeName + ", buildPriority=" + buildPriority + "}";
    }
}
