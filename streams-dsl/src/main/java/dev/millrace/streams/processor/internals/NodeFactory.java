package dev.millrace.streams.processor.internals;

import dev.millrace.common.serialization.Deserializer;
import dev.millrace.common.serialization.Serializer;
import dev.millrace.streams.errors.TopologyException;
import dev.millrace.streams.processor.StreamPartitioner;
import dev.millrace.streams.processor.TimestampExtractor;
import dev.millrace.streams.processor.TopicNameExtractor;
import dev.millrace.streams.processor.api.FixedKeyProcessor;
import dev.millrace.streams.processor.api.FixedKeyProcessorSupplier;
import dev.millrace.streams.processor.api.Processor;
import dev.millrace.streams.processor.api.ProcessorSupplier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A node of the logical topology held by {@link InternalTopologyBuilder}: it can describe itself and build a fresh
 * runtime {@link ProcessorNode} per task.
 */
abstract class NodeFactory {

    static final String[] NO_PREDECESSORS = {};

    final String name;
    final String[] predecessors;

    NodeFactory(String name, String[] predecessors) {
        this.name = name;
        this.predecessors = predecessors.clone();
    }

    abstract ProcessorNode<?, ?, ?, ?> build(UnaryOperator<String> topicDecorator);

    abstract DescribedNode describe();

    /** A processor or fixed-key processor. */
    static final class ProcessorFactory extends NodeFactory {
        private final ProcessorSupplier<?, ?, ?, ?> supplier;
        private final FixedKeyProcessorSupplier<?, ?, ?> fixedKeySupplier;
        final Set<String> stateStoreNames = new HashSet<>();

        ProcessorFactory(String name, String[] predecessors, ProcessorSupplier<?, ?, ?, ?> supplier,
                         FixedKeyProcessorSupplier<?, ?, ?> fixedKeySupplier) {
            super(name, predecessors);
            this.supplier = supplier;
            this.fixedKeySupplier = fixedKeySupplier;
        }

        @Override
        ProcessorNode<?, ?, ?, ?> build(UnaryOperator<String> topicDecorator) {
            if (supplier != null) {
                return newProcessorNode(supplier.get());
            }
            return newFixedKeyNode(fixedKeySupplier.get());
        }

        private <KIn, VIn, KOut, VOut> ProcessorNode<KIn, VIn, KOut, VOut> newProcessorNode(
                Processor<KIn, VIn, KOut, VOut> processor) {
            if (processor == null) {
                throw new TopologyException("reason=supplierReturnedNull node=" + name);
            }
            return new ProcessorNode<>(name, processor, stateStoreNames);
        }

        private <KIn, VIn, VOut> ProcessorNode<KIn, VIn, KIn, VOut> newFixedKeyNode(
                FixedKeyProcessor<KIn, VIn, VOut> processor) {
            if (processor == null) {
                throw new TopologyException("reason=supplierReturnedNull node=" + name);
            }
            return new ProcessorNode<>(name, processor, stateStoreNames);
        }

        @Override
        DescribedNode describe() {
            return new DescribedNode.Processor(name, new HashSet<>(stateStoreNames));
        }
    }

    /** A source of topics or of a topic pattern. */
    static final class SourceFactory extends NodeFactory {
        final List<String> topics;
        final Pattern pattern;
        private final TimestampExtractor timestampExtractor;
        private final Deserializer<?> keyDeserializer;
        private final Deserializer<?> valueDeserializer;

        SourceFactory(String name, String[] topics, Pattern pattern, TimestampExtractor timestampExtractor,
                      Deserializer<?> keyDeserializer, Deserializer<?> valueDeserializer) {
            super(name, NO_PREDECESSORS);
            this.topics = topics != null ? Arrays.asList(topics) : new ArrayList<>();
            this.pattern = pattern;
            this.timestampExtractor = timestampExtractor;
            this.keyDeserializer = keyDeserializer;
            this.valueDeserializer = valueDeserializer;
        }

        @Override
        ProcessorNode<?, ?, ?, ?> build(UnaryOperator<String> topicDecorator) {
            List<String> decorated = new ArrayList<>();
            for (String topic : topics) {
                decorated.add(topicDecorator.apply(topic));
            }
            return newSource(decorated, keyDeserializer, valueDeserializer);
        }

        private <K, V> SourceNode<K, V> newSource(List<String> decorated, Deserializer<K> keys,
                                                  Deserializer<V> values) {
            return new SourceNode<>(name, decorated, timestampExtractor, keys, values);
        }

        @Override
        DescribedNode describe() {
            return new DescribedNode.Source(name, topics.isEmpty() ? null : new HashSet<>(topics), pattern);
        }
    }

    /** A sink to a fixed topic or to topics chosen per record. */
    static final class SinkFactory<K, V> extends NodeFactory {
        private final TopicNameExtractor<? super K, ? super V> topicExtractor;
        private final Serializer<K> keySerializer;
        private final Serializer<V> valueSerializer;
        private final StreamPartitioner<? super K, ? super V> partitioner;

        SinkFactory(String name, String[] predecessors, TopicNameExtractor<? super K, ? super V> topicExtractor,
                    Serializer<K> keySerializer, Serializer<V> valueSerializer,
                    StreamPartitioner<? super K, ? super V> partitioner) {
            super(name, predecessors);
            this.topicExtractor = topicExtractor;
            this.keySerializer = keySerializer;
            this.valueSerializer = valueSerializer;
            this.partitioner = partitioner;
        }

        @Override
        ProcessorNode<?, ?, ?, ?> build(UnaryOperator<String> topicDecorator) {
            if (topicExtractor instanceof StaticTopicNameExtractor<?, ?> fixed) {
                String topic = topicDecorator.apply(fixed.topicName());
                return new SinkNode<K, V>(name, new StaticTopicNameExtractor<>(topic), keySerializer,
                        valueSerializer, partitioner);
            }
            return new SinkNode<>(name, topicExtractor, keySerializer, valueSerializer, partitioner);
        }

        @Override
        DescribedNode describe() {
            return new DescribedNode.Sink(name, topicExtractor);
        }
    }
}
