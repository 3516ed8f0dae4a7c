package dev.millrace.streams.kstream.internals;

import dev.millrace.streams.kstream.Predicate;
import dev.millrace.streams.processor.api.Processor;
import dev.millrace.streams.processor.api.ProcessorContext;
import dev.millrace.streams.processor.api.Record;
import dev.millrace.streams.processor.internals.StoreFactory;
import dev.millrace.streams.state.TimestampedKeyValueStore;
import dev.millrace.streams.state.ValueAndTimestamp;
import dev.millrace.streams.kstream.internals.graph.StoreProvidingSupplier;

import java.util.List;

/**
 * {@code KTable.filter/filterNot}: a value that fails the predicate becomes a deletion (null). With old values
 * available, a key that never passed produces nothing, and a key that stops passing produces a tombstone.
 * Materialized when the user named a store.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class KTableFilter<K, V> implements KTableProcessorSupplier<K, V, K, V>, StoreProvidingSupplier {

    private final KTableImpl<K, V> parent;
    private final Predicate<? super K, ? super V> predicate;
    private final boolean filterNot;
    private final String queryableName;
    private final KeyValueStoreMaterializer<K, V> storeFactory;
    private boolean sendOldValues;

    KTableFilter(KTableImpl<K, V> parent, Predicate<? super K, ? super V> predicate, boolean filterNot,
                 String queryableName, KeyValueStoreMaterializer<K, V> storeFactory) {
        this.parent = parent;
        this.predicate = predicate;
        this.filterNot = filterNot;
        this.queryableName = queryableName;
        this.storeFactory = storeFactory;
        this.sendOldValues = parent.enableSendingOldValues(false);
    }

    @Override
    public List<StoreFactory> storeFactories() {
        return storeFactory == null ? List.of() : List.of(storeFactory);
    }

    @Override
    public boolean enableSendingOldValues(boolean forceMaterialization) {
        if (queryableName != null) {
            sendOldValues = true;
            return true;
        }
        if (parent.enableSendingOldValues(forceMaterialization)) {
            sendOldValues = true;
        }
        return sendOldValues;
    }

    private V compute(K key, V value) {
        return value != null && (filterNot ^ predicate.test(key, value)) ? value : null;
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
                K key = record.key();
                V newValue = compute(key, record.value().newValue);
                V oldValue = !sendOldValues ? null : store != null
                        ? ValueAndTimestamp.getValueOrNull(store.get(key)) : compute(key, record.value().oldValue);
                if (sendOldValues && oldValue == null && newValue == null) {
                    return;
                }
                if (store != null) {
                    store.put(key, ValueAndTimestamp.make(newValue, record.timestamp()));
                    forwarder.maybeForward(record.withValue(new Change<>(newValue, oldValue)));
                } else {
                    context.forward(record.withValue(new Change<>(newValue, oldValue)));
                }
            }
        };
    }

    @Override
    public KTableValueGetterSupplier<K, V> view() {
        if (queryableName != null) {
            return new KTableMaterializedValueGetterSupplier<>(queryableName);
        }
        KTableValueGetterSupplier<K, V> parentGetters = parent.valueGetterSupplier();
        return new KTableValueGetterSupplier<>() {
            @Override
            public KTableValueGetter<K, V> get() {
                KTableValueGetter<K, V> parentGetter = parentGetters.get();
                return new KTableValueGetter<>() {
                    @Override
                    public void init(ProcessorContext<?, ?> context) {
                        parentGetter.init(context);
                    }

                    @Override
                    public ValueAndTimestamp<V> get(K key) {
                        ValueAndTimestamp<V> value = parentGetter.get(key);
                        return value != null && compute(key, value.value()) != null ? value : null;
                    }
                };
            }

            @Override
            public String[] storeNames() {
                return parentGetters.storeNames();
            }
        };
    }
}
