package dev.millrace.streams.kstream.internals;

import dev.millrace.common.serialization.Serde;
import dev.millrace.streams.errors.StreamsException;
import dev.millrace.streams.kstream.internals.graph.GraphNode;
import dev.millrace.streams.kstream.internals.graph.ProcessorParameters;
import dev.millrace.streams.kstream.internals.graph.RepartitionNode;

import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The graph rewrites Kafka Streams applies before writing the topology: merging the automatic repartition topics
 * that follow the same key-changing operation into one (the first topic's name survives), and turning the
 * pass-through filter before each repartition sink into a null-key filter unless a left join downstream accepts
 * null keys.
 *
 * <p>Owning thread: the thread building the topology.
 */
final class RepartitionOptimizer {

    private final InternalStreamsBuilder builder;
    private final Map<GraphNode, Set<RepartitionNode>> keyChangingToRepartitions;
    private final Set<GraphNode> mergeNodes;

    RepartitionOptimizer(InternalStreamsBuilder builder, Map<GraphNode, Set<RepartitionNode>> keyChangingToRepartitions,
                         Set<GraphNode> mergeNodes) {
        this.builder = builder;
        this.keyChangingToRepartitions = keyChangingToRepartitions;
        this.mergeNodes = mergeNodes;
    }

    /** Finds the nearest ancestor (or the node itself) matching the predicate, depth first over parents. */
    static GraphNode findParentNodeMatching(GraphNode start, Predicate<GraphNode> predicate) {
        if (predicate.test(start)) {
            return start;
        }
        for (GraphNode parent : start.parentNodes()) {
            if (predicate.test(parent)) {
                return parent;
            }
            GraphNode found = findParentNodeMatching(parent, predicate);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Returns the key-changing ancestor of a repartition node, unless a value-changing node comes first. */
    static GraphNode keyChangingParent(GraphNode repartition) {
        GraphNode changer = findParentNodeMatching(repartition,
                n -> n.isKeyChangingOperation() || n.isValueChangingOperation());
        GraphNode keyChanger = findParentNodeMatching(repartition, GraphNode::isKeyChangingOperation);
        return changer != null && changer.equals(keyChanger) ? keyChanger : null;
    }

    void mergeRepartitionTopics() {
        regroupByMergeNodes();
        Iterator<Map.Entry<GraphNode, Set<RepartitionNode>>> entries = keyChangingToRepartitions.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<GraphNode, Set<RepartitionNode>> entry = entries.next();
            GraphNode keyChanger = entry.getKey();
            if (entry.getValue().isEmpty()) {
                continue;
            }
            RepartitionNode merged = createMergedNode(entry.getValue());
            merged.setBuildPriority(keyChanger.buildPriority());
            for (RepartitionNode replaced : entry.getValue()) {
                GraphNode keyChangerChild = findParentNodeMatching(replaced,
                        n -> n.parentNodes().contains(keyChanger));
                if (keyChangerChild == null) {
                    throw new StreamsException("Found a null keyChangingChild node for " + replaced);
                }
                merged.addChild(keyChangerChild);
                keyChanger.removeChild(keyChangerChild);
                Collection<GraphNode> replacedChildren = replaced.children();
                Collection<GraphNode> replacedParents = replaced.parentNodes();
                for (GraphNode child : replacedChildren) {
                    for (GraphNode parent : replacedParents) {
                        parent.addChild(child);
                    }
                }
                for (GraphNode parent : replacedParents) {
                    parent.removeChild(replaced);
                }
                replaced.clearChildren();
            }
            keyChanger.addChild(merged);
            entries.remove();
        }
    }

    private RepartitionNode createMergedNode(Set<RepartitionNode> nodes) {
        Serde<?> keySerde = null;
        Serde<?> valueSerde = null;
        for (RepartitionNode node : nodes) {
            keySerde = keySerde == null ? node.keySerde() : keySerde;
            valueSerde = valueSerde == null ? node.valueSerde() : valueSerde;
        }
        String topic = nodes.iterator().next().repartitionTopic();
        return KStreamImpl.createRepartitionNode(builder, RepartitionNode.Kind.OPTIMIZABLE, keySerde, valueSerde,
                topic, null, null);
    }

    private void regroupByMergeNodes() {
        Map<GraphNode, Set<GraphNode>> mergeToKeyChangers = new LinkedHashMap<>();
        Set<GraphNode> toRemove = new HashSet<>();
        for (GraphNode mergeNode : mergeNodes) {
            Set<GraphNode> keyChangers = new LinkedHashSet<>();
            mergeToKeyChangers.put(mergeNode, keyChangers);
            for (Map.Entry<GraphNode, Set<RepartitionNode>> entry : keyChangingToRepartitions.entrySet()) {
                boolean allBelowMerge = entry.getValue().stream().allMatch(n ->
                        findParentNodeMatching(n, gn -> gn.parentNodes().contains(mergeNode)) != null);
                if (allBelowMerge && findParentNodeMatching(mergeNode,
                        n -> n.parentNodes().contains(entry.getKey())) != null) {
                    keyChangers.add(entry.getKey());
                }
            }
        }
        for (Map.Entry<GraphNode, Set<GraphNode>> entry : mergeToKeyChangers.entrySet()) {
            Set<RepartitionNode> repartitions = new LinkedHashSet<>();
            for (GraphNode keyChanger : entry.getValue()) {
                repartitions.addAll(keyChangingToRepartitions.get(keyChanger));
                toRemove.add(keyChanger);
            }
            keyChangingToRepartitions.put(entry.getKey(), repartitions);
        }
        toRemove.forEach(keyChangingToRepartitions::remove);
    }

    /** Makes repartition filters drop null keys, except above joins that accept them. */
    static void relaxNullKeyFilters(GraphNode root) {
        Set<GraphNode> visited = new HashSet<>();
        Set<GraphNode> keepNullKeys = new HashSet<>();
        traverse(root, visited, keepNullKeys);
        for (GraphNode node : visited) {
            if (node instanceof RepartitionNode repartition && !keepNullKeys.contains(node)
                    && repartition.processorParameters() != null) {
                String name = repartition.processorParameters().processorName();
                repartition.setProcessorParameters(new ProcessorParameters(
                        StreamOperators.filter((k, v) -> k != null, false), name));
            }
        }
    }

    private static void traverse(GraphNode node, Set<GraphNode> visited, Set<GraphNode> keepNullKeys) {
        if (visited.contains(node)) {
            return;
        }
        for (GraphNode child : node.children()) {
            traverse(child, visited, keepNullKeys);
            if (child.isNullKeyRelaxedJoin() || keepNullKeys.contains(child)) {
                keepNullKeys.add(node);
            }
        }
        visited.add(node);
    }
}
