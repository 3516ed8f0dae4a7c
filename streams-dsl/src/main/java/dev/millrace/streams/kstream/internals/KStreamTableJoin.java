package dev.millrace.streams.kstream.internals;

import dev.millrace.streams.kstream.KeyValueMapper;
import dev.millrace.streams.kstream.ValueJoinerWithKey;
import dev.millrace.streams.processor.api.Processor;
import dev.millrace.streams.processor.api.ProcessorContext;
import dev.millrace.streams.processor.api.ProcessorSupplier;
import dev.millrace.streams.processor.api.Record;
import dev.millrace.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stream-table (or stream-global-table) join: each stream record looks its table key up (its own key, or the
 * key mapper's result for global tables) and is forwarded with the joiner's result; an inner join drops records
 * without a table value, a left join passes null instead. Records with a null value, or a null table key in an
 * inner join, are skipped (logged and counted); a left join joins a null table key with null (KIP-962).
 *
 * @param <K> the stream key type
 * @param <V> the stream value type
 * @param <KT> the table key type
 * @param <VT> the table value type
 * @param <VR> the result type
 */
final class KStreamTableJoin<K, V, KT, VT, VR> implements ProcessorSupplier<K, V, K, VR> {

    private static final Logger LOG = LoggerFactory.getLogger(KStreamTableJoin.class);

    private final KTableValueGetterSupplier<KT, VT> tableGetters;
    private final KeyValueMapper<? super K, ? super V, ? extends KT> keyMapper;
    private final ValueJoinerWithKey<? super K, ? super V, ? super VT, ? extends VR> joiner;
    private final boolean leftJoin;

    KStreamTableJoin(KTableValueGetterSupplier<KT, VT> tableGetters,
                     KeyValueMapper<? super K, ? super V, ? extends KT> keyMapper,
                     ValueJoinerWithKey<? super K, ? super V, ? super VT, ? extends VR> joiner, boolean leftJoin) {
        this.tableGetters = tableGetters;
        this.keyMapper = keyMapper;
        this.joiner = joiner;
        this.leftJoin = leftJoin;
    }

    @Override
    public Processor<K, V, K, VR> get() {
        return new Processor<>() {
            private ProcessorContext<K, VR> context;
            private KTableValueGetter<KT, VT> getter;

            @Override
            public void init(ProcessorContext<K, VR> context) {
                this.context = context;
                getter = tableGetters.get();
                getter.init(context);
            }

            @Override
            public void process(Record<K, V> record) {
                KT tableKey = record.value() == null ? null : keyMapper.apply(record.key(), record.value());
                if (record.value() == null || tableKey == null && !leftJoin) {
                    DroppedRecords.skip(LOG, context, "null join key or value");
                    return;
                }
                VT tableValue = tableKey == null ? null : ValueAndTimestamp.getValueOrNull(getter.get(tableKey));
                if (leftJoin || tableValue != null) {
                    context.forward(record.withValue(joiner.apply(record.key(), record.value(), tableValue)));
                }
            }
        };
    }
}
