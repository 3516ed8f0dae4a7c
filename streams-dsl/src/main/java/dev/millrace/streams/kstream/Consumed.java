package dev.millrace.streams.kstream;

import dev.millrace.common.serialization.Serde;
import dev.millrace.streams.AutoOffsetReset;
import dev.millrace.streams.processor.TimestampExtractor;

import java.util.Objects;

/**
 * How a source topic is read: key and value serdes, timestamp extractor, offset reset policy and processor name;
 * mirrors Kafka's {@code Consumed}. Every unset field is null and means "use the configured default".
 *
 * <p>Immutable: each {@code with*} method returns a new instance. Equality covers the serdes, the extractor and
 * the reset policy (compared by identity, as Kafka does) but not the processor name.
 *
 * <p>Difference from Kafka: the deprecated overloads taking {@code Topology.AutoOffsetReset} are not provided.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class Consumed<K, V> implements NamedOperation<Consumed<K, V>> {

    /** The key serde, or null for the default. */
    protected Serde<K> keySerde;
    /** The value serde, or null for the default. */
    protected Serde<V> valueSerde;
    /** The timestamp extractor, or null for the default. */
    protected TimestampExtractor timestampExtractor;
    /** The reset policy, or null for the consumer's configured one. */
    protected AutoOffsetReset resetPolicy;
    /** The source processor name, or null to generate one. */
    protected String processorName;

    private Consumed(Serde<K> keySerde, Serde<V> valueSerde, TimestampExtractor timestampExtractor,
                     AutoOffsetReset resetPolicy, String processorName) {
        this.keySerde = keySerde;
        this.valueSerde = valueSerde;
        this.timestampExtractor = timestampExtractor;
        this.resetPolicy = resetPolicy;
        this.processorName = processorName;
    }

    /**
     * Copies another instance; for internal subclasses.
     *
     * @param consumed the instance to copy
     */
    protected Consumed(Consumed<K, V> consumed) {
        this(consumed.keySerde, consumed.valueSerde, consumed.timestampExtractor, consumed.resetPolicy,
            consumed.processorName);
    }

    /**
     * Creates an instance with serdes, extractor and reset policy.
     *
     * @param keySerde the key serde, or null for the default
     * @param valueSerde the value serde, or null for the default
     * @param timestampExtractor the extractor, or null for the default
     * @param resetPolicy the reset policy, or null for the default
     * @param <K> the key type
     * @param <V> the value type
     * @return the new instance
     */
    public static <K, V> Consumed<K, V> with(Serde<K> keySerde, Serde<V> valueSerde,
                                             TimestampExtractor timestampExtractor, AutoOffsetReset resetPolicy) {
        return new Consumed<>(keySerde, valueSerde, timestampExtractor, resetPolicy, null);
    }

    /**
     * Creates an instance with serdes.
     *
     * @param keySerde the key serde, or null for the default
     * @param valueSerde the value serde, or null for the default
     * @param <K> the key type
     * @param <V> the value type
     * @return the new instance
     */
    public static <K, V> Consumed<K, V> with(Serde<K> keySerde, Serde<V> valueSerde) {
        return new Consumed<>(keySerde, valueSerde, null, null, null);
    }

    /**
     * Creates an instance with a timestamp extractor.
     *
     * @param timestampExtractor the extractor, or null for the default
     * @param <K> the key type
     * @param <V> the value type
     * @return the new instance
     */
    public static <K, V> Consumed<K, V> with(TimestampExtractor timestampExtractor) {
        return new Consumed<>(null, null, timestampExtractor, null, null);
    }

    /**
     * Creates an instance with an offset reset policy.
     *
     * @param resetPolicy the reset policy, or null for the default
     * @param <K> the key type
     * @param <V> the value type
     * @return the new instance
     */
    public static <K, V> Consumed<K, V> with(AutoOffsetReset resetPolicy) {
        return new Consumed<>(null, null, null, resetPolicy, null);
    }

    /**
     * Creates an instance with a source processor name.
     *
     * @param processorName the name, validated when the topology is built
     * @param <K> the key type
     * @param <V> the value type
     * @return the new instance
     */
    public static <K, V> Consumed<K, V> as(String processorName) {
        return new Consumed<>(null, null, null, null, processorName);
    }

    /**
     * Returns a copy with the key serde replaced.
     *
     * @param keySerde the key serde, or null for the default
     * @return a new instance
     */
    public Consumed<K, V> withKeySerde(Serde<K> keySerde) {
        return new Consumed<>(keySerde, valueSerde, timestampExtractor, resetPolicy, processorName);
    }

    /**
     * Returns a copy with the value serde replaced.
     *
     * @param valueSerde the value serde, or null for the default
     * @return a new instance
     */
    public Consumed<K, V> withValueSerde(Serde<V> valueSerde) {
        return new Consumed<>(keySerde, valueSerde, timestampExtractor, resetPolicy, processorName);
    }

    /**
     * Returns a copy with the timestamp extractor replaced.
     *
     * @param timestampExtractor the extractor, or null for the default
     * @return a new instance
     */
    public Consumed<K, V> withTimestampExtractor(TimestampExtractor timestampExtractor) {
        return new Consumed<>(keySerde, valueSerde, timestampExtractor, resetPolicy, processorName);
    }

    /**
     * Returns a copy with the offset reset policy replaced.
     *
     * @param resetPolicy the reset policy, or null for the default
     * @return a new instance
     */
    public Consumed<K, V> withOffsetResetPolicy(AutoOffsetReset resetPolicy) {
        return new Consumed<>(keySerde, valueSerde, timestampExtractor, resetPolicy, processorName);
    }

    @Override
    public Consumed<K, V> withName(String processorName) {
        return new Consumed<>(keySerde, valueSerde, timestampExtractor, resetPolicy, processorName);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        Consumed<?, ?> that = (Consumed<?, ?>) o;
        return Objects.equals(keySerde, that.keySerde)
            && Objects.equals(valueSerde, that.valueSerde)
            && Objects.equals(timestampExtractor, that.timestampExtractor)
            && resetPolicy == that.resetPolicy;
    }

    @Override
    public int hashCode() {
        return Objects.hash(keySerde, valueSerde, timestampExtractor, resetPolicy);
    }
}
