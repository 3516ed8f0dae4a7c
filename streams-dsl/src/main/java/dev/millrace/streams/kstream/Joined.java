package dev.millrace.streams.kstream;

import dev.millrace.common.serialization.Serde;

import java.time.Duration;

/**
 * Options of a stream-table join: key serde, the serdes of the stream (left) and table (right) values, the base
 * name of the join's processors and repartition topics, and the grace period for which stream records wait for
 * out-of-order table updates (a versioned table only); mirrors Kafka's {@code Joined}. Unset fields are null.
 *
 * <p>Immutable: each {@code with*} method returns a new instance.
 *
 * @param <K> the key type
 * @param <VLeft> the stream's value type
 * @param <VRight> the table's value type
 */
public class Joined<K, VLeft, VRight> implements NamedOperation<Joined<K, VLeft, VRight>> {

    /** The key serde, or null for the default. */
    protected final Serde<K> keySerde;
    /** The stream's value serde, or null for the default. */
    protected final Serde<VLeft> leftValueSerde;
    /** The table's value serde, or null for the default. */
    protected final Serde<VRight> rightValueSerde;
    /** The base name, or null to generate one. */
    protected final String name;
    /** The grace period, or null for none. */
    protected final Duration gracePeriod;

    private Joined(Serde<K> keySerde, Serde<VLeft> leftValueSerde, Serde<VRight> rightValueSerde, String name,
                   Duration gracePeriod) {
        this.keySerde = keySerde;
        this.leftValueSerde = leftValueSerde;
        this.rightValueSerde = rightValueSerde;
        this.name = name;
        this.gracePeriod = gracePeriod;
    }

    /**
     * Copies another instance; for internal subclasses.
     *
     * @param joined the instance to copy
     */
    protected Joined(Joined<K, VLeft, VRight> joined) {
        this(joined.keySerde, joined.leftValueSerde, joined.rightValueSerde, joined.name, joined.gracePeriod);
    }

    /**
     * Creates an instance with serdes.
     *
     * @param keySerde the key serde, or null
     * @param leftValueSerde the stream's value serde, or null
     * @param rightValueSerde the table's value serde, or null
     * @param <K> the key type
     * @param <VLeft> the stream's value type
     * @param <VRight> the table's value type
     * @return the new instance
     */
    public static <K, VLeft, VRight> Joined<K, VLeft, VRight> with(Serde<K> keySerde, Serde<VLeft> leftValueSerde,
                                                                   Serde<VRight> rightValueSerde) {
        return new Joined<>(keySerde, leftValueSerde, rightValueSerde, null, null);
    }

    /**
     * Creates an instance with serdes and a base name.
     *
     * @param keySerde the key serde, or null
     * @param leftValueSerde the stream's value serde, or null
     * @param rightValueSerde the table's value serde, or null
     * @param name the base name, or null
     * @param <K> the key type
     * @param <VLeft> the stream's value type
     * @param <VRight> the table's value type
     * @return the new instance
     */
    public static <K, VLeft, VRight> Joined<K, VLeft, VRight> with(Serde<K> keySerde, Serde<VLeft> leftValueSerde,
                                                                   Serde<VRight> rightValueSerde, String name) {
        return new Joined<>(keySerde, leftValueSerde, rightValueSerde, name, null);
    }

    /**
     * Creates an instance with serdes, a base name and a grace period.
     *
     * @param keySerde the key serde, or null
     * @param leftValueSerde the stream's value serde, or null
     * @param rightValueSerde the table's value serde, or null
     * @param name the base name, or null
     * @param gracePeriod the grace period, or null
     * @param <K> the key type
     * @param <VLeft> the stream's value type
     * @param <VRight> the table's value type
     * @return the new instance
     */
    public static <K, VLeft, VRight> Joined<K, VLeft, VRight> with(Serde<K> keySerde, Serde<VLeft> leftValueSerde,
                                                                   Serde<VRight> rightValueSerde, String name,
                                                                   Duration gracePeriod) {
        return new Joined<>(keySerde, leftValueSerde, rightValueSerde, name, gracePeriod);
    }

