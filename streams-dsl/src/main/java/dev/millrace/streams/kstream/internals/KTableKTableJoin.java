package dev.millrace.streams.kstream.internals;

import dev.millrace.streams.kstream.ValueJoiner;
import dev.millrace.streams.processor.api.Processor;
import dev.millrace.streams.processor.api.ProcessorContext;
import dev.millrace.streams.processor.api.Record;
import dev.millrace.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One side of a KTable-KTable join: for each change of this table, looks the key up in the other table and
 * forwards the joined change, timestamped with the larger of the two timestamps. {@link Mode} decides which
 * missing side still produces a result (inner: none; left: the other; right: this side is the right table of a
 * left join, so a missing left value produces nothing; outer: either). Null keys are skipped (logged, counted).
 *
 * @param <K> the key type
 * @param <V1> this table's value type
 * @param <V2> the other table's value type
 * @param <VR> the result type
 */
final class KTableKTableJoin<K, V1, V2, VR> implements KTableProcessorSupplier<K, V1, K, VR> {

    /** Which sides may be missing. */
    enum Mode { INNER, LEFT, RIGHT, OUTER }

    private static final Logger LOG = LoggerFactory.getLogger(KTableKTableJoin.class);

    private final KTableImpl<K, V1> thisTable;
    private final KTableImpl<K, V2> otherTable;
    private final KTableValueGetterSupplier<K, V2> otherGetters;
    private final ValueJoiner<? super V1, ? super V2, ? extends VR> joiner;
    private final Mode mode;
    private boolean sendOldValues;

    KTableKTableJoin(KTableImpl<K, V1> thisTable, KTableImpl<K, V2> otherTable,
                     ValueJoiner<? super V1, ? super V2, ? extends VR> joiner, Mode mode) {
        this.thisTable = thisTable;
        this.otherTable = otherTable;
        this.otherGetters = otherTable.valueGetterSupplier();
        this.joiner = joiner;
        this.mode = mode;
    }

    /** @return the stores the other side's getter reads */
    String[] otherStoreNames() {
        return otherGetters.storeNames();
    }

    @Override
    public boolean enableSendingOldValues(boolean forceMaterialization) {
        thisTable.enableSendingOldValues(true);
        otherTable.enableSendingOldValues(true);
        sendOldValues = true;
        return true;
    }

    private VR join(V1 value, V2 other) {
        switch (mode) {
            case RIGHT:
                return joiner.apply(value, other);
            case OUTER:
                return value == null && other == null ? null : joiner.apply(value, other);
            default:
                return value == null ? null : joiner.apply(value, other);
        }
    }

    @Override
    public Processor<K, Change<V1>, K, Change<VR>> get() {
        return new Processor<>() {
            private ProcessorContext<K, Change<VR>> context;
            private KTableValueGetter<K, V2> otherGetter;

            @Override
            public void init(ProcessorContext<K, Change<VR>> context) {
                this.context = context;
                otherGetter = otherGetters.get();
                otherGetter.init(context);
            }

            @Override
            public void process(Record<K, Change<V1>> record) {
                if (record.key() == null) {
                    DroppedRecords.skip(LOG, context, "null key");
                    return;
                }
                ValueAndTimestamp<V2> other = otherGetter.get(record.key());
                V2 otherValue = ValueAndTimestamp.getValueOrNull(other);
                Change<V1> change = record.value();
                if (otherValue == null && (mode == Mode.INNER || mode == Mode.RIGHT)) {
                    return;
                }
                if (otherValue == null && change.newValue == null && change.oldValue == null) {
                    return;
                }
                long timestamp = other == null ? record.timestamp() : Math.max(record.timestamp(), other.timestamp());
                VR newValue = join(change.newValue, otherValue);
                VR oldValue = sendOldValues ? join(change.oldValue, otherValue) : null;
                context.forward(record.withValue(new Change<>(newValue, oldValue)).withTimestamp(timestamp));
            }
        };
    }

    @Override
    public KTableValueGetterSupplier<K, VR> view() {
        KTableValueGetterSupplier<K, V1> thisGetters = thisTable.valueGetterSupplier();
        return new KTableValueGetterSupplier<>() {
            @Override
            public KTableValueGetter<K, VR> get() {
                KTableValueGetter<K, V1> thisGetter = thisGetters.get();
                KTableValueGetter<K, V2> otherGetter = otherGetters.get();
                return new KTableValueGetter<>() {
                    @Override
                    public void init(ProcessorContext<?, ?> context) {
                        thisGetter.init(context);
                        otherGetter.init(context);
                    }

                    @Override
                    public ValueAndTimestamp<VR> get(K key) {
                        ValueAndTimestamp<V1> left = thisGetter.get(key);
                        ValueAndTimestamp<V2> right = otherGetter.get(key);
                        V1 leftValue = ValueAndTimestamp.getValueOrNull(left);
                        V2 rightValue = ValueAndTimestamp.getValueOrNull(right);
                        if (leftValue == null && rightValue == null) {
                            return null;
                        }
                        if (rightValue == null && (mode == Mode.INNER || mode == Mode.RIGHT)) {
                            return null;
                        }
                        VR joined = join(leftValue, rightValue);
                        long ts = Math.max(left == null ? -1L : left.timestamp(),
                                right == null ? -1L : right.timestamp());
                        return ValueAndTimestamp.make(joined, ts);
                    }
                };
            }

            @Override
            public String[] storeNames() {
                String[] a = thisGetters.storeNames();
                String[] b = otherGetters.storeNames();
                String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
                System.arraycopy(b, 0, all, a.length, b.length);
                return all;
            }
        };
    }
}
