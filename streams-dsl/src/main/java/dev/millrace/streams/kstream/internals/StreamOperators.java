package dev.millrace.streams.kstream.internals;

import dev.millrace.streams.KeyValue;
import dev.millrace.streams.kstream.ForeachAction;
import dev.millrace.streams.kstream.KeyValueMapper;
import dev.millrace.streams.kstream.Predicate;
import dev.millrace.streams.kstream.ValueMapperWithKey;
import dev.millrace.streams.processor.api.ContextualFixedKeyProcessor;
import dev.millrace.streams.processor.api.ContextualProcessor;
import dev.millrace.streams.processor.api.FixedKeyProcessorSupplier;
import dev.millrace.streams.processor.api.FixedKeyRecord;
import dev.millrace.streams.processor.api.ProcessorSupplier;
import dev.millrace.streams.processor.api.Record;

import java.util.List;

/**
 * The processors behind KStream's stateless operators. Each keeps the input record's timestamp and headers; key
 * changing ones are regular processors, value-only ones are fixed-key processors, as in Kafka Streams. The user's
 * functions run on the task's thread; their exceptions propagate to the processing exception handler.
 */
final class StreamOperators {

    private StreamOperators() {
    }

    /** Forwards records that match (or, with {@code not}, do not match) the predicate. */
    static <K, V> ProcessorSupplier<K, V, K, V> filter(Predicate<? super K, ? super V> predicate, boolean not) {
        return () -> new ContextualProcessor<>() {
            @Override
            public void process(Record<K, V> record) {
                if (not ^ predicate.test(record.key(), record.value())) {
                    context().forward(record);
                }
            }
        };
    }

    /** Replaces key and value with the mapper's pair. */
    static <K, V, KR, VR> ProcessorSupplier<K, V, KR, VR> map(
            KeyValueMapper<? super K, ? super V, ? extends KeyValue<? extends KR, ? extends VR>> mapper) {
        return () -> new ContextualProcessor<>() {
            @Override
            public void process(Record<K, V> record) {
                KeyValue<? extends KR, ? extends VR> pair = mapper.apply(record.key(), record.value());
                context().forward(record.<KR>withKey(pair.key).<VR>withValue(pair.value));
            }
        };
    }

    /** Forwards every pair the mapper returns. */
    static <K, V, KR, VR> ProcessorSupplier<K, V, KR, VR> flatMap(
            KeyValueMapper<? super K, ? super V, ? extends Iterable<? extends KeyValue<? extends KR, ? extends VR>>>
                    mapper) {
        return () -> new ContextualProcessor<>() {
            @Override
            public void process(Record<K, V> record) {
                for (KeyValue<? extends KR, ? extends VR> pair : mapper.apply(record.key(), record.value())) {
                    context().forward(record.<KR>withKey(pair.key).<VR>withValue(pair.value));
                }
            }
        };
    }

    /** Replaces the value with the mapper's result. */
    static <K, V, VR> FixedKeyProcessorSupplier<K, V, VR> mapValues(
            ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper) {
        return () -> new ContextualFixedKeyProcessor<>() {
            @Override
            public void process(FixedKeyRecord<K, V> record) {
                context().forward(record.<VR>withValue(mapper.apply(record.key(), record.value())));
            }
        };
    }

    /** Forwards one record per value the mapper returns. */
    static <K, V, VR> FixedKeyProcessorSupplier<K, V, VR> flatMapValues(
            ValueMapperWithKey<? super K, ? super V, ? extends Iterable<? extends VR>> mapper) {
        return () -> new ContextualFixedKeyProcessor<>() {
            @Override
            public void process(FixedKeyRecord<K, V> record) {
                for (VR value : mapper.apply(record.key(), record.value())) {
                    context().forward(record.<VR>withValue(value));
                }
            }
        };
    }

    /** Runs the action, then forwards the record unchanged. */
    static <K, V> FixedKeyProcessorSupplier<K, V, V> peek(ForeachAction<? super K, ? super V> action) {
        return () -> new ContextualFixedKeyProcessor<>() {
            @Override
            public void process(FixedKeyRecord<K, V> record) {
                action.apply(record.key(), record.value());
                context().forward(record);
            }
        };
    }

    /** Runs the action; forwards nothing. */
    static <K, V> ProcessorSupplier<K, V, Void, Void> foreach(ForeachAction<? super K, ? super V> action) {
        return () -> new ContextualProcessor<>() {
            @Override
            public void process(Record<K, V> record) {
                action.apply(record.key(), record.value());
            }
        };
    }

    /** Forwards every record unchanged (merge, branch children). */
    static <K, V> ProcessorSupplier<K, V, K, V> passThrough() {
        return () -> new ContextualProcessor<>() {
            @Override
            public void process(Record<K, V> record) {
                context().forward(record);
            }
        };
    }

    /**
     * Sends each record to the child of the first matching predicate, or to the default child (the last name when
     * there is one more name than predicates); unmatched records are dropped otherwise. The lists are filled while
     * the topology is built and only read by the processors.
     */
    static <K, V> ProcessorSupplier<K, V, K, V> branch(List<Predicate<? super K, ? super V>> predicates,
                                                       List<String> childNames) {
        return () -> new ContextualProcessor<>() {
            @Override
            public void process(Record<K, V> record) {
                for (int i = 0; i < predicates.size(); i++) {
                    if (predicates.get(i).test(record.key(), record.value())) {
                        context().forward(record, childNames.get(i));
                        return;
                    }
                }
                if (childNames.size() > predicates.size()) {
                    context().forward(record, childNames.get(childNames.size() - 1));
                }
            }
        };
    }
}
