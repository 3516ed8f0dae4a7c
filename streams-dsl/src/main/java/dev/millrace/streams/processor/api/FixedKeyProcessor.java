package dev.millrace.streams.processor.api;

/**
 * A processor that may change values but never keys: it receives and forwards {@link FixedKeyRecord}s.
 *
 * @param <KIn> the key type (input and output)
 * @param <VIn> the input value type
 * @param <VOut> the output value type
 */
@FunctionalInterface
public interface FixedKeyProcessor<KIn, VIn, VOut> {

    /**
     * Prepares the processor.
     *
     * @param context the context, valid until {@link #close}
     */
    default void init(FixedKeyProcessorContext<KIn, VOut> context) {
    }

    /**
     * Processes one record.
     *
     * @param record the record
     */
    void process(FixedKeyRecord<KIn, VIn> record);

    /** Releases what {@link #init} acquired. */
    default void close() {
    }
}
