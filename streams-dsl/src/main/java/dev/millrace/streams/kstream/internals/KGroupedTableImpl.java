package dev.millrace.streams.kstream.internals;

import dev.millrace.common.serialization.Deserializer;
import dev.millrace.common.serialization.Serdes;
import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.kstream.Aggregator;
import dev.millrace.streams.kstream.Initializer;
import dev.millrace.streams.kstream.KGroupedTable;
import dev.millrace.streams.kstream.KTable;
import dev.millrace.streams.kstream.Materialized;
import dev.millrace.streams.kstream.Named;
import dev.millrace.streams.kstream.Reducer;
import dev.millrace.streams.kstream.internals.graph.GraphNode;
import dev.millrace.streams.kstream.internals.graph.ProcessorGraphNode;
import dev.millrace.streams.kstream.internals.graph.ProcessorParameters;
import dev.millrace.streams.kstream.internals.graph.RepartitionNode;
import dev.millrace.streams.state.KeyValueStore;

import java.util.Objects;
import java.util.Set;

/**
 * The {@link KGroupedTable} implementation: each aggregation writes the selector's changes to a repartition topic
 * ({@code <grouped name or store name>-repartition}, values as change pairs) and aggregates them with adder and
 * subtractor into a timestamped store ({@code KTABLE-AGGREGATE-STATE-STORE-n} unless named).
 *
 * @param <K> the grouping key type
 * @param <V> the value type
 */
final class KGroupedTableImpl<K, V> extends AbstractStream<K, V> implements KGroupedTable<K, V> {

    private static final String AGGREGATE_NAME = "KTABLE-AGGREGATE-";
    private static final String REDUCE_NAME = "KTABLE-REDUCE-";

    private final String userProvidedRepartitionTopicName;
    private final ChangedSerializer<V> changedSerializer;
    private final ChangedDeserializer<V> changedDeserializer;
    private RepartitionNode repartitionGraphNode;

    KGroupedTableImpl(InternalStreamsBuilder builder, String name, Set<String> sources, GroupedInternal<K, V> grouped,
                      GraphNode graphNode, ChangedSerializer<V> changedSerializer) {
        super(name, grouped.keySerde(), grouped.valueSerde(), sources, graphNode, builder);
        this.userProvidedRepartitionTopicName = grouped.name();
        this.changedSerializer = changedSerializer;
        Deserializer<V> inner = grouped.valueSerde() == null ? null : grouped.valueSerde().deserializer();
        this.changedDeserializer = new ChangedDeserializer<>(inner);
    }

    ChangedDeserializer<V> changedDeserializer() {
        return changedDeserializer;
    }

    private <VAgg> KTable<K, VAgg> doAggregate(KTableAggregate<K, V, VAgg> supplier, NamedInternal named,
                                               String functionName,
                                               MaterializedInternal<K, VAgg, KeyValueStore<Bytes, byte[]>> mat) {
        String sinkName = named.suffixWithOrElseGet("-sink", builder, KStreamImpl.SINK_NAME);
        String sourceName = named.suffixWithOrElseGet("-source", builder, KStreamImpl.SOURCE_NAME);
        String funcName = named.orElseGenerateWithPrefix(builder, functionName);
        String topic = (userProvidedRepartitionTopicName != null ? userProvidedRepartitionTopicName : mat.storeName())
                + KStreamImpl.REPARTITION_TOPIC_SUFFIX;
        if (repartitionGraphNode == null || userProvidedRepartitionTopicName == null) {
            repartitionGraphNode = new RepartitionNode(RepartitionNode.Kind.GROUPED_TABLE, sourceName, sinkName, topic,
                    keySerde, valueSerde, null, null, null);
            repartitionGraphNode.useChangedSerdes(changedSerializer, changedDeserializer);
        }
        builder.addGraphNode(graphNode, repartitionGraphNode);
        ProcessorGraphNode aggNode = new ProcessorGraphNode(funcName, new ProcessorParameters(supplier, funcName));
        builder.addGraphNode(repartitionGraphNode, aggNode);
        return new KTableImpl<>(funcName, mat.keySerde(), mat.valueSerde(), Set.of(sourceName),
                mat.queryableStoreName(), supplier, aggNode, builder);
    }

    private <T> MaterializedInternal<K, T, KeyValueStore<Bytes, byte[]>> materialize(
            Materialized<K, T, KeyValueStore<Bytes, byte[]>> materialized) {
        MaterializedInternal<K, T, KeyValueStore<Bytes, byte[]>> internal =
                new MaterializedInternal<>(materialized, builder, AGGREGATE_NAME);
        if (internal.keySerde() == null) {
            internal.withKeySerde(keySerde);
        }
        return internal;
    }

