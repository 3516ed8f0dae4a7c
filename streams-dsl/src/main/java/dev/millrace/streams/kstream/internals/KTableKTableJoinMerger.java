package dev.millrace.streams.kstream.internals;

import dev.millrace.streams.processor.api.Processor;
import dev.millrace.streams.processor.api.ProcessorContext;
import dev.millrace.streams.processor.api.Record;
import dev.millrace.streams.processor.internals.StoreFactory;
import dev.millrace.streams.state.TimestampedKeyValueStore;
import dev.millrace.streams.state.ValueAndTimestamp;
import dev.millrace.streams.kstream.internals.graph.StoreProvidingSupplier;

import java.util.List;

/**
 * The merge step of a KTable-KTable join: receives the joined changes of both sides and forwards them as the
 * result table's changes, storing them first when the result is materialized.
 *
 * @param <K> the key type
 * @param <V> the result type
 */
final class KTableKTableJoinMerger<K, V> implements KTableProcessorSupplier<K, V, K, V>, StoreProvidingSupplier {

    private final KTableKTableJoin<K, ?, ?, V> thisSide;
    private final KTableKTableJoin<K, ?, ?, V> otherSide;
    private final String queryableName;
    private final KeyValueStoreMaterializer<K, V> storeFactory;
    private boolean sendOldValues;

    KTableKTableJoinMerger(KTableKTableJoin<K, ?, ?, V> thisSide, KTableKTableJoin<K, ?, ?, V> otherSide,
                           String queryableName, KeyValueStoreMaterializer<K, V> storeFactory) {
        this.thisSide = thisSide;
        this.otherSide = otherSide;
        this.queryableName = queryableName;
        this.storeFactory = storeFactory;
    }

    @Override
    public List<StoreFactory> storeFactories() {
        return storeFactory == null ? List.of() : List.of(storeFactory);
    }

    @Override
    public boolean enableSendingOldValues(boolean forceMaterialization) {
        thisSide.enableSendingOldValues(forceMaterialization);
        otherSide.enableSendingOldValues(forceMaterialization);
        sendOldValues = true;
        return true;
    }

    @Override
    public KTableValueGetterSupplier<K, V> view() {
        return queryableName != null ? new KTableMaterializedValueGetterSupplier<>(queryableName) : thisSide.view();
    }

    @Override
    public Processor<K, Change<V>, K, Change<V>> get() {
        return new Processor<>() {
            private ProcessorContext<K, Change<V>> context;
            private TimestampedKeyValueStore<K, V> store;
            private TimestampedTupleForwarder<K, V> forwarder;

            @Override
            public void init(ProcessorContext<K, Change<V>> context) {
                this.context = context;
                if (queryableName != null) {
                    store = context.getStateStore(queryableName);
                    forwarder = new TimestampedTupleForwarder<>(store, context, storeFactory.keySerde(),
                            storeFactory.valueSerde(), sendOldValues);
                }
            }

            @Override
            public void process(Record<K, Change<V>> record) {
                V oldValue = record.value().oldValue;
                if (store != null) {
                    oldValue = ValueAndTimestamp.getValueOrNull(store.get(record.key()));
                    store.put(record.key(), ValueAndTimestamp.make(record.value().newValue, record.timestamp()));
                    forwarder.maybeForward(record.withValue(new Change<>(record.value().newValue, oldValue)));
                    return;
                }
                context.forward(record.withValue(new Change<>(record.value().newValue,
                        sendOldValues ? oldValue : null)));
            }
        };
    }
}
