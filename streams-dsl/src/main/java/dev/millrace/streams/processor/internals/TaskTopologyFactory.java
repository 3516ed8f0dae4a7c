package dev.millrace.streams.processor.internals;

import dev.millrace.streams.processor.StateStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds fresh runtime graphs ({@link ProcessorTopology}) from an {@link InternalTopologyBuilder}: one new processor
 * per node and one new store per store name, children connected in insertion order, internal topics decorated with
 * the application id.
 */
final class TaskTopologyFactory {

    private TaskTopologyFactory() {
    }

    static ProcessorTopology build(InternalTopologyBuilder builder, Set<String> nodeGroup) {
        Set<String> excluded = nodeGroup == null ? builder.globalNodeNames() : Set.of();
        Map<String, StoreFactory> storeFactories = builder.stateFactories();
        return assemble(builder, name -> nodeGroup == null ? !excluded.contains(name) : nodeGroup.contains(name),
                storeFactories);
    }

    static ProcessorTopology buildGlobal(InternalTopologyBuilder builder, Set<String> globalNodes) {
        return assemble(builder, globalNodes::contains, builder.globalStateFactories());
    }

    private interface NodeFilter {
        boolean includes(String nodeName);
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // parents accept children of matching types by construction
    private static ProcessorTopology assemble(InternalTopologyBuilder builder, NodeFilter filter,
                                              Map<String, StoreFactory> storeFactories) {
        Map<String, ProcessorNode<?, ?, ?, ?>> built = new LinkedHashMap<>();
        Map<String, SourceNode<?, ?>> sourceByTopic = new HashMap<>();
        Map<String, StateStore> stores = new LinkedHashMap<>();
        Map<String, String> changelogs = new HashMap<>();
        Set<String> repartitionTopics = new HashSet<>();
        Set<String> sinks = new HashSet<>();
        for (Map.Entry<String, NodeFactory> entry : builder.nodeFactories().entrySet()) {
            if (!filter.includes(entry.getKey())) {
                continue;
            }
            NodeFactory factory = entry.getValue();
            ProcessorNode node = factory.build(builder::decorateTopic);
            built.put(factory.name, node);
            for (String parentName : factory.predecessors) {
                ProcessorNode parent = built.get(parentName);
                if (parent != null) {
                    parent.addChild(node);
                }
            }
            if (factory instanceof NodeFactory.SourceFactory source) {
                registerSource(builder, source, (SourceNode<?, ?>) node, sourceByTopic, repartitionTopics);
            } else if (factory instanceof NodeFactory.SinkFactory) {
                sinks.add(factory.name);
            } else if (factory instanceof NodeFactory.ProcessorFactory processor) {
                for (String storeName : processor.stateStoreNames) {
                    StoreFactory storeFactory = storeFactories.get(storeName);
                    if (storeFactory != null && !stores.containsKey(storeName)) {
                        stores.put(storeName, storeFactory.build());
                        String changelog = changelogTopic(builder, storeFactory);
                        if (changelog != null) {
                            changelogs.put(storeName, changelog);
                        }
                    }
                }
            }
        }
        return new ProcessorTopology(new ArrayList<>(built.values()), sourceByTopic, new ArrayList<>(stores.values()),
                changelogs, repartitionTopics, sinks);
    }

    private static void registerSource(InternalTopologyBuilder builder, NodeFactory.SourceFactory source,
                                       SourceNode<?, ?> node, Map<String, SourceNode<?, ?>> sourceByTopic,
                                       Set<String> repartitionTopics) {
        if (source.pattern != null) {
            sourceByTopic.put(source.pattern.pattern(), node);
            return;
        }
        for (String topic : source.topics) {
            String decorated = builder.decorateTopic(topic);
            sourceByTopic.put(decorated, node);
            if (builder.isInternalTopic(topic)) {
                repartitionTopics.add(decorated);
            }
        }
    }

    private static String changelogTopic(InternalTopologyBuilder builder, StoreFactory factory) {
        String sourceTopic = builder.storeToSourceChangelogTopic().get(factory.storeName());
        if (sourceTopic != null) {
            return builder.decorateTopic(sourceTopic);
        }
        if (!factory.loggingEnabled()) {
            return null;
        }
        return changelogTopicName(builder.applicationId(), factory.storeName());
    }

    /**
     * Returns the changelog topic of a store.
     *
     * @param applicationId the application id
     * @param storeName the store
     * @return {@code <application.id>-<store>-changelog}
     */
    static String changelogTopicName(String applicationId, String storeName) {
        return applicationId + "-" + storeName + "-changelog";
    }
}
