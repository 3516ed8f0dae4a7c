package dev.millrace.streams;

import dev.millrace.streams.processor.TopicNameExtractor;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A read-only picture of a {@link Topology}: its sub-topologies (groups of connected nodes that become one task per
 * input partition) and its global stores. {@code toString()} prints the same text as Kafka Streams for the same
 * program, so descriptions can be compared across the two and pasted into visualisers.
 */
public interface TopologyDescription {

    /** A connected group of nodes; the runtime creates one task per partition of its input topics. */
    interface Subtopology {

        /** @return the id, unique within the topology */
        int id();

        /** @return the nodes, ordered as {@code toString()} prints them */
        Set<Node> nodes();
    }

    /** A global store: its source node and its update processor, which never create tasks. */
    interface GlobalStore {

        /** @return the source reading the store's topic */
        Source source();

        /** @return the processor updating the store */
        Processor processor();

        /** @return the sub-topology id the store's nodes occupy */
        int id();
    }

    /** A node of the topology. */
    interface Node {

        /** @return the node's name */
        String name();

        /** @return the nodes feeding this one */
        Set<Node> predecessors();

        /** @return the nodes this one feeds */
        Set<Node> successors();
    }

    /** A source node: reads topics (or topics matching a pattern). */
    interface Source extends Node {

        /** @return the topics, or null when the source subscribes by pattern */
        Set<String> topicSet();

        /** @return the pattern, or null when the source names its topics */
        Pattern topicPattern();
    }

    /** A processor node with the stores it can access. */
    interface Processor extends Node {

        /** @return the names of the connected stores */
        Set<String> stores();
    }

    /** A sink node: writes to a fixed topic or to topics chosen per record. */
    interface Sink extends Node {

        /** @return the topic, or null when an extractor chooses it */
        String topic();

        /** @return the extractor, or null when the topic is fixed */
        TopicNameExtractor<?, ?> topicNameExtractor();
    }

    /** @return the sub-topologies, by id */
    Set<Subtopology> subtopologies();

    /** @return the global stores, by id */
    Set<GlobalStore> globalStores();
}
