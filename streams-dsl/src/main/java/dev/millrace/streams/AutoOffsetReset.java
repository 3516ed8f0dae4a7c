package dev.millrace.streams;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a source starts reading when its application has no committed offset: {@link #earliest()},
 * {@link #latest()}, {@link #none()} (fail) or {@link #byDuration(Duration)} (that far back from now). Overrides the
 * consumer's {@code auto.offset.reset} for one source.
 */
public class AutoOffsetReset {

    /** The kinds of reset. */
    protected enum StrategyType {
        /** Fail when there is no committed offset. */
        NONE,
        /** Start at the log start. */
        EARLIEST,
        /** Start at the log end. */
        LATEST,
        /** Start at the first record not older than a duration. */
        BY_DURATION
    }

    /** The kind of reset. */
    protected final StrategyType offsetResetStrategy;
    /** The duration of a {@link StrategyType#BY_DURATION} reset. */
    protected final Optional<Duration> duration;

    private AutoOffsetReset(StrategyType offsetResetStrategy, Optional<Duration> duration) {
        this.offsetResetStrategy = offsetResetStrategy;
        this.duration = duration;
    }

    /**
     * Copies another reset policy (for internal subclasses).
     *
     * @param autoOffsetReset the policy to copy
     */
    protected AutoOffsetReset(AutoOffsetReset autoOffsetReset) {
        this(autoOffsetReset.offsetResetStrategy, autoOffsetReset.duration);
    }

    /** @return a policy that fails when there is no committed offset */
    public static AutoOffsetReset none() {
        return new AutoOffsetReset(StrategyType.NONE, Optional.empty());
    }

    /** @return a policy that starts at the log start */
    public static AutoOffsetReset earliest() {
        return new AutoOffsetReset(StrategyType.EARLIEST, Optional.empty());
    }

    /** @return a policy that starts at the log end */
    public static AutoOffsetReset latest() {
        return new AutoOffsetReset(StrategyType.LATEST, Optional.empty());
    }

    /**
     * Returns a policy that starts at the first record not older than {@code duration}.
     *
     * @param duration how far back, not negative
     * @return the policy
     * @throws IllegalArgumentException if the duration is negative
     */
    public static AutoOffsetReset byDuration(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("Duration cannot be negative");
        }
        return new AutoOffsetReset(StrategyType.BY_DURATION, Optional.of(duration));
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        AutoOffsetReset other = (AutoOffsetReset) o;
        return offsetResetStrategy == other.offsetResetStrategy && Objects.equals(duration, other.duration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(offsetResetStrategy, duration);
    }
}