    /**
     * Creates an instance with a key serde.
     *
     * @param keySerde the key serde, or null
     * @param <K> the key type
     * @param <VLeft> the stream's value type
     * @param <VRight> the table's value type
     * @return the new instance
     */
    public static <K, VLeft, VRight> Joined<K, VLeft, VRight> keySerde(Serde<K> keySerde) {
        return new Joined<>(keySerde, null, null, null, null);
    }

    /**
     * Creates an instance with the stream's value serde.
     *
     * @param leftValueSerde the stream's value serde, or null
     * @param <K> the key type
     * @param <VLeft> the stream's value type
     * @param <VRight> the table's value type
     * @return the new instance
     */
    public static <K, VLeft, VRight> Joined<K, VLeft, VRight> valueSerde(Serde<VLeft> leftValueSerde) {
        return new Joined<>(null, leftValueSerde, null, null, null);
    }

    /**
     * Creates an instance with the table's value serde.
     *
     * @param rightValueSerde the table's value serde, or null
     * @param <K> the key type
     * @param <VLeft> the stream's value type
     * @param <VRight> the table's value type
     * @return the new instance
     */
    public static <K, VLeft, VRight> Joined<K, VLeft, VRight> otherValueSerde(Serde<VRight> rightValueSerde) {
        return new Joined<>(null, null, rightValueSerde, null, null);
    }

    /**
     * Creates an instance with a base name.
     *
     * @param name the base name
     * @param <K> the key type
     * @param <VLeft> the stream's value type
     * @param <VRight> the table's value type
     * @return the new instance
     */
    public static <K, VLeft, VRight> Joined<K, VLeft, VRight> as(String name) {
        return new Joined<>(null, null, null, name, null);
    }

    /**
     * Returns a copy with the key serde replaced.
     *
     * @param keySerde the key serde, or null
     * @return a new instance
     */
    public Joined<K, VLeft, VRight> withKeySerde(Serde<K> keySerde) {
        return new Joined<>(keySerde, leftValueSerde, rightValueSerde, name, gracePeriod);
    }

    /**
     * Returns a copy with the stream's value serde replaced.
     *
     * @param leftValueSerde the serde, or null
     * @return a new instance
     */
    public Joined<K, VLeft, VRight> withValueSerde(Serde<VLeft> leftValueSerde) {
        return new Joined<>(keySerde, leftValueSerde, rightValueSerde, name, gracePeriod);
    }

    /**
     * Returns a copy with the table's value serde replaced.
     *
     * @param rightValueSerde the serde, or null
     * @return a new instance
     */
    public Joined<K, VLeft, VRight> withOtherValueSerde(Serde<VRight> rightValueSerde) {
        return new Joined<>(keySerde, leftValueSerde, rightValueSerde, name, gracePeriod);
    }

    @Override
    public Joined<K, VLeft, VRight> withName(String name) {
        return new Joined<>(keySerde, leftValueSerde, rightValueSerde, name, gracePeriod);
    }

    /**
     * Returns a copy with the grace period replaced.
     *
     * @param gracePeriod the grace period, or null
     * @return a new instance
     */
    public Joined<K, VLeft, VRight> withGracePeriod(Duration gracePeriod) {
        return new Joined<>(keySerde, leftValueSerde, rightValueSerde, name, gracePeriod);
    }

    /**
     * Returns the grace period.
     *
     * @return the grace period, or null
     * @deprecated as in Kafka; the engine reads it through the internal subclass
     */
    @Deprecated
    public Duration gracePeriod() {
        return gracePeriod;
    }

    /**
     * Returns the key serde.
     *
     * @return the key serde, or null
     * @deprecated as in Kafka; the engine reads it through the internal subclass
     */
    @Deprecated
    public Serde<K> keySerde() {
        return keySerde;
    }

    /**
     * Returns the stream's value serde.
     *
     * @return the serde, or null
     * @deprecated as in Kafka; the engine reads it through the internal subclass
     */
    @Deprecated
    public Serde<VLeft> valueSerde() {
        return leftValueSerde;
    }

    /**
     * Returns the table's value serde.
     *
     * @return the serde, or null
     * @deprecated as in Kafka; the engine reads it through the internal subclass
     */
    @Deprecated
    public Serde<VRight> otherValueSerde() {
        return rightValueSerde;
    }
}
