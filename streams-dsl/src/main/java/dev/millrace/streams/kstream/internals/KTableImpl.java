package dev.millrace.streams.kstream.internals;

import dev.millrace.common.serialization.Serde;
import dev.millrace.common.serialization.Serializer;
import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.kstream.Grouped;
import dev.millrace.streams.kstream.KGroupedTable;
import dev.millrace.streams.kstream.KStream;
import dev.millrace.streams.kstream.KTable;
import dev.millrace.streams.kstream.KeyValueMapper;
import dev.millrace.streams.kstream.Materialized;
import dev.millrace.streams.kstream.Named;
import dev.millrace.streams.kstream.Predicate;
import dev.millrace.streams.kstream.ValueJoiner;
import dev.millrace.streams.kstream.ValueMapper;
import dev.millrace.streams.kstream.ValueMapperWithKey;
import dev.millrace.streams.kstream.internals.graph.GraphNode;
import dev.millrace.streams.kstream.internals.graph.ProcessorGraphNode;
import dev.millrace.streams.kstream.internals.graph.ProcessorParameters;
import dev.millrace.streams.kstream.internals.graph.TableTableJoinNode;
import dev.millrace.streams.processor.api.ProcessorSupplier;
import dev.millrace.streams.state.KeyValueStore;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@link KTable} implementation. It knows the supplier that produces its changes, which answers the two
 * questions downstream operators ask: how to read the current value of a key (value getters, materializing a
 * source table if needed) and whether old values can be sent along with new ones.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class KTableImpl<K, V> extends AbstractStream<K, V> implements KTable<K, V> {

    static final String SOURCE_NAME = "KTABLE-SOURCE-";
    static final String STATE_STORE_NAME = "STATE-STORE-";
    private static final String FILTER_NAME = "KTABLE-FILTER-";
    private static final String JOINTHIS_NAME = "KTABLE-JOINTHIS-";
    private static final String JOINOTHER_NAME = "KTABLE-JOINOTHER-";
    private static final String MAPVALUES_NAME = "KTABLE-MAPVALUES-";
    private static final String MERGE_NAME = "KTABLE-MERGE-";
    private static final String SELECT_NAME = "KTABLE-SELECT-";
    private static final String TOSTREAM_NAME = "KTABLE-TOSTREAM-";

    private final ProcessorSupplier<?, ?, ?, ?> processorSupplier;
    private final String queryableStoreName;
    private boolean sendOldValues;

    KTableImpl(String name, Serde<K> keySerde, Serde<V> valueSerde, Set<String> sources, String queryableStoreName,
               ProcessorSupplier<?, ?, ?, ?> processorSupplier, GraphNode graphNode, InternalStreamsBuilder builder) {
        super(name, keySerde, valueSerde, sources, graphNode, builder);
        this.processorSupplier = processorSupplier;
        this.queryableStoreName = queryableStoreName;
    }

    @Override
    public String queryableStoreName() {
        return queryableStoreName;
    }

    // ---- filter --------------------------------------------------------------------------------------------------

    @Override
    public KTable<K, V> filter(Predicate<? super K, ? super V> predicate) {
        Objects.requireNonNull(predicate, "predicate can't be null");
        return doFilter(predicate, NamedInternal.empty(), null, false);
    }

    @Override
    public KTable<K, V> filter(Predicate<? super K, ? super V> predicate, Named named) {
        Objects.requireNonNull(predicate, "predicate can't be null");
        return doFilter(predicate, named, null, false);
    }

    @Override
    public KTable<K, V> filter(Predicate<? super K, ? super V> predicate,
                               Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
        return filter(predicate, NamedInternal.empty(), materialized);
    }

    @Override
    public KTable<K, V> filter(Predicate<? super K, ? super V> predicate, Named named,
                               Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
        Objects.requireNonNull(predicate, "predicate can't be null");
        Objects.requireNonNull(materialized, "materialized can't be null");
        return doFilter(predicate, named, new MaterializedInternal<>(materialized), false);
    }

    @Override
    public KTable<K, V> filterNot(Predicate<? super K, ? super V> predicate) {
        Objects.requireNonNull(predicate, "predicate can't be null");
        return doFilter(predicate, NamedInternal.empty(), null, true);
    }

    @Override
    public KTable<K, V> filterNot(Predicate<? super K, ? super V> predicate, Named named) {
        Objects.requireNonNull(predicate, "predicate can't be null");
        return doFilter(predicate, named, null, true);
    }

    @Override
    public KTable<K, V> filterNot(Predicate<? super K, ? super V> predicate,
                                  Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
        return filterNot(predicate, NamedInternal.empty(), materialized);
    }

    @Override
    public KTable<K, V> filterNot(Predicate<? super K, ? super V> predicate, Named named,
                                  Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
        Objects.requireNonNull(predicate, "predicate can't be null");
        Objects.requireNonNull(materialized, "materialized can't be null");
        return doFilter(predicate, named, new MaterializedInternal<>(materialized), true);
    }

    private KTable<K, V> doFilter(Predicate<? super K, ? super V> predicate, Named named,
                                  MaterializedInternal<K, V, KeyValueStore<Bytes, byte[]>> materialized,
                                  boolean filterNot) {
        Serde<K> keys = keySerde;
        Serde<V> values = valueSerde;
        String queryable = null;
        KeyValueStoreMaterializer<K, V> store = null;
        if (materialized != null) {
            if (materialized.storeName() == null) {
                builder.newStoreName(FILTER_NAME);
            }
            keys = materialized.keySerde() != null ? materialized.keySerde() : keySerde;
            values = materialized.valueSerde() != null ? materialized.valueSerde() : valueSerde;
            queryable = materialized.queryableStoreName();
            store = queryable != null ? new KeyValueStoreMaterializer<>(materialized) : null;
        }
        String nodeName = new NamedInternal(named).orElseGenerateWithPrefix(builder, FILTER_NAME);
        KTableFilter<K, V> supplier = new KTableFilter<>(this, predicate, filterNot, queryable, store);
        GraphNode node = new ProcessorGraphNode(nodeName, new ProcessorParameters(supplier, nodeName));
        builder.addGraphNode(graphNode, node);
        return new KTableImpl<>(nodeName, keys, values, subTopologySourceNodes, queryable, supplier, node, builder);
    }

    // ---- mapValues -----------------------------------------------------------------------------------------------

    @Override
    public <VR> KTable<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper) {
        Objects.requireNonNull(mapper, "mapper can't be null");
        return doMapValues(KStreamImpl.withKey(mapper), NamedInternal.empty(), null);
    }

    @Override
    public <VR> KTable<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper, Named named) {
        Objects.requireNonNull(mapper, "mapper can't be null");
        return doMapValues(KStreamImpl.withKey(mapper), named, null);
    }

    @Override
    public <VR> KTable<K, VR> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper) {
        Objects.requireNonNull(mapper, "mapper can't be null");
        return doMapValues(mapper, NamedInternal.empty(), null);
    }

    @Override
    public <VR> KTable<K, VR> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper, Named named) {
        Objects.requireNonNull(mapper, "mapper can't be null");
        return doMapValues(mapper, named, null);
    }

    @Override
    public <VR> KTable<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper,
                                        Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
        return mapValues(mapper, NamedInternal.empty(), materialized);
    }

    @Override
    public <VR> KTable<K, VR> mapValues(ValueMapper<? super V, ? extends VR> mapper, Named named,
                                        Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
        Objects.requireNonNull(mapper, "mapper can't be null");
        Objects.requireNonNull(materialized, "materialized can't be null");
        return doMapValues(KStreamImpl.withKey(mapper), named, new MaterializedInternal<>(materialized));
    }

    @Override
    public <VR> KTable<K, VR> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper,
                                        Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
        return mapValues(mapper, NamedInternal.empty(), materialized);
    }

    @Override
    public <VR> KTable<K, VR> mapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper, Named named,
                                        Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
        Objects.requireNonNull(mapper, "mapper can't be null");
        Objects.requireNonNull(materialized, "materialized can't be null");
        return doMapValues(mapper, named, new MaterializedInternal<>(materialized));
    }

    private <VR> KTable<K, VR> doMapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper, Named named,
                                           MaterializedInternal<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
        Serde<K> keys = keySerde;
        Serde<VR> values = null;
        String queryable = null;
        KeyValueStoreMaterializer<K, VR> store = null;
        if (materialized != null) {
            if (materialized.storeName() == null) {
                builder.newStoreName(MAPVALUES_NAME);
            }
            keys = materialized.keySerde() != null ? materialized.keySerde() : keySerde;
            values = materialized.valueSerde();
            queryable = materialized.queryableStoreName();
            store = queryable != null ? new KeyValueStoreMaterializer<>(materialized) : null;
        }
        String nodeName = new NamedInternal(named).orElseGenerateWithPrefix(builder, MAPVALUES_NAME);
        KTableMapValues<K, V, VR> supplier = new KTableMapValues<>(this, mapper, queryable, store);
        GraphNode node = new ProcessorGraphNode(nodeName, new ProcessorParameters(supplier, nodeName));
        builder.addGraphNode(graphNode, node);
        return new KTableImpl<>(nodeName, keys, values, subTopologySourceNodes, queryable, supplier, node, builder);
    }

    // ---- toStream and groupBy ------------------------------------------------------------------------------------

    @Override
    public KStream<K, V> toStream() {
        return toStream(NamedInternal.empty());
    }

    @Override
    public KStream<K, V> toStream(Named named) {
        Objects.requireNonNull(named, "named can't be null");
        String nodeName = new NamedInternal(named).orElseGenerateWithPrefix(builder, TOSTREAM_NAME);
        ProcessorGraphNode node = new ProcessorGraphNode(nodeName, new ProcessorParameters(
                StreamOperators.<K, Change<V>, V>mapValues((key, change) -> change.newValue), nodeName));
        builder.addGraphNode(graphNode, node);
        return new KStreamImpl<>(nodeName, keySerde, valueSerde, subTopologySourceNodes, false, node, builder);
    }

    @Override
    public <KR> KStream<KR, V> toStream(KeyValueMapper<? super K, ? super V, ? extends KR> mapper) {
        return toStream().selectKey(mapper);
    }

    @Override
    public <KR> KStream<KR, V> toStream(KeyValueMapper<? super K, ? super V, ? extends KR> mapper, Named named) {
        return toStream(named).selectKey(mapper);
    }

    @Override
    public <KR, VR> KGroupedTable<KR, VR> groupBy(
            KeyValueMapper<? super K, ? super V, ? extends KeyValue<? extends KR, ? extends VR>> selector) {
        return groupBy(selector, Grouped.with(null, null));
    }

    @Override
    public <KR, VR> KGroupedTable<KR, VR> groupBy(
            KeyValueMapper<? super K, ? super V, ? extends KeyValue<? extends KR, ? extends VR>> selector,
            Grouped<KR, VR> grouped) {
        Objects.requireNonNull(selector, "selector can't be null");
        Objects.requireNonNull(grouped, "grouped can't be null");
        GroupedInternal<KR, VR> internal = new GroupedInternal<>(grouped);
        String selectName = new NamedInternal(internal.name()).orElseGenerateWithPrefix(builder, SELECT_NAME);
        Serializer<VR> inner = internal.valueSerde() == null ? null : internal.valueSerde().serializer();
        ChangedSerializer<VR> changedSerializer = new ChangedSerializer<>(inner);
        KTableRepartitionMap<K, V, KR, VR> supplier = new KTableRepartitionMap<>(selector, changedSerializer);
        ProcessorGraphNode node = new ProcessorGraphNode(selectName, new ProcessorParameters(supplier, selectName));
        builder.addGraphNode(graphNode, node);
        enableSendingOldValues(true);
        return new KGroupedTableImpl<>(builder, selectName, subTopologySourceNodes, internal, node, changedSerializer);
    }

    // ---- value getters and old values ----------------------------------------------------------------------------

    /** @return value getters reading this table's current values */
    @SuppressWarnings("unchecked") // the supplier produced this table: its output types are K and V
    KTableValueGetterSupplier<K, V> valueGetterSupplier() {
        if (processorSupplier instanceof KTableSource<?, ?> source) {
            source.materialize();
            return new KTableMaterializedValueGetterSupplier<>(source.queryableName());
        }
        if (processorSupplier instanceof KStreamAggProcessorSupplier<?, ?, ?, ?> aggregate) {
            return (KTableValueGetterSupplier<K, V>) aggregate.view();
        }
        return ((KTableProcessorSupplier<?, ?, K, V>) processorSupplier).view();
    }

    /**
     * Makes the table's changes carry old values.
     *
     * @param forceMaterialization whether an unmaterialized source table may be materialized for it
     * @return whether old values will be sent
     */
    boolean enableSendingOldValues(boolean forceMaterialization) {
        if (sendOldValues) {
            return true;
        }
        if (processorSupplier instanceof KTableSource<?, ?> source) {
            if (!forceMaterialization && !source.materialized()) {
                return false;
            }
            source.enableSendingOldValues();
        } else if (processorSupplier instanceof KStreamAggProcessorSupplier<?, ?, ?, ?> aggregate) {
            aggregate.enableSendingOldValues();
        } else if (processorSupplier instanceof KTableProcessorSupplier<?, ?, ?, ?> table
                && !table.enableSendingOldValues(forceMaterialization)) {
            return false;
        }
        sendOldValues = true;
        return true;
    }

    // ---- table-table joins ---------------------------------------------------------------------------------------

    @Override
    public <VO, VR> KTable<K, VR> join(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner) {
        return doJoin(other, joiner, NamedInternal.empty(), null, KTableKTableJoin.Mode.INNER);
    }

    @Override
    public <VO, VR> KTable<K, VR> join(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                       Named named) {
        return doJoin(other, joiner, named, null, KTableKTableJoin.Mode.INNER);
    }

    @Override
    public <VO, VR> KTable<K, VR> join(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                       Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
        return join(other, joiner, NamedInternal.empty(), materialized);
    }

    @Override
    public <VO, VR> KTable<K, VR> join(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                       Named named, Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
        return doJoin(other, joiner, named, materialized(materialized), KTableKTableJoin.Mode.INNER);
    }

    @Override
    public <VO, VR> KTable<K, VR> leftJoin(KTable<K, VO> other,
                                           ValueJoiner<? super V, ? super VO, ? extends VR> joiner) {
        return doJoin(other, joiner, NamedInternal.empty(), null, KTableKTableJoin.Mode.LEFT);
    }

    @Override
    public <VO, VR> KTable<K, VR> leftJoin(KTable<K, VO> other,
                                           ValueJoiner<? super V, ? super VO, ? extends VR> joiner, Named named) {
        return doJoin(other, joiner, named, null, KTableKTableJoin.Mode.LEFT);
    }

    @Override
    public <VO, VR> KTable<K, VR> leftJoin(KTable<K, VO> other,
                                           ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                           Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
        return leftJoin(other, joiner, NamedInternal.empty(), materialized);
    }

    @Override
    public <VO, VR> KTable<K, VR> leftJoin(KTable<K, VO> other,
                                           ValueJoiner<? super V, ? super VO, ? extends VR> joiner, Named named,
                                           Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
        return doJoin(other, joiner, named, materialized(materialized), KTableKTableJoin.Mode.LEFT);
    }

    @Override
    public <VO, VR> KTable<K, VR> outerJoin(KTable<K, VO> other,
                                            ValueJoiner<? super V, ? super VO, ? extends VR> joiner) {
        return doJoin(other, joiner, NamedInternal.empty(), null, KTableKTableJoin.Mode.OUTER);
    }

    @Override
    public <VO, VR> KTable<K, VR> outerJoin(KTable<K, VO> other,
                                            ValueJoiner<? super V, ? super VO, ? extends VR> joiner, Named named) {
        return doJoin(other, joiner, named, null, KTableKTableJoin.Mode.OUTER);
    }

    @Override
    public <VO, VR> KTable<K, VR> outerJoin(KTable<K, VO> other,
                                            ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                            Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
        return outerJoin(other, joiner, NamedInternal.empty(), materialized);
    }

    @Override
    public <VO, VR> KTable<K, VR> outerJoin(KTable<K, VO> other,
                                            ValueJoiner<? super V, ? super VO, ? extends VR> joiner, Named named,
                                            Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
        return doJoin(other, joiner, named, materialized(materialized), KTableKTableJoin.Mode.OUTER);
    }

    private <VR> MaterializedInternal<K, VR, KeyValueStore<Bytes, byte[]>> materialized(
            Materialized<K, VR, KeyValueStore<Bytes, byte[]>> materialized) {
        Objects.requireNonNull(materialized, "materialized can't be null");
        return new MaterializedInternal<>(materialized, builder, MERGE_NAME);
    }

    private <VO, VR> KTable<K, VR> doJoin(KTable<K, VO> other, ValueJoiner<? super V, ? super VO, ? extends VR> joiner,
                                          Named joinName,
                                          MaterializedInternal<K, VR, KeyValueStore<Bytes, byte[]>> materialized,
                                          KTableKTableJoin.Mode mode) {
        Objects.requireNonNull(other, "other can't be null");
        Objects.requireNonNull(joiner, "joiner can't be null");
        Objects.requireNonNull(joinName, "joinName can't be null");
        NamedInternal renamed = new NamedInternal(joinName);
        String mergeName = renamed.orElseGenerateWithPrefix(builder, MERGE_NAME);
        KTableImpl<K, VO> otherImpl = (KTableImpl<K, VO>) other;
        Set<String> sources = ensureCopartitionWith(Set.of(otherImpl));
        if (mode != KTableKTableJoin.Mode.INNER) {
            enableSendingOldValues(true);
        }
        if (mode == KTableKTableJoin.Mode.OUTER) {
            otherImpl.enableSendingOldValues(true);
        }
        Serde<K> keys = keySerde;
        Serde<VR> values = null;
        String queryable = null;
        KeyValueStoreMaterializer<K, VR> store = null;
        if (materialized != null) {
            if (materialized.keySerde() == null) {
                materialized.withKeySerde(keySerde);
            }
            keys = materialized.keySerde();
            values = materialized.valueSerde();
            queryable = materialized.storeName();
            store = new KeyValueStoreMaterializer<>(materialized);
        }
        KTableKTableJoin.Mode otherMode = mode == KTableKTableJoin.Mode.LEFT ? KTableKTableJoin.Mode.RIGHT : mode;
        KTableKTableJoin<K, V, VO, VR> joinThis = new KTableKTableJoin<>(this, otherImpl, joiner, mode);
        KTableKTableJoin<K, VO, V, VR> joinOther = new KTableKTableJoin<>(otherImpl, this,
                (VO right, V left) -> joiner.apply(left, right), otherMode);
        String joinThisName = renamed.suffixWithOrElseGet("-join-this", builder, JOINTHIS_NAME);
        String joinOtherName = renamed.suffixWithOrElseGet("-join-other", builder, JOINOTHER_NAME);
        KTableKTableJoinMerger<K, VR> merger = new KTableKTableJoinMerger<>(joinThis, joinOther, queryable, store);
        TableTableJoinNode node = new TableTableJoinNode(new ProcessorParameters(joinThis, joinThisName),
                new ProcessorParameters(joinOther, joinOtherName), new ProcessorParameters(merger, mergeName), name,
                otherImpl.name, valueGetterSupplier().storeNames(), otherImpl.valueGetterSupplier().storeNames());
        builder.addGraphNode(List.of(graphNode, otherImpl.graphNode), node);
        return new KTableImpl<>(mergeName, keys, values, sources, queryable, merger, node, builder);
    }
}
