package dev.millrace.streams.processor.api;

/**
 * A node of a topology that processes one record at a time and may forward any number of records, with any keys,
 * to its children. One instance per task; {@link #init} is called before the first record and {@link #close} when
 * the task closes, both on the task's thread.
 *
 * @param <KIn> the input key type
 * @param <VIn> the input value type
 * @param <KOut> the output key type
 * @param <VOut> the output value type
 */
@FunctionalInterface
public interface Processor<KIn, VIn, KOut, VOut> {

    /**
     * Prepares the processor: keep the context, look up stores, schedule punctuations.
     *
     * @param context the context, valid until {@link #close}
     */
    default void init(ProcessorContext<KOut, VOut> context) {
    }

    /**
     * Processes one record.
     *
     * @param record the record
     */
    void process(Record<KIn, VIn> record);

    /** Releases what {@link #init} acquired; stores are closed by the runtime, not here. */
    default void close() {
    }
}
