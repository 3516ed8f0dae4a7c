package dev.millrace.streams.processor.internals;

import dev.millrace.streams.TopologyDescription;

import java.util.Collections;
import java.util.Comparator;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A node of a {@link DescribedTopology}. Nodes are ordered as Kafka Streams prints them: by the size of the
 * sub-graph they root (larger first, so sources come before what they feed), then by name.
 *
 * <p>Mutable only while {@link InternalTopologyBuilder#describe()} links the nodes; read-only afterwards.
 */
public abstract class DescribedNode implements TopologyDescription.Node {

    /** The print order of nodes: larger sub-graph first, then by name. */
    static final Comparator<TopologyDescription.Node> ORDER = (a, b) -> {
        if (a.equals(b)) {
            return 0;
        }
        int sizeA = ((DescribedNode) a).size;
        int sizeB = ((DescribedNode) b).size;
        return sizeA != sizeB ? sizeB - sizeA : a.name().compareTo(b.name());
    };

    final String name;
    final Set<TopologyDescription.Node> predecessors = new TreeSet<>(ORDER);
    final Set<TopologyDescription.Node> successors = new TreeSet<>(ORDER);
    /** Number of nodes in the sub-graph rooted here, this node included. */
    int size = 1;

    DescribedNode(String name) {
        this.name = Objects.requireNonNull(name, "name cannot be null");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<TopologyDescription.Node> predecessors() {
        return Collections.unmodifiableSet(predecessors);
    }

    @Override
    public Set<TopologyDescription.Node> successors() {
        return Collections.unmodifiableSet(successors);
    }

    void addPredecessor(TopologyDescription.Node predecessor) {
        predecessors.add(predecessor);
    }

    void addSuccessor(TopologyDescription.Node successor) {
        successors.add(successor);
    }

    /** Adds {@code delta} to this node's size and to every node upstream of it. */
    void grow(int delta) {
        size += delta;
        for (TopologyDescription.Node predecessor : predecessors) {
            ((DescribedNode) predecessor).grow(delta);
        }
    }

    static String names(Set<TopologyDescription.Node> nodes) {
        if (nodes.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        for (TopologyDescription.Node node : nodes) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(node.name());
        }
        return text.toString();
    }

    /** A described source node. */
    public static final class Source extends DescribedNode implements TopologyDescription.Source {
        private final Set<String> topics;
        private final java.util.regex.Pattern pattern;

        Source(String name, Set<String> topics, java.util.regex.Pattern pattern) {
            super(name);
            if ((topics == null) == (pattern == null)) {
                throw new IllegalArgumentException("Either topics or pattern must be not-null, but not both: name="
                        + name);
            }
            this.topics = topics;
            this.pattern = pattern;
        }

        @Override
        public Set<String> topicSet() {
            return topics;
        }

        @Override
        public java.util.regex.Pattern topicPattern() {
            return pattern;
        }

        @Override
        void addPredecessor(TopologyDescription.Node predecessor) {
            throw new UnsupportedOperationException("Sources don't have predecessors.");
        }

        @Override
        public String toString() {
            String subscribed = topics == null ? pattern.toString() : topics.toString();
            return "Source: " + name + " (topics: " + subscribed + ")\n      --> " + names(successors);
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof Source other)) {
                return false;
            }
            return name.equals(other.name) && Objects.equals(topics, other.topics)
                    && (pattern == null ? other.pattern == null
                    : other.pattern != null && pattern.pattern().equals(other.pattern.pattern()));
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, topics, pattern == null ? null : pattern.pattern());
        }
    }

    /** A described processor node. */
    public static final class Processor extends DescribedNode implements TopologyDescription.Processor {
        private final Set<String> stores;

        Processor(String name, Set<String> stores) {
            super(name);
            this.stores = stores;
        }

        @Override
        public Set<String> stores() {
            return Collections.unmodifiableSet(stores);
        }

        @Override
        public String toString() {
            return "Processor: " + name + " (stores: " + stores + ")\n      --> " + names(successors)
                    + "\n      <-- " + names(predecessors);
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof Processor other)) {
                return false;
            }
            return name.equals(other.name) && stores.equals(other.stores) && predecessors.equals(other.predecessors);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, stores);
        }
    }

    /** A described sink node. */
    public static final class Sink extends DescribedNode implements TopologyDescription.Sink {
        private final dev.millrace.streams.processor.TopicNameExtractor<?, ?> extractor;

        Sink(String name, dev.millrace.streams.processor.TopicNameExtractor<?, ?> extractor) {
            super(name);
            this.extractor = extractor;
        }

        @Override
        public String topic() {
            return extractor instanceof StaticTopicNameExtractor<?, ?> fixed ? fixed.topicName() : null;
        }

        @Override
        public dev.millrace.streams.processor.TopicNameExtractor<?, ?> topicNameExtractor() {
            return extractor instanceof StaticTopicNameExtractor ? null : extractor;
        }

        @Override
        void addSuccessor(TopologyDescription.Node successor) {
            throw new UnsupportedOperationException("Sinks don't have successors.");
        }

        @Override
        public String toString() {
            if (extractor instanceof StaticTopicNameExtractor) {
                return "Sink: " + name + " (topic: " + topic() + ")\n      <-- " + names(predecessors);
            }
            return "Sink: " + name + " (extractor class: " + extractor + ")\n      <-- " + names(predecessors);
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof Sink other)) {
                return false;
            }
            return name.equals(other.name) && extractor.equals(other.extractor)
                    && predecessors.equals(other.predecessors);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, extractor);
        }
    }
}
