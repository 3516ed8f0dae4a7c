package dev.millrace.streams.kstream.internals;

import dev.millrace.common.serialization.Serde;
import dev.millrace.streams.kstream.Joined;

import java.time.Duration;

/**
 * The engine's read-only view of a {@link Joined}. Null results mean "use the default".
 *
 * @param <K> the key type
 * @param <VLeft> the stream's value type
 * @param <VRight> the table's value type
 */
public class JoinedInternal<K, VLeft, VRight> extends Joined<K, VLeft, VRight> {

    /**
     * Copies the user's options.
     *
     * @param joined the options to copy
     */
    public JoinedInternal(Joined<K, VLeft, VRight> joined) {
        super(joined);
    }

    /** @return the grace period, or null */
    // Overrides a method Kafka deprecated on the public class; the internal view is the supported accessor.
    @SuppressWarnings("deprecation")
    @Override
    public Duration gracePeriod() {
        return gracePeriod;
    }

    /** @return the key serde, or null */
    // Overrides a method Kafka deprecated on the public class; the internal view is the supported accessor.
    @SuppressWarnings("deprecation")
    @Override
    public Serde<K> keySerde() {
        return keySerde;
    }

    /** @return the stream's value serde, or null */
    public Serde<VLeft> leftValueSerde() {
        return leftValueSerde;
    }

    /** @return the table's value serde, or null */
    public Serde<VRight> rightValueSerde() {
        return rightValueSerde;
    }

    /** @return the base name, or null */
    public String name() {
        return name;
    }
}
