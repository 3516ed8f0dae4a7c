package dev.millrace.streams.kstream;

import dev.millrace.streams.processor.ProcessorContext;

/**
 * A stateful, record-by-record value transformation that sees the key (read only) and may use state stores and
 * punctuations through the {@link ProcessorContext}; mirrors Kafka's {@code ValueTransformerWithKey}, which
 * {@code KTable#transformValues} takes.
 *
 * <p>Lifecycle: {@link #init(ProcessorContext)} once per task before any record, then {@link #transform} per
 * record, then {@link #close()}. One instance serves one task and is only called from that task's stream thread.
 * It must not forward records through the context; the returned value is the result.
 *
 * @param <K> the key type
 * @param <V> the input value type
 * @param <VR> the result value type
 */
public interface ValueTransformerWithKey<K, V, VR> {

    /**
     * Prepares the transformer; the context stays valid until {@link #close()}.
     *
     * @param context the task's processor context
     */
    void init(ProcessorContext context);

    /**
     * Transforms a value.
     *
     * @param readOnlyKey the key, not to be modified
     * @param value the value
     * @return the new value
     */
    VR transform(K readOnlyKey, V value);

    /** Releases resources; state stores are closed by the runtime, not here. */
    void close();
}
