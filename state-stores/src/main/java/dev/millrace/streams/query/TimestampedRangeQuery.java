package dev.millrace.streams.query;

import dev.millrace.streams.state.KeyValueIterator;
import dev.millrace.streams.state.ValueAndTimestamp;

import java.util.Optional;

/**
 * Scans the keys of a timestamped key-value store between two inclusive bounds, returning values with their
 * timestamps; bounds, order and closing are as for {@link RangeQuery}. Stores that are not timestamped answer it
 * with {@link FailureReason#UNKNOWN_QUERY_TYPE}. Immutable.
 *
 * @param <K> the key type
 * @param <V> the plain value type
 */
public final class TimestampedRangeQuery<K, V> implements Query<KeyValueIterator<K, ValueAndTimestamp<V>>> {

    private final Optional<K> lower;
    private final Optional<K> upper;
    private final ResultOrder order;

    private TimestampedRangeQuery(Optional<K> lower, Optional<K> upper, ResultOrder order) {
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
     * @param <V> the plain value type
     * @return the query
     */
    public static <K, V> TimestampedRangeQuery<K, V> withRange(K lower, K upper) {
        return new TimestampedRangeQuery<>(Optional.ofNullable(lower), Optional.ofNullable(upper), ResultOrder.ANY);
    }

    /**
     * Creates a query for the keys up to an inclusive bound.
     *
     * @param upper the upper bound, not null
     * @param <K> the key type
     * @param <V> the plain value type
     * @return the query
     * @throws NullPointerException if {@code upper} is null
     */
    public static <K, V> TimestampedRangeQuery<K, V> withUpperBound(K upper) {
        return new TimestampedRangeQuery<>(Optional.empty(), Optional.of(upper), ResultOrder.ANY);
    }

    /**
     * Creates a query for the keys from an inclusive bound.
     *
     * @param lower the lower bound, not null
     * @param <K> the key type
     * @param <V> the plain value type
     * @return the query
     * @throws NullPointerException if {@code lower} is null
     */
    public static <K, V> TimestampedRangeQuery<K, V> withLowerBound(K lower) {
        return new TimestampedRangeQuery<>(Optional.of(lower), Optional.empty(), ResultOrder.ANY);
    }

    /**
     * Creates a query for every key of the store.
     *
     * @param <K> the key type
     * @param <V> the plain value type
     * @return the query
     */
    public static <K, V> TimestampedRangeQuery<K, V> withNoBounds() {
        return new TimestampedRangeQuery<>(Optional.empty(), Optional.empty(), ResultOrder.ANY);
    }

    /**
     * Returns the same range in descending order of the serialized keys.
     *
     * @return a new query
     */
    public TimestampedRangeQuery<K, V> withDescendingKeys() {
        return new TimestampedRangeQuery<>(lower, upper, ResultOrder.DESCENDING);
    }

    /**
     * Returns the same range in ascending order of the serialized keys.
     *
     * @return a new query
     */
    public TimestampedRangeQuery<K, V> withAscendingKeys() {
        return new TimestampedRangeQuery<>(lower, upper, ResultOrder.ASCENDING);
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
    public Optional<K> lowerBound() {
        return lower;
    }

    /**
     * Returns the upper bound.
     *
     * @return the bound, empty if open
     */
    public Optional<K> upperBound() {
        return upper;
    }
}
