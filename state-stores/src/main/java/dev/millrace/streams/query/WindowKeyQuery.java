package dev.millrace.streams.query;

import dev.millrace.streams.state.WindowStoreIterator;

import java.time.Instant;
import java.util.Optional;

/**
 * Fetches the windows of one key in a window store whose start lies in a closed time range; the result is an
 * iterator over window start times and values, in time order, that the caller must close. On a timestamped window
 * store the values are {@code ValueAndTimestamp}s. Immutable.
 *
 * <p>Kafka Streams 4.3 swaps the two times inside this class ({@code getTimeFrom()} returns the end of the range);
 * its store layers swap them back, so its answers are right. This class keeps them where they belong, which gives
 * the same answers through the store layers and the right range to a store queried directly.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class WindowKeyQuery<K, V> implements Query<WindowStoreIterator<V>> {

    private final K key;
    private final Optional<Instant> timeFrom;
    private final Optional<Instant> timeTo;

    private WindowKeyQuery(K key, Optional<Instant> timeFrom, Optional<Instant> timeTo) {
        this.key = key;
        this.timeFrom = timeFrom;
        this.timeTo = timeTo;
    }

    /**
     * Creates a query for the windows of {@code key} starting between {@code timeFrom} and {@code timeTo}, both
     * inclusive.
     *
     * @param key the key
     * @param timeFrom the earliest window start, not null
     * @param timeTo the latest window start, not null
     * @param <K> the key type
     * @param <V> the value type
     * @return the query
     * @throws NullPointerException if a time is null
     */
    public static <K, V> WindowKeyQuery<K, V> withKeyAndWindowStartRange(K key, Instant timeFrom, Instant timeTo) {
        return new WindowKeyQuery<>(key, Optional.of(timeFrom), Optional.of(timeTo));
    }

    /**
     * Returns the key.
     *
     * @return the key
     */
    public K getKey() {
        return key;
    }

    /**
     * Returns the earliest window start.
     *
     * @return the time
     */
    public Optional<Instant> getTimeFrom() {
        return timeFrom;
    }

    /**
     * Returns the latest window start.
     *
     * @return the time
     */
    public Optional<Instant> getTimeTo() {
        return timeTo;
    }

    @Override
    public String toString() {
        return "WindowKeyQuery{key=" + key + ", timeFrom=" + timeFrom + ", timeTo=" + timeTo + '}';
    }
}
