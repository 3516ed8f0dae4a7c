package dev.millrace.streams.query;

import dev.millrace.streams.state.KeyValueIterator;

import java.util.Optional;

/**
 * Scans the keys of a key-value store between two inclusive bounds, either of which may be open; the result is an
 * iterator the caller must close. Order is that of the serialized key bytes ({@link ResultOrder#ANY} and
 * {@link ResultOrder#ASCENDING} scan forward, {@link ResultOrder#DESCENDING} backward); an inverted range is empty.
 * On a timestamped store the values are plain (use {@link TimestampedRangeQuery} for the timestamps too).
 * Immutable.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class RangeQuery<K, V> implements Query<KeyValueIterator<K, V>> {

    private final Optional<K> lower;
    private final Optional<K> upper;
    private final ResultOrder order;

    private RangeQuery(Optional<K> lower, Optional<K> upper, ResultOrder order) {
        this.lower = lower;
        this.upper = upper;
        this.order = order;
    }

    /**
     * Creates a query for the keys between two inclusive bounds.
     *
     * @param lower the lower bound, or null for none
     * @param upper the upper bound, or null for none
     * @param <K> the key type
     * @param <V> the value type
     * @return the query
     */
    public static <K, V> RangeQuery<K, V> withRange(K lower, K upper) {
        return new RangeQuery<>(Optional.ofNullable(lower), Optional.ofNullable(upper), ResultOrder.ANY);
    }

    /**
     * Creates a query for the keys up to an inclusive bound.
     *
     * @param upper the upper bound, not null
     * @param <K> the key type
     * @param <V> the value type
     * @return the query
     * @throws NullPointerException if {@code upper} is null
     */
    public static <K, V> RangeQuery<K, V> withUpperBound(K upper) {
        return new RangeQuery<>(Optional.empty(), Optional.of(upper), ResultOrder.ANY);
    }

    /**
     * Creates a query for the keys from an inclusive bound.
     *
     * @param lower the lower bound, not null
     * @param <K> the key type
     * @param <V> the value type
     * @return the query
     * @throws NullPointerException if {@code lower} is null
     */
    public static <K, V> RangeQuery<K, V> withLowerBound(K lower) {
        return new RangeQuery<>(Optional.of(lower), Optional.empty(), ResultOrder.ANY);
    }

    /**
     * Creates a query for every key of the store.
     *
     * @param <K> the key type
     * @param <V> the value type
     * @return the query
     */
    public static <K, V> RangeQuery<K, V> withNoBounds() {
        return new RangeQuery<>(Optional.empty(), Optional.empty(), ResultOrder.ANY);
    }

    /**
     * Returns the same range in descending order of the serialized keys.
     *
     * @return a new query
     */
    public RangeQuery<K, V> withDescendingKeys() {
        return new RangeQuery<>(lower, upper, ResultOrder.DESCENDING);
    }

    /**
     * Returns the same range in ascending order of the serialized keys.
     *
     * @return a new query
     */
    public RangeQuery<K, V> withAscendingKeys() {
        return new RangeQuery<>(lower, upper, ResultOrder.ASCENDING);
    }

    /**
     * Returns the requested order.
     *
     * @return the order, {@link ResultOrder#ANY} unless set
     */
    public ResultOrder resultOrder() {
        return order;
    }

    /**
     * Returns the lower bound.
     *
     * @return the bound, empty if open
     */
    public Optional<K> getLowerBound() {
        return lower;
    }

    /**
     * Returns the upper bound.
     *
     * @return the bound, empty if open
     */
    public Optional<K> getUpperBound() {
        return upper;
    }
}
