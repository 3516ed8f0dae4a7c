package dev.millrace.streams.processor.internals;

import dev.millrace.streams.processor.StateStore;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The runtime graph of one task (or, in the test driver, of all sub-topologies at once): fresh processor nodes in
 * the order they were added (parents before children), the source node per input topic, the task's stores and their
 * changelog topics. Built by {@link InternalTopologyBuilder}; one instance per task, never shared.
 *
 * @param nodes the nodes, parents before children
 * @param sourceByTopic the source node of each (decorated) input topic
 * @param stores the task's stores, unopened
 * @param storeToChangelogTopic the changelog topic of each logged store (source topics when reused as changelogs)
 * @param repartitionTopics the (decorated) repartition topics this topology reads
 * @param terminalNodes names of sink nodes
 */
public record ProcessorTopology(List<ProcessorNode<?, ?, ?, ?>> nodes, Map<String, SourceNode<?, ?>> sourceByTopic,
                                List<StateStore> stores, Map<String, String> storeToChangelogTopic,
                                Set<String> repartitionTopics, Set<String> terminalNodes) {

    /** Freezes the collections. */
    public ProcessorTopology {
        nodes = List.copyOf(nodes);
        sourceByTopic = Collections.unmodifiableMap(sourceByTopic);
        stores = List.copyOf(stores);
        storeToChangelogTopic = Collections.unmodifiableMap(storeToChangelogTopic);
        repartitionTopics = Set.copyOf(repartitionTopics);
        terminalNodes = Set.copyOf(terminalNodes);
    }

    /**
     * Returns the source node reading a topic.
     *
     * @param topic the (decorated) topic
     * @return the source, or null
     */
    public SourceNode<?, ?> source(String topic) {
        return sourceByTopic.get(topic);
    }

    /** @return whether the topology has no node */
    public boolean isEmpty() {
        return nodes.isEmpty();
    }
}
