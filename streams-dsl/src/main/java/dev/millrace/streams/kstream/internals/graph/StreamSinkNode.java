package dev.millrace.streams.kstream.internals.graph;

import dev.millrace.common.serialization.Serializer;
import dev.millrace.streams.kstream.internals.ProducedInternal;
import dev.millrace.streams.processor.TopicNameExtractor;
import dev.millrace.streams.processor.internals.InternalTopologyBuilder;
import dev.millrace.streams.processor.internals.StaticTopicNameExtractor;

/**
 * A {@code to(...)} sink: a fixed topic or a topic chosen per record, written with the {@link ProducedInternal}
 * serdes (null means the configured defaults) and partitioner.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class StreamSinkNode<K, V> extends GraphNode {

    private final TopicNameExtractor<? super K, ? super V> topicExtractor;
    private final ProducedInternal<K, V> produced;

    /**
     * Creates the node.
     *
     * @param nodeName the sink name
     * @param topicExtractor the topic (a {@link StaticTopicNameExtractor} for a fixed one)
     * @param produced the options
     */
    public StreamSinkNode(String nodeName, TopicNameExtractor<? super K, ? super V> topicExtractor,
                          ProducedInternal<K, V> produced) {
        super(nodeName);
        this.topicExtractor = topicExtractor;
        this.produced = produced;
    }

    @Override
    public void writeToTopology(InternalTopologyBuilder builder) {
        Serializer<K> keySerializer = produced.keySerde() == null ? null : produced.keySerde().serializer();
        Serializer<V> valueSerializer = produced.valueSerde() == null ? null : produced.valueSerde().serializer();
        if (topicExtractor instanceof StaticTopicNameExtractor<?, ?> fixed) {
            builder.addSink(nodeName(), fixed.topicName(), keySerializer, valueSerializer,
                    produced.streamPartitioner(), parentNodeNames());
        } else {
            builder.addSink(nodeName(), topicExtractor, keySerializer, valueSerializer,
                    produced.streamPartitioner(), parentNodeNames());
        }
    }
}
