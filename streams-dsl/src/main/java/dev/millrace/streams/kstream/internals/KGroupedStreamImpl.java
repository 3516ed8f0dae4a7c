package dev.millrace.streams.kstream.internals;

import dev.millrace.common.serialization.Serdes;
import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.kstream.Aggregator;
import dev.millrace.streams.kstream.Initializer;
import dev.millrace.streams.kstream.KGroupedStream;
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
 * The {@link KGroupedStream} implementation: names the store ({@code KSTREAM-AGGREGATE-STATE-STORE-n} or
 * {@code KSTREAM-REDUCE-STATE-STORE-n} unless materialized under a name), then the processor, then (for re-keyed
 * streams) the repartition topic named after the {@link dev.millrace.streams.kstream.Grouped} name or the store,
 * exactly in Kafka's order so generated names match.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class KGroupedStreamImpl<K, V> extends AbstractStream<K, V> implements KGroupedStream<K, V> {

    static final String REDUCE_NAME = "KSTREAM-REDUCE-";
    static final String AGGREGATE_NAME = "KSTREAM-AGGREGATE-";

    private final boolean repartitionRequired;
    private final String userProvidedRepartitionTopicName;
    private RepartitionNode repartitionNode;

    KGroupedStreamImpl(String name, Set<String> sources, GroupedInternal<K, V> grouped, boolean repartitionRequired,
                       GraphNode graphNode, InternalStreamsBuilder builder) {
        super(name, grouped.keySerde(), grouped.valueSerde(), sources, graphNode, builder);
        this.repartitionRequired = repartitionRequired;
        this.userProvidedRepartitionTopicName = grouped.name();
    }

    @Override
    public KTable<K, V> reduce(Reducer<V> reducer) {
        return reduce(reducer, Materialized.with(keySerde, valueSerde));
    }

    @Override
    public KTable<K, V> reduce(Reducer<V> reducer, Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
        return reduce(reducer, NamedInternal.empty(), materialized);
    }

    @Override
    public KTable<K, V> reduce(Reducer<V> reducer, Named named,
                               Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
        Objects.requireNonNull(reducer, "reducer can't be null");
        Objects.requireNonNull(materialized, "materialized can't be null");
        Objects.requireNonNull(named, "name can't be null");
        MaterializedInternal<K, V, KeyValueStore<Bytes, byte[]>> internal =
                new MaterializedInternal<>(materialized, builder, REDUCE_NAME);
        if (internal.keySerde() == null) {
            internal.withKeySerde(keySerde);
        }
        if (internal.valueSerde() == null) {
            internal.withValueSerde(valueSerde);
        }
        String processorName = new NamedInternal(named).orElseGenerateWithPrefix(builder, REDUCE_NAME);
        KeyValueStoreMaterializer<K, V> store = new KeyValueStoreMaterializer<>(internal);
        return doAggregate(KStreamAggregate.reduce(store, reducer), processorName, store, internal);
    }

    @Override
    public <VOut> KTable<K, VOut> aggregate(Initializer<VOut> initializer,
                                            Aggregator<? super K, ? super V, VOut> aggregator) {
        return aggregate(initializer, aggregator, Materialized.with(keySerde, null));
    }

    @Override
    public <VOut> KTable<K, VOut> aggregate(Initializer<VOut> initializer,
                                            Aggregator<? super K, ? super V, VOut> aggregator,
                                            Materialized<K, VOut, KeyValueStore<Bytes, byte[]>> materialized) {
        return aggregate(initializer, aggregator, NamedInternal.empty(), materialized);
    }

    @Override
    public <VOut> KTable<K, VOut> aggregate(Initializer<VOut> initializer,
                                            Aggregator<? super K, ? super V, VOut> aggregator, Named named,
                                            Materialized<K, VOut, KeyValueStore<Bytes, byte[]>> materialized) {
        Objects.requireNonNull(initializer, "initializer can't be null");
        Objects.requireNonNull(aggregator, "aggregator can't be null");
        Objects.requireNonNull(materialized, "materialized can't be null");
        Objects.requireNonNull(named, "named can't be null");
        MaterializedInternal<K, VOut, KeyValueStore<Bytes, byte[]>> internal =
                new MaterializedInternal<>(materialized, builder, AGGREGATE_NAME);
        if (internal.keySerde() == null) {
            internal.withKeySerde(keySerde);
        }
        String processorName = new NamedInternal(named).orElseGenerateWithPrefix(builder, AGGREGATE_NAME);
        KeyValueStoreMaterializer<K, VOut> store = new KeyValueStoreMaterializer<>(internal);
        return doAggregate(KStreamAggregate.aggregate(store, initializer, aggregator), processorName, store, internal);
    }

    @Override
    public KTable<K, Long> count() {
        return doCount(NamedInternal.empty(), Materialized.with(keySerde, Serdes.Long()));
    }

    @Override
    public KTable<K, Long> count(Named named) {
        Objects.requireNonNull(named, "named can't be null");
        return doCount(named, Materialized.with(keySerde, Serdes.Long()));
    }

    @Override
    public KTable<K, Long> count(Materialized<K, Long, KeyValueStore<Bytes, byte[]>> materialized) {
        return count(NamedInternal.empty(), materialized);
    }

    @Override
    public KTable<K, Long> count(Named named, Materialized<K, Long, KeyValueStore<Bytes, byte[]>> materialized) {
        Objects.requireNonNull(materialized, "materialized can't be null");
        if (new MaterializedInternal<>(materialized).storeName() == null) {
            builder.newStoreName(AGGREGATE_NAME);
        }
        return doCount(named, materialized);
    }

    private KTable<K, Long> doCount(Named named, Materialized<K, Long, KeyValueStore<Bytes, byte[]>> materialized) {
        MaterializedInternal<K, Long, KeyValueStore<Bytes, byte[]>> internal =
                new MaterializedInternal<>(materialized, builder, AGGREGATE_NAME);
        if (internal.keySerde() == null) {
            internal.withKeySerde(keySerde);
        }
        if (internal.valueSerde() == null) {
            internal.withValueSerde(Serdes.Long());
        }
        String processorName = new NamedInternal(named).orElseGenerateWithPrefix(builder, AGGREGATE_NAME);
        KeyValueStoreMaterializer<K, Long> store = new KeyValueStoreMaterializer<>(internal);
        return doAggregate(KStreamAggregate.aggregate(store, () -> 0L, (key, value, count) -> count + 1), processorName,
                store, internal);
    }

    private <T> KTable<K, T> doAggregate(KStreamAggregate<K, V, T> supplier, String processorName,
                                         KeyValueStoreMaterializer<K, T> store,
                                         MaterializedInternal<K, T, KeyValueStore<Bytes, byte[]>> materialized) {
        ProcessorGraphNode aggNode = new ProcessorGraphNode(processorName,
                new ProcessorParameters(supplier, processorName));
        String sourceName = name;
        GraphNode parent = graphNode;
        if (repartitionRequired) {
            String prefix = userProvidedRepartitionTopicName != null ? userProvidedRepartitionTopicName
                    : store.storeName();
            RepartitionNode created = KStreamImpl.createRepartitionNode(builder, RepartitionNode.Kind.OPTIMIZABLE,
                    keySerde, valueSerde, prefix, null, null);
            sourceName = created.nodeName();
            if (repartitionNode == null || userProvidedRepartitionTopicName == null) {
                repartitionNode = created;
            }
            builder.addGraphNode(parent, repartitionNode);
            parent = repartitionNode;
        }
        builder.addGraphNode(parent, aggNode);
        return new KTableImpl<>(processorName, materialized.keySerde(), materialized.valueSerde(),
                sourceName.equals(name) ? subTopologySourceNodes : Set.of(sourceName),
                store.queryableStoreName(), supplier, aggNode, builder);
    }
}
