package dev.millrace.streams.kstream.internals;

import dev.millrace.common.utils.Bytes;
import dev.millrace.streams.processor.api.Processor;
import dev.millrace.streams.processor.api.ProcessorContext;
import dev.millrace.streams.processor.api.ProcessorSupplier;
import dev.millrace.streams.processor.api.Record;
import dev.millrace.streams.processor.internals.StoreFactory;
import dev.millrace.streams.state.KeyValueStore;
import dev.millrace.streams.state.StoreBuilder;
import dev.millrace.streams.state.TimestampedKeyValueStore;
import dev.millrace.streams.state.ValueAndTimestamp;
import dev.millrace.streams.kstream.internals.graph.StoreProvidingSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The processor turning a topic (or a stream, for {@code toTable}) into a table: each record becomes a change of its
 * key. When the table is materialized (named, queried, joined, or asked for old values) the value is stored and the
 * change carries the previous value; records with a null key are skipped (logged and counted).
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class KTableSource<K, V> implements ProcessorSupplier<K, V, K, Change<V>>, StoreProvidingSupplier {

    private static final Logger LOG = LoggerFactory.getLogger(KTableSource.class);

    private final String storeName;
    private final KeyValueStoreMaterializer<K, V> storeFactory;
    private String queryableName;
    private boolean sendOldValues;

    /**
     * Creates the supplier.
     *
     * @param materialized the options, with a store name
     */
    public KTableSource(MaterializedInternal<K, V, KeyValueStore<Bytes, byte[]>> materialized) {
        this.storeName = Objects.requireNonNull(materialized.storeName(), "storeName can't be null");
        this.queryableName = materialized.queryableStoreName();
        this.storeFactory = new KeyValueStoreMaterializer<>(materialized);
    }

    /** @return the store name when materialized, otherwise null */
    public String queryableName() {
        return queryableName;
    }

    /** Materializes the table (value getters need its store). */
    public void materialize() {
        queryableName = storeName;
    }

    /** @return whether the table is materialized */
    public boolean materialized() {
        return queryableName != null;
    }

    /** Materializes the table and makes it forward old values. */
    public void enableSendingOldValues() {
        sendOldValues = true;
        queryableName = storeName;
    }

    @Override
    public List<StoreFactory> storeFactories() {
        return materialized() ? List.of(storeFactory) : List.of();
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        return materialized() ? Set.of(storeFactory.builder()) : null;
    }

    @Override
    public Processor<K, V, K, Change<V>> get() {
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
            public void process(Record<K, V> record) {
                if (record.key() == null) {
                    DroppedRecords.skip(LOG, context, "null key");
                    return;
                }
                if (store == null) {
                    context.forward(record.withValue(new Change<>(record.value(), null)));
                    return;
                }
                ValueAndTimestamp<V> old = store.get(record.key());
                V oldValue = ValueAndTimestamp.getValueOrNull(old);
                if (old != null && record.timestamp() < old.timestamp()) {
                    LOG.warn("Detected out-of-order KTable update for {}, old timestamp=[{}] new timestamp=[{}].",
                            queryableName, old.timestamp(), record.timestamp());
                }
                store.put(record.key(), ValueAndTimestamp.make(record.value(), record.timestamp()));
                forwarder.maybeForward(record.withValue(new Change<>(record.value(), oldValue)));
            }
        };
    }
}
