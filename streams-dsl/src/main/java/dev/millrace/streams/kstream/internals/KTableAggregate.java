package dev.millrace.streams.kstream.internals;

import dev.millrace.common.serialization.Deserializer;
import dev.millrace.streams.errors.StreamsException;
import dev.millrace.streams.kstream.Aggregator;
import dev.millrace.streams.kstream.Initializer;
import dev.millrace.streams.kstream.Reducer;
import dev.millrace.streams.processor.api.Processor;
import dev.millrace.streams.processor.api.ProcessorContext;
import dev.millrace.streams.processor.api.Record;
import dev.millrace.streams.processor.internals.StoreFactory;
import dev.millrace.streams.state.TimestampedKeyValueStore;
import dev.millrace.streams.state.ValueAndTimestamp;
import dev.millrace.streams.kstream.internals.graph.StoreProvidingSupplier;

import java.util.List;

/**
 * {@code KGroupedTable.count/aggregate/reduce}: for each change, subtracts the old value from the key's aggregate
 * (when both exist), then adds the new value (initializing first if needed), stores the result and forwards it as a
 * change. For a reduce, the first added value is the aggregate itself, and an aggregate subtracted to nothing stays
 * as the subtractor left it (Kafka's semantics: a reduce result of null deletes the key).
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param <VAgg> the aggregate type
 */
final class KTableAggregate<K, V, VAgg> implements KTableProcessorSupplier<K, V, K, VAgg>, StoreProvidingSupplier {

    private final KeyValueStoreMaterializer<K, VAgg> storeFactory;
    private final String storeName;
    private final Initializer<VAgg> initializer;
    private final Aggregator<? super K, ? super V, VAgg> adder;
    private final Aggregator<? super K, ? super V, VAgg> subtractor;
    private final boolean reduce;
    private final ChangedDeserializer<V> repartitionDeserializer;
    private boolean sendOldValues;

    private KTableAggregate(KeyValueStoreMaterializer<K, VAgg> storeFactory, Initializer<VAgg> initializer,
                            Aggregator<? super K, ? super V, VAgg> adder,
                            Aggregator<? super K, ? super V, VAgg> subtractor, boolean reduce,
                            ChangedDeserializer<V> repartitionDeserializer) {
        this.storeFactory = storeFactory;
        this.storeName = storeFactory.storeName();
        this.initializer = initializer;
        this.adder = adder;
        this.subtractor = subtractor;
        this.reduce = reduce;
        this.repartitionDeserializer = repartitionDeserializer;
    }

    static <K, V, VAgg> KTableAggregate<K, V, VAgg> aggregate(KeyValueStoreMaterializer<K, VAgg> storeFactory,
            Initializer<VAgg> initializer, Aggregator<? super K, ? super V, VAgg> adder,
            Aggregator<? super K, ? super V, VAgg> subtractor, ChangedDeserializer<V> repartitionDeserializer) {
        return new KTableAggregate<>(storeFactory, initializer, adder, subtractor, false, repartitionDeserializer);
    }

    static <K, V> KTableAggregate<K, V, V> reduce(KeyValueStoreMaterializer<K, V> storeFactory, Reducer<V> adder,
                                                 Reducer<V> subtractor, ChangedDeserializer<V> deserializer) {
        return new KTableAggregate<K, V, V>(storeFactory, () -> null, (key, value, agg) -> adder.apply(agg, value),
                (key, value, agg) -> subtractor.apply(agg, value), true, deserializer);
    }

    @Override
    public List<StoreFactory> storeFactories() {
        return List.of(storeFactory);
    }

    @Override
    public boolean enableSendingOldValues(boolean forceMaterialization) {
        sendOldValues = true;
        return true;
    }

    @Override
    public KTableValueGetterSupplier<K, VAgg> view() {
        return new KTableMaterializedValueGetterSupplier<>(storeName);
    }

    @Override
    public Processor<K, Change<V>, K, Change<VAgg>> get() {
        return new Processor<>() {
            private ProcessorContext<K, Change<VAgg>> context;
            private TimestampedKeyValueStore<K, VAgg> store;
            private TimestampedTupleForwarder<K, VAgg> forwarder;

            @Override
            @SuppressWarnings("unchecked") // the default value serde is the grouped value's serde by contract
            public void init(ProcessorContext<K, Change<VAgg>> context) {
                this.context = context;
                this.store = context.getStateStore(storeName);
                this.forwarder = new TimestampedTupleForwarder<>(store, context, storeFactory.keySerde(),
                        storeFactory.valueSerde(), sendOldValues);
                synchronized (repartitionDeserializer) {
                    if (repartitionDeserializer.inner() == null && context.valueSerde() != null) {
                        repartitionDeserializer.setInner((Deserializer<V>) context.valueSerde().deserializer());
                    }
                }
            }

            @Override
            public void process(Record<K, Change<V>> record) {
                if (record.key() == null) {
                    throw new StreamsException("Record key for KTable " + (reduce ? "reduce" : "aggregate")
                            + " operator with state " + storeName + " should not be null.");
                }
                process(record, store.get(record.key()));
            }

            @SuppressWarnings("unchecked") // reduce: the aggregate type is the value type
            private void process(Record<K, Change<V>> record, ValueAndTimestamp<VAgg> old) {
                VAgg oldAgg = ValueAndTimestamp.getValueOrNull(old);
                long timestamp = record.timestamp();
                VAgg intermediate = oldAgg;
                Change<V> change = record.value();
                if (change.oldValue != null && oldAgg != null) {
                    intermediate = subtractor.apply(record.key(), change.oldValue, oldAgg);
                    timestamp = Math.max(timestamp, old.timestamp());
                }
                VAgg newAgg = intermediate;
                if (change.newValue != null) {
                    if (intermediate == null) {
                        newAgg = reduce ? (VAgg) change.newValue
                                : adder.apply(record.key(), change.newValue, initializer.apply());
                    } else {
                        newAgg = adder.apply(record.key(), change.newValue, intermediate);
                    }
                    if (old != null) {
                        timestamp = Math.max(timestamp, old.timestamp());
                    }
                }
                store.put(record.key(), ValueAndTimestamp.make(newAgg, timestamp));
                forwarder.maybeForward(record.withValue(new Change<>(newAgg, oldAgg)).withTimestamp(timestamp));
            }
        };
    }
}
