package dev.millrace.common.time;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when told to, for deterministic tests and simulations. {@link #sleep}
 * advances it instead of blocking. Safe to read from any thread; advance it from one.
 */
public final class ManualTime implements Time {
    private final AtomicLong nowMs;
    private final AtomicLong nowNs;

    /** Starts at {@code startMs} wall-clock milliseconds. */
    public ManualTime(long startMs) {
        this.nowMs = new AtomicLong(startMs);
        this.nowNs = new AtomicLong(startMs * 1_000_000L);
    }

    @Override
    public long milliseconds() {
        return nowMs.get();
    }

    @Override
    public long nanoseconds() {
        return nowNs.get();
    }

    @Override
    public void sleep(long ms) {
        advance(ms);
    }

    /** Moves the clock forward by {@code ms} (not backward: negative values are refused). */
    public void advance(long ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("advanceMs=" + ms + " reason=clockCannotGoBackwards");
        }
        nowMs.addAndGet(ms);
        nowNs.addAndGet(ms * 1_000_000L);
    }
}
