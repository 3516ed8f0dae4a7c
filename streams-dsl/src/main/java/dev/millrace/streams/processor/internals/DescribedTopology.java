package dev.millrace.streams.processor.internals;

import dev.millrace.streams.TopologyDescription;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@link TopologyDescription} that {@link InternalTopologyBuilder#describe()} returns. Its text interleaves
 * sub-topologies and global stores by id, in Kafka Streams' exact format.
 */
public final class DescribedTopology implements TopologyDescription {

    private final TreeSet<TopologyDescription.Subtopology> subtopologies =
            new TreeSet<>((a, b) -> a.equals(b) ? 0 : Integer.compare(a.id(), b.id()));
    private final TreeSet<TopologyDescription.GlobalStore> globalStores =
            new TreeSet<>((a, b) -> a.equals(b) ? 0 : Integer.compare(a.id(), b.id()));

    void add(TopologyDescription.Subtopology subtopology) {
        subtopologies.add(subtopology);
    }

    void add(TopologyDescription.GlobalStore globalStore) {
        globalStores.add(globalStore);
    }

    @Override
    public Set<TopologyDescription.Subtopology> subtopologies() {
        return Collections.unmodifiableSet(subtopologies);
    }

    @Override
    public Set<TopologyDescription.GlobalStore> globalStores() {
        return Collections.unmodifiableSet(globalStores);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Topologies:\n ");
        List<TopologyDescription.Subtopology> subs = new ArrayList<>(subtopologies);
        List<TopologyDescription.GlobalStore> globals = new ArrayList<>(globalStores);
        int expectedId = 0;
        int s = 0;
        int g = 0;
        while (s < subs.size() && g < globals.size()) {
            text.append("  ");
            if (subs.get(s).id() == expectedId) {
                text.append(subs.get(s++));
            } else {
                text.append(globals.get(g++));
            }
            expectedId++;
        }
        while (s < subs.size()) {
            text.append("  ").append(subs.get(s++));
        }
        while (g < globals.size()) {
            text.append("  ").append(globals.get(g++));
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DescribedTopology other && subtopologies.equals(other.subtopologies)
                && globalStores.equals(other.globalStores);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subtopologies, globalStores);
    }

    /** A described sub-topology. */
    public static final class Subtopology implements TopologyDescription.Subtopology {
        private final int id;
        private final Set<TopologyDescription.Node> nodes = new TreeSet<>(DescribedNode.ORDER);

        Subtopology(int id, Set<? extends TopologyDescription.Node> nodes) {
            this.id = id;
            this.nodes.addAll(nodes);
        }

        @Override
        public int id() {
            return id;
        }

        @Override
        public Set<TopologyDescription.Node> nodes() {
            return Collections.unmodifiableSet(nodes);
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("Sub-topology: ").append(id).append('\n');
            for (TopologyDescription.Node node : nodes) {
                text.append("    ").append(node).append('\n');
            }
            return text.append('\n').toString();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Subtopology other && id == other.id && nodes.equals(other.nodes);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, nodes);
        }
    }

    /** A described global store. */
    public static final class GlobalStore implements TopologyDescription.GlobalStore {
        private final DescribedNode.Source source;
        private final DescribedNode.Processor processor;
        private final int id;

        GlobalStore(String sourceName, String processorName, String storeName, String topic, int id) {
            this.source = new DescribedNode.Source(sourceName, Collections.singleton(topic), null);
            this.processor = new DescribedNode.Processor(processorName, Collections.singleton(storeName));
            source.successors.add(processor);
            processor.predecessors.add(source);
            this.id = id;
        }

        @Override
        public TopologyDescription.Source source() {
            return source;
        }

        @Override
        public TopologyDescription.Processor processor() {
            return processor;
        }

        @Override
        public int id() {
            return id;
        }

        @Override
        public String toString() {
            return "Sub-topology: " + id + " for global store (will not generate tasks)\n    " + source + "\n    "
                    + processor + "\n";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof GlobalStore other && source.equals(other.source) && processor.equals(other.processor);
        }

        @Override
        public int hashCode() {
            return Objects.hash(source, processor);
        }
    }
}
