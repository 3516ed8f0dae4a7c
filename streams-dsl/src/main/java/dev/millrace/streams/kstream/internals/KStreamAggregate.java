package dev.millrace.streams.kstream.internals;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The processor behind {@code KGroupedStream.count/aggregate/reduce}: folds each record into its key's aggregate
 * in a timestamped store and forwards the new aggregate as a change (with the previous one when requested). The
 * aggregate's timestamp is the largest record timestamp folded in. Records with a null key or a null value are
 * skipped (logged and counted), as in Kafka Streams. A reduce is an aggregate whose first value is the value itself.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param <VAgg> the aggregate type
 */
final class KStreamAggregate<K, V, VAgg> implements KStreamAggProcessorSupplier<K, V, K, VAgg>,
        StoreProvidingSupplier {

    private static final Logger LOG = LoggerFactory.getLogger(KStreamAggregate.class);

    private final KeyValueStoreMaterializer<K, VAgg> storeFactory;
    private final String storeName;
    private final Initializer<VAgg> initializer;
    private final Aggregator<? super K, ? super V, VAgg> aggregator;
    private final boolean reduce;
    private boolean sendOldValues;

    private KStreamAggregate(KeyValueStoreMaterializer<K, VAgg> storeFactory, Initializer<VAgg> initializer,
                             Aggregator<? super K, ? super V, VAgg> aggregator, boolean reduce) {
        this.storeFactory = storeFactory;
        this.storeName = storeFactory.storeName();
        this.initializer = initializer;
        this.aggregator = aggregator;
        this.reduce = reduce;
    }

    static <K, V, VAgg> KStreamAggregate<K, V, VAgg> aggregate(KeyValueStoreMaterializer<K, VAgg> storeFactory,
                                                               Initializer<VAgg> initializer,
                                                               Aggregator<? super K, ? super V, VAgg> aggregator) {
        return new KStreamAggregate<>(storeFactory, initializer, aggregator, false);
    }

    static <K, V> KStreamAggregate<K, V, V> reduce(KeyValueStoreMaterializer<K, V> storeFactory, Reducer<V> reducer) {
        return new KStreamAggregate<K, V, V>(storeFactory, () -> null,
                (key, value, aggregate) -> reducer.apply(aggregate, value), true);
    }

    @Override
    public List<StoreFactory> storeFactories() {
        return List.of(storeFactory);
    }

    @Override
    public KTableValueGetterSupplier<K, VAgg> view() {
        return new KTableMaterializedValueGetterSupplier<>(storeName);
    }

    @Override
    public void enableSendingOldValues() {
        sendOldValues = true;
    }

    @Override
    public Processor<K, V, K, Change<VAgg>> get() {
        return new Processor<>() {
            private ProcessorContext<K, Change<VAgg>> context;
            private TimestampedKeyValueStore<K, VAgg> store;
            private TimestampedTupleForwarder<K, VAgg> forwarder;

            @Override
            public void init(ProcessorContext<K, Change<VAgg>> context) {
                this.context = context;
                this.store = context.getStateStore(storeName);
                this.forwarder = new TimestampedTupleForwarder<>(store, context, storeFactory.keySerde(),
                        storeFactory.valueSerde(), sendOldValues);
            }

            @Override
            @SuppressWarnings("unchecked") // reduce: the aggregate type is the value type
            public void process(Record<K, V> record) {
                if (record.key() == null || record.value() == null) {
                    DroppedRecords.skip(LOG, context, "null key or value");
                    return;
                }
                ValueAndTimestamp<VAgg> old = store.get(record.key());
                VAgg oldAgg = ValueAndTimestamp.getValueOrNull(old);
                VAgg newAgg;
                long timestamp = record.timestamp();
                if (old == null || oldAgg == null) {
                    newAgg = reduce ? (VAgg) record.value()
                            : aggregator.apply(record.key(), record.value(), initializer.apply());
                } else {
                    newAgg = aggregator.apply(record.key(), record.value(), oldAgg);
                    timestamp = Math.max(timestamp, old.timestamp());
                }
                store.put(record.key(), ValueAndTimestamp.make(newAgg, timestamp));
                forwarder.maybeForward(record.withValue(new Change<>(newAgg, oldAgg)).withTimestamp(timestamp));
            }
        };
    }
}
