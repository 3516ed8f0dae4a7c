package dev.millrace.streams.kstream.internals.graph;

import dev.millrace.common.serialization.Deserializer;
import dev.millrace.common.serialization.Serde;
import dev.millrace.common.serialization.Serializer;
import dev.millrace.streams.kstream.internals.ChangedDeserializer;
import dev.millrace.streams.kstream.internals.ChangedSerializer;
import dev.millrace.streams.processor.FailOnInvalidTimestamp;
import dev.millrace.streams.processor.StreamPartitioner;
import dev.millrace.streams.processor.internals.InternalTopicProperties;
import dev.millrace.streams.processor.internals.InternalTopologyBuilder;

import java.util.Optional;

/**
 * A repartition step: an internal topic, the sink writing it (behind a pass-through filter processor for streams),
 * and the source reading it back with {@link FailOnInvalidTimestamp}. The node's name is the source's name, so
 * downstream operations hang below the source. Three kinds mirror Kafka: optimizable (automatic, before stateful
 * operations; mergeable by {@code merge.repartition.topics}), unoptimizable ({@code repartition()}), and grouped
 * table (values travel as {@code Change} pairs, no filter processor).
 */
public final class RepartitionNode extends GraphNode {

    /** What created the repartition topic. */
    public enum Kind {
        /** Automatic repartitioning after a key change. */
        OPTIMIZABLE,
        /** An explicit {@code repartition()}. */
        UNOPTIMIZABLE,
        /** {@code KTable.groupBy}: values are changes. */
        GROUPED_TABLE
    }

    private final Kind kind;
    private final Serde<?> keySerde;
    private final Serde<?> valueSerde;
    private final String sinkName;
    private final String repartitionTopic;
    private final StreamPartitioner<?, ?> partitioner;
    private final InternalTopicProperties topicProperties;
    private ProcessorParameters processorParameters;
    private ChangedSerializer<?> changedSerializer;
    private ChangedDeserializer<?> changedDeserializer;

    /**
     * Creates the node.
     *
     * @param kind the kind
     * @param sourceName the source's name (also the node name)
     * @param sinkName the sink's name
     * @param repartitionTopic the topic's raw name
     * @param keySerde the key serde, or null for the default
     * @param valueSerde the value serde, or null for the default
     * @param partitioner the partitioner, or null
     * @param numberOfPartitions the fixed partition count, or null
     * @param processorParameters the filter processor before the sink (null for grouped tables)
     */
    public RepartitionNode(Kind kind, String sourceName, String sinkName, String repartitionTopic, Serde<?> keySerde,
                           Serde<?> valueSerde, StreamPartitioner<?, ?> partitioner, Integer numberOfPartitions,
                           ProcessorParameters processorParameters) {
        super(sourceName);
        this.kind = kind;
        this.keySerde = keySerde;
        this.valueSerde = valueSerde;
        this.sinkName = sinkName;
        this.repartitionTopic = repartitionTopic;
        this.partitioner = partitioner;
        this.topicProperties = new InternalTopicProperties(Optional.ofNullable(numberOfPartitions));
        this.processorParameters = processorParameters;
    }

    /**
     * Sets the change serdes of a grouped-table repartition topic (shared with the processors, which fill in the
     * default value serde when none was given).
     *
     * @param serializer the sink's value serializer
     * @param deserializer the source's value deserializer
     */
    public void useChangedSerdes(ChangedSerializer<?> serializer, ChangedDeserializer<?> deserializer) {
        this.changedSerializer = serializer;
        this.changedDeserializer = deserializer;
    }

    /** @return the kind */
    public Kind kind() {
        return kind;
    }

    /** @return the key serde, or null */
    public Serde<?> keySerde() {
        return keySerde;
    }

    /** @return the value serde, or null */
    public Serde<?> valueSerde() {
        return valueSerde;
    }

    /** @return the topic's raw name */
    public String repartitionTopic() {
        return repartitionTopic;
    }

    /** @return the filter processor before the sink, or null */
    public ProcessorParameters processorParameters() {
        return processorParameters;
    }

    /** @param parameters the filter processor before the sink */
    public void setProcessorParameters(ProcessorParameters parameters) {
        this.processorParameters = parameters;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"}) // serdes and partitioner are typed by the user: Kafka's contract
    public void writeToTopology(InternalTopologyBuilder builder) {
        builder.addInternalTopic(repartitionTopic, topicProperties);
        Serializer keySerializer = keySerde == null ? null : keySerde.serializer();
        Deserializer<?> keyDeserializer = keySerde == null ? null : keySerde.deserializer();
        Serializer valueSerializer = valueSerde == null ? null : valueSerde.serializer();
        Deserializer<?> valueDeserializer = valueSerde == null ? null : valueSerde.deserializer();
        if (kind == Kind.GROUPED_TABLE) {
            valueSerializer = changedSerializer;
            valueDeserializer = changedDeserializer;
            builder.addSink(sinkName, repartitionTopic, keySerializer, valueSerializer, null, parentNodeNames());
        } else {
            processorParameters.addProcessorTo(builder, parentNodeNames());
            builder.addSink(sinkName, repartitionTopic, keySerializer, valueSerializer,
                    (StreamPartitioner) partitioner, processorParameters.processorName());
        }
        builder.addSource(nodeName(), new FailOnInvalidTimestamp(), keyDeserializer, valueDeserializer,
                repartitionTopic);
    }
}