    @Override
    public KTable<K, V> reduce(Reducer<V> adder, Reducer<V> subtractor) {
        return reduce(adder, subtractor, Materialized.with(keySerde, valueSerde));
    }

    @Override
    public KTable<K, V> reduce(Reducer<V> adder, Reducer<V> subtractor,
                               Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
        return reduce(adder, subtractor, NamedInternal.empty(), materialized);
    }

    @Override
    public KTable<K, V> reduce(Reducer<V> adder, Reducer<V> subtractor, Named named,
                               Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
        Objects.requireNonNull(adder, "adder can't be null");
        Objects.requireNonNull(subtractor, "subtractor can't be null");
        Objects.requireNonNull(named, "named can't be null");
        Objects.requireNonNull(materialized, "materialized can't be null");
        MaterializedInternal<K, V, KeyValueStore<Bytes, byte[]>> internal = materialize(materialized);
        if (internal.valueSerde() == null) {
            internal.withValueSerde(valueSerde);
        }
        KTableAggregate<K, V, V> supplier = KTableAggregate.reduce(new KeyValueStoreMaterializer<>(internal), adder,
                subtractor, changedDeserializer);
        return doAggregate(supplier, new NamedInternal(named), REDUCE_NAME, internal);
    }

    @Override
    public KTable<K, Long> count() {
        return count(Materialized.with(keySerde, Serdes.Long()));
    }

    @Override
    public KTable<K, Long> count(Named named) {
        return count(named, Materialized.with(keySerde, Serdes.Long()));
    }

    @Override
    public KTable<K, Long> count(Materialized<K, Long, KeyValueStore<Bytes, byte[]>> materialized) {
        return count(NamedInternal.empty(), materialized);
    }

    @Override
    public KTable<K, Long> count(Named named, Materialized<K, Long, KeyValueStore<Bytes, byte[]>> materialized) {
        MaterializedInternal<K, Long, KeyValueStore<Bytes, byte[]>> internal = materialize(materialized);
        if (internal.valueSerde() == null) {
            internal.withValueSerde(Serdes.Long());
        }
        KTableAggregate<K, V, Long> supplier = KTableAggregate.aggregate(new KeyValueStoreMaterializer<>(internal),
                () -> 0L, (key, value, count) -> count + 1L, (key, value, count) -> count - 1L, changedDeserializer);
        return doAggregate(supplier, new NamedInternal(named), AGGREGATE_NAME, internal);
    }

    @Override
    public <VA> KTable<K, VA> aggregate(Initializer<VA> initializer, Aggregator<? super K, ? super V, VA> adder,
                                        Aggregator<? super K, ? super V, VA> subtractor) {
        return aggregate(initializer, adder, subtractor, Materialized.with(keySerde, null));
    }

    @Override
    public <VA> KTable<K, VA> aggregate(Initializer<VA> initializer, Aggregator<? super K, ? super V, VA> adder,
                                        Aggregator<? super K, ? super V, VA> subtractor, Named named) {
        return aggregate(initializer, adder, subtractor, named, Materialized.with(keySerde, null));
    }

    @Override
    public <VA> KTable<K, VA> aggregate(Initializer<VA> initializer, Aggregator<? super K, ? super V, VA> adder,
                                        Aggregator<? super K, ? super V, VA> subtractor,
                                        Materialized<K, VA, KeyValueStore<Bytes, byte[]>> materialized) {
        return aggregate(initializer, adder, subtractor, NamedInternal.empty(), materialized);
    }

    @Override
    public <VA> KTable<K, VA> aggregate(Initializer<VA> initializer, Aggregator<? super K, ? super V, VA> adder,
                                        Aggregator<? super K, ? super V, VA> subtractor, Named named,
                                        Materialized<K, VA, KeyValueStore<Bytes, byte[]>> materialized) {
        Objects.requireNonNull(initializer, "initializer can't be null");
        Objects.requireNonNull(adder, "adder can't be null");
        Objects.requireNonNull(subtractor, "subtractor can't be null");
        Objects.requireNonNull(named, "named can't be null");
        Objects.requireNonNull(materialized, "materialized can't be null");
        MaterializedInternal<K, VA, KeyValueStore<Bytes, byte[]>> internal = materialize(materialized);
        KTableAggregate<K, V, VA> supplier = KTableAggregate.aggregate(new KeyValueStoreMaterializer<>(internal),
                initializer, adder, subtractor, changedDeserializer);
        return doAggregate(supplier, new NamedInternal(named), AGGREGATE_NAME, internal);
    }
}
