package dev.millrace.streams.processor.internals;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Turns an {@link InternalTopologyBuilder} into a {@link DescribedTopology}: one described sub-topology per node
 * group, with nodes linked to their predecessors and successors and sized by the sub-graph they root, and one global
 * store per group holding a global source.
 */
final class TopologyDescriber {

    private TopologyDescriber() {
    }

    static DescribedTopology describe(InternalTopologyBuilder builder) {
        DescribedTopology description = new DescribedTopology();
        for (Map.Entry<Integer, Set<String>> group : builder.nodeGroups().entrySet()) {
            Set<String> nodes = group.getValue();
            String globalSource = null;
            for (String node : nodes) {
                if (builder.isGlobalSource(node)) {
                    globalSource = node;
                    break;
                }
            }
            if (globalSource == null) {
                describeSubtopology(builder, description, group.getKey(), nodes);
            } else {
                describeGlobalStore(builder, description, group.getKey(), nodes, globalSource);
            }
        }
        return description;
    }

    private static void describeSubtopology(InternalTopologyBuilder builder, DescribedTopology description, int id,
                                            Set<String> nodeNames) {
        Map<String, NodeFactory> factories = builder.nodeFactories();
        Map<String, DescribedNode> byName = new HashMap<>();
        for (String name : nodeNames) {
            byName.put(name, factories.get(name).describe());
        }
        for (DescribedNode node : byName.values()) {
            for (String predecessorName : factories.get(node.name()).predecessors) {
                DescribedNode predecessor = byName.get(predecessorName);
                node.addPredecessor(predecessor);
                predecessor.addSuccessor(node);
                predecessor.grow(node.size);
            }
        }
        description.add(new DescribedTopology.Subtopology(id, new HashSet<>(byName.values())));
    }

    private static void describeGlobalStore(InternalTopologyBuilder builder, DescribedTopology description, int id,
                                            Set<String> nodes, String sourceName) {
        Iterator<String> others = nodes.stream().filter(n -> !n.equals(sourceName)).iterator();
        String processorName = others.next();
        NodeFactory.ProcessorFactory processor =
                (NodeFactory.ProcessorFactory) builder.nodeFactories().get(processorName);
        NodeFactory.SourceFactory source = (NodeFactory.SourceFactory) builder.nodeFactories().get(sourceName);
        description.add(new DescribedTopology.GlobalStore(sourceName, processorName,
                processor.stateStoreNames.iterator().next(), source.topics.get(0), id));
    }
}
