package dev.millrace.streams.kstream.internals;

import dev.millrace.common.serialization.Serializer;
import dev.millrace.streams.KeyValue;
import dev.millrace.streams.errors.StreamsException;
import dev.millrace.streams.kstream.KeyValueMapper;
import dev.millrace.streams.processor.api.ContextualProcessor;
import dev.millrace.streams.processor.api.Processor;
import dev.millrace.streams.processor.api.ProcessorContext;
import dev.millrace.streams.processor.api.ProcessorSupplier;
import dev.millrace.streams.processor.api.Record;

/**
 * {@code KTable.groupBy}'s selector: maps each change to changes of the new grouping keys. A removal of the old
 * pair goes first, then the addition of the new pair; when both pairs have the same grouping key a single change
 * carries both values (KIP-904), so the aggregation subtracts and adds in one step. Pairs with a null key or value
 * are dropped.
 *
 * @param <K> the table's key type
 * @param <V> the table's value type
 * @param <K1> the grouping key type
 * @param <V1> the grouped value type
 */
final class KTableRepartitionMap<K, V, K1, V1> implements ProcessorSupplier<K, Change<V>, K1, Change<V1>> {

    private final KeyValueMapper<? super K, ? super V, ? extends KeyValue<? extends K1, ? extends V1>> mapper;
    private final ChangedSerializer<V1> repartitionSerializer;

    KTableRepartitionMap(KeyValueMapper<? super K, ? super V, ? extends KeyValue<? extends K1, ? extends V1>> mapper,
                         ChangedSerializer<V1> repartitionSerializer) {
        this.mapper = mapper;
        this.repartitionSerializer = repartitionSerializer;
    }

    @Override
    public Processor<K, Change<V>, K1, Change<V1>> get() {
        return new ContextualProcessor<>() {
            @Override
            @SuppressWarnings("unchecked") // the default value serde is the grouped value's serde by contract
            public void init(ProcessorContext<K1, Change<V1>> context) {
                super.init(context);
                synchronized (repartitionSerializer) {
                    if (repartitionSerializer.inner() == null && context.valueSerde() != null) {
                        repartitionSerializer.setInner((Serializer<V1>) context.valueSerde().serializer());
                    }
                }
            }

            @Override
            public void process(Record<K, Change<V>> record) {
                if (record.key() == null) {
                    throw new StreamsException("Record key for the grouping KTable should not be null.");
                }
                Change<V> change = record.value();
                KeyValue<? extends K1, ? extends V1> newPair = change.newValue == null ? null
                        : mapper.apply(record.key(), change.newValue);
                KeyValue<? extends K1, ? extends V1> oldPair = change.oldValue == null ? null
                        : mapper.apply(record.key(), change.oldValue);
                boolean oldValid = oldPair != null && oldPair.key != null && oldPair.value != null;
                boolean newValid = newPair != null && newPair.key != null && newPair.value != null;
                if (oldValid && newValid && oldPair.key.equals(newPair.key)) {
                    context().forward(record.<K1>withKey(oldPair.key)
                            .withValue(new Change<V1>(newPair.value, oldPair.value)));
                    return;
                }
                if (oldValid) {
                    context().forward(record.<K1>withKey(oldPair.key).withValue(new Change<V1>(null, oldPair.value)));
                }
                if (newValid) {
                    context().forward(record.<K1>withKey(newPair.key).withValue(new Change<V1>(newPair.value, null)));
                }
            }
        };
    }
}
