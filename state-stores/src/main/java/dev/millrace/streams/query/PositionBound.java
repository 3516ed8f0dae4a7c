package dev.millrace.streams.query;

import java.util.Objects;

/**
 * The freshness a query requires: either none ({@link #unbounded()}) or a position the store must have reached in
 * every component. Immutable (the position is copied).
 */
public class PositionBound {

    private final Position position;

    private PositionBound(Position position) {
        this.position = position;
    }

    /**
     * Returns the bound that every store satisfies.
     *
     * @return the unbounded bound
     */
    public static PositionBound unbounded() {
        return new PositionBound(Position.emptyPosition());
    }

    /**
     * Returns a bound requiring at least the given position.
     *
     * @param position the position to reach; copied
     * @return the bound
     */
    public static PositionBound at(Position position) {
        return new PositionBound(position.copy());
    }

    /**
     * Tells whether this bound requires nothing.
     *
     * @return true for the unbounded bound
     */
    public boolean isUnbounded() {
        return position.isEmpty();
    }

    /**
     * Returns the position to reach.
     *
     * @return the position (empty when unbounded)
     */
    public Position position() {
        return position;
    }

    @Override
    public String toString() {
        return "PositionBound{position=" + position + '}';
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (other == null || getClass() != other.getClass()) {
            return false;
        }
        return Objects.equals(position, ((PositionBound) other).position);
    }

    /**
     * Refuses, like {@link Position#hashCode()}.
     *
     * @return never
     * @throws UnsupportedOperationException always
     */
    @Override
    public int hashCode() {
        throw new UnsupportedOperationException("reason=mutablePositionIsNotAHashKey");
    }
}
