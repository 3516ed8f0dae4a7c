package dev.millrace.streams.kstream.internals.graph;

import dev.millrace.streams.AutoOffsetReset;
import dev.millrace.streams.errors.TopologyException;
import dev.millrace.streams.kstream.internals.ConsumedInternal;
import dev.millrace.streams.processor.internals.InternalTopologyBuilder;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A {@code builder.stream(...)} source: named topics or a pattern, read with the {@link ConsumedInternal} options.
 * Two sources of the same topics are merged into one before the graph is written (Kafka's rule), so a topic is
 * subscribed once.
 */
public final class StreamSourceNode extends GraphNode {

    private final Set<String> topicNames;
    private final Pattern topicPattern;
    private final ConsumedInternal<?, ?> consumed;

    /**
     * A source of named topics.
     *
     * @param nodeName the node name
     * @param topicNames the topics
     * @param consumed the options
     */
    public StreamSourceNode(String nodeName, Collection<String> topicNames, ConsumedInternal<?, ?> consumed) {
        super(nodeName);
        this.topicNames = new LinkedHashSet<>(topicNames);
        this.topicPattern = null;
        this.consumed = consumed;
    }

    /**
     * A source of a topic pattern.
     *
     * @param nodeName the node name
     * @param topicPattern the pattern
     * @param consumed the options
     */
    public StreamSourceNode(String nodeName, Pattern topicPattern, ConsumedInternal<?, ?> consumed) {
        super(nodeName);
        this.topicNames = null;
        this.topicPattern = topicPattern;
        this.consumed = consumed;
    }

    /** @return the topics, or empty for a pattern source */
    public Optional<Set<String>> topicNames() {
        return Optional.ofNullable(topicNames);
    }

    /** @return the pattern, or empty for a named-topic source */
    public Optional<Pattern> topicPattern() {
        return Optional.ofNullable(topicPattern);
    }

    /**
     * Takes over the other source's children (same subscription).
     *
     * @param other the duplicate source
     * @throws TopologyException if the offset reset policies differ
     */
    public void merge(StreamSourceNode other) {
        AutoOffsetReset mine = consumed.offsetResetPolicy();
        AutoOffsetReset theirs = other.consumed.offsetResetPolicy();
        if (!Objects.equals(mine, theirs)) {
            throw new TopologyException("Can't configure different offset reset policies on the same input topic(s)");
        }
        for (GraphNode child : other.children()) {
            other.removeChild(child);
            addChild(child);
        }
    }

    @Override
    public void writeToTopology(InternalTopologyBuilder builder) {
        if (topicPattern != null) {
            builder.addSource(nodeName(), consumed.timestampExtractor(), consumed.keyDeserializer(),
                    consumed.valueDeserializer(), topicPattern);
        } else {
            builder.addSource(nodeName(), consumed.timestampExtractor(), consumed.keyDeserializer(),
                    consumed.valueDeserializer(), topicNames.toArray(new String[0]));
        }
    }
}
