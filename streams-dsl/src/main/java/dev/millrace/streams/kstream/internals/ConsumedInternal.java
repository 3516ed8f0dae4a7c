package dev.millrace.streams.kstream.internals;

import dev.millrace.common.serialization.Deserializer;
import dev.millrace.common.serialization.Serde;
import dev.millrace.streams.AutoOffsetReset;
import dev.millrace.streams.kstream.Consumed;
import dev.millrace.streams.processor.TimestampExtractor;

/**
 * The engine's read-only view of a {@link Consumed}: a copy taken when the source is added, so later changes to
 * the user's object cannot reach the topology. Null results mean "use the configured default".
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class ConsumedInternal<K, V> extends Consumed<K, V> {

    /**
     * Copies the user's options.
     *
     * @param consumed the options to copy
     */
    public ConsumedInternal(Consumed<K, V> consumed) {
        super(consumed);
    }

    /** @return the key serde, or null */
    public Serde<K> keySerde() {
        return keySerde;
    }

    /** @return the key serde's deserializer, or null without a key serde */
    public Deserializer<K> keyDeserializer() {
        return keySerde == null ? null : keySerde.deserializer();
    }

    /** @return the value serde, or null */
    public Serde<V> valueSerde() {
        return valueSerde;
    }

    /** @return the value serde's deserializer, or null without a value serde */
    public Deserializer<V> valueDeserializer() {
        return valueSerde == null ? null : valueSerde.deserializer();
    }

    /** @return the timestamp extractor, or null */
    public TimestampExtractor timestampExtractor() {
        return timestampExtractor;
    }

    /** @return the offset reset policy, or null */
    public AutoOffsetReset offsetResetPolicy() {
        return resetPolicy;
    }

    /** @return the source processor name, or null */
    public String name() {
        return processorName;
    }
}
