package dev.millrace.streams.query;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far the content of a store has come: for each input topic and partition, the highest offset whose effect
 * it holds. Components only move forward ({@link #withComponent} keeps the larger offset).
 *
 * <p>Mutable and thread-safe: a store updates its position on the processing thread while queries copy it from
 * others. Because it is mutable it refuses to serve as a hash key ({@link #hashCode()} throws).
 */
public class Position {

    private final ConcurrentHashMap<String, ConcurrentHashMap<Integer, Long>> offsets;

    private Position(ConcurrentHashMap<String, ConcurrentHashMap<Integer, Long>> offsets) {
        this.offsets = offsets;
    }

    /**
     * Creates a position with no component.
     *
     * @return a new empty position
     */
    public static Position emptyPosition() {
        return new Position(new ConcurrentHashMap<>());
    }

    /**
     * Creates a position from a map of topic to partition to offset; the map is copied.
     *
     * @param map the components
     * @return a new position
     */
    public static Position fromMap(Map<String, ? extends Map<Integer, Long>> map) {
        return new Position(deepCopy(map));
    }

    /**
     * Raises the offset of one component to {@code offset} if it is lower or absent.
     *
     * @param topic the topic
     * @param partition the partition
     * @param offset the offset reached
     * @return this position
     */
    public Position withComponent(String topic, int partition, long offset) {
        offsets.computeIfAbsent(topic, t -> new ConcurrentHashMap<>())
                .merge(partition, offset, Math::max);
        return this;
    }

    /**
     * Returns an independent copy.
     *
     * @return a new position with the same components
     */
    public Position copy() {
        return new Position(deepCopy(offsets));
    }

    /**
     * Raises every component of this position to at least the one of {@code other}.
     *
     * @param other another position, or null for none
     * @return this position
     */
    public Position merge(Position other) {
        if (other != null) {
            for (Map.Entry<String, ConcurrentHashMap<Integer, Long>> topic : other.offsets.entrySet()) {
                for (Map.Entry<Integer, Long> partition : topic.getValue().entrySet()) {
                    withComponent(topic.getKey(), partition.getKey(), partition.getValue());
                }
            }
        }
        return this;
    }

    /**
     * Returns the topics with at least one component.
     *
     * @return an unmodifiable view of the topics
     */
    public Set<String> getTopics() {
        return Collections.unmodifiableSet(offsets.keySet());
    }

    /**
     * Returns the offsets of one topic by partition.
     *
     * @param topic the topic
     * @return an unmodifiable view, empty if the topic has no component
     */
    public Map<Integer, Long> getPartitionPositions(String topic) {
        Map<Integer, Long> partitions = offsets.get(topic);
        return partitions == null ? Collections.emptyMap() : Collections.unmodifiableMap(partitions);
    }

    /**
     * Tells whether the position has no component.
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        return offsets.isEmpty();
    }

    private static ConcurrentHashMap<String, ConcurrentHashMap<Integer, Long>> deepCopy(
            Map<String, ? extends Map<Integer, Long>> map) {
        ConcurrentHashMap<String, ConcurrentHashMap<Integer, Long>> copy = new ConcurrentHashMap<>();
        if (map != null) {
            for (Map.Entry<String, ? extends Map<Integer, Long>> entry : map.entrySet()) {
                copy.put(entry.getKey(), new ConcurrentHashMap<>(entry.getValue()));
            }
        }
        return copy;
    }

    @Override
    public String toString() {
        return "Position{position=" + offsets + '}';
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (other == null || getClass() != other.getClass()) {
            return false;
        }
        return Objects.equals(offsets, ((Position) other).offsets);
    }

    /**
     * Refuses: a mutable position must not be a hash key.
     *
     * @return never
     * @throws UnsupportedOperationException always
     */
    @Override
    public int hashCode() {
        throw new UnsupportedOperationException("reason=mutablePositionIsNotAHashKey");
    }
}
