package dev.millrace.streams.kstream.internals;

import dev.millrace.streams.kstream.ValueMapperWithKey;
import dev.millrace.streams.processor.api.Processor;
import dev.millrace.streams.processor.api.ProcessorContext;
import dev.millrace.streams.processor.api.Record;
import dev.millrace.streams.processor.internals.StoreFactory;
import dev.millrace.streams.state.TimestampedKeyValueStore;
import dev.millrace.streams.state.ValueAndTimestamp;
import dev.millrace.streams.kstream.internals.graph.StoreProvidingSupplier;

import java.util.List;

/**
 * {@code KTable.mapValues}: maps new (and, when sent, old) values; a deletion stays a deletion (the mapper never
 * sees null). Materialized when the user named a store.
 *
 * @param <K> the key type
 * @param <V> the input value type
 * @param <VR> the output value type
 */
final class KTableMapValues<K, V, VR> implements KTableProcessorSupplier<K, V, K, VR>, StoreProvidingSupplier {

    private final KTableImpl<K, V> parent;
    private final ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper;
    private final String queryableName;
    private final KeyValueStoreMaterializer<K, VR> storeFactory;
    private boolean sendOldValues;

    KTableMapValues(KTableImpl<K, V> parent, ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper,
                    String queryableName, KeyValueStoreMaterializer<K, VR> storeFactory) {
        this.parent = parent;
        this.mapper = mapper;
        this.queryableName = queryableName;
        this.storeFactory = storeFactory;
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

    private VR compute(K key, V value) {
        return value == null ? null : mapper.apply(key, value);
    }

    @Override
    public Processor<K, Change<V>, K, Change<VR>> get() {
        return new Processor<>() {
            private ProcessorContext<K, Change<VR>> context;
            private TimestampedKeyValueStore<K, VR> store;
            private TimestampedTupleForwarder<K, VR> forwarder;

            @Override
            public void init(ProcessorContext<K, Change<VR>> context) {
                this.context = context;
                if (queryableName != null) {
                    store = context.getStateStore(queryableName);
                    forwarder = new TimestampedTupleForwarder<>(store, context, storeFactory.keySerde(),
                            storeFactory.valueSerde(), sendOldValues);
                }
            }

            @Override
            public void process(Record<K, Change<V>> record) {
                VR newValue = compute(record.key(), record.value().newValue);
                VR oldValue = !sendOldValues ? null : store != null
                        ? ValueAndTimestamp.getValueOrNull(store.get(record.key()))
                        : compute(record.key(), record.value().oldValue);
                if (store != null) {
                    store.put(record.key(), ValueAndTimestamp.make(newValue, record.timestamp()));
                    forwarder.maybeForward(record.withValue(new Change<>(newValue, oldValue)));
                } else {
                    context.forward(record.withValue(new Change<>(newValue, oldValue)));
                }
            }
        };
    }

    @Override
    public KTableValueGetterSupplier<K, VR> view() {
        if (queryableName != null) {
            return new KTableMaterializedValueGetterSupplier<>(queryableName);
        }
        KTableValueGetterSupplier<K, V> parentGetters = parent.valueGetterSupplier();
        return new KTableValueGetterSupplier<>() {
            @Override
            public KTableValueGetter<K, VR> get() {
                KTableValueGetter<K, V> parentGetter = parentGetters.get();
                return new KTableValueGetter<>() {
                    @Override
                    public void init(ProcessorContext<?, ?> context) {
                        parentGetter.init(context);
                    }

                    @Override
                    public ValueAndTimestamp<VR> get(K key) {
                        ValueAndTimestamp<V> value = parentGetter.get(key);
                        return value == null ? null
                                : ValueAndTimestamp.make(compute(key, value.value()), value.timestamp());
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
