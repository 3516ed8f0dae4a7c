package dev.millrace.common.time;

/**
 * The clock every time-dependent component takes as a port, so that the same code runs on the
 * system clock in production and on a {@link ManualTime} in deterministic tests. Main code never
 * calls {@code System.currentTimeMillis()}, {@code System.nanoTime()} or {@code Thread.sleep()}
 * directly.
 */
public interface Time {
    /** The system clock. */
    Time SYSTEM = new Time() {
        @Override
        public long milliseconds() {
            return System.currentTimeMillis();
        }

        @Override
        public long nanoseconds() {
            return System.nanoTime();
        }

        @Override
        public void sleep(long ms) throws InterruptedException {
            Thread.sleep(ms);
        }
    };

    /** Wall-clock time in milliseconds since the epoch (for timestamps, retention, segment age). */
    long milliseconds();

    /** Monotonic time in nanoseconds, for measuring intervals only. */
    long nanoseconds();

    /** Blocks for {@code ms} milliseconds of this clock's time (a manual clock just advances). */
    void sleep(long ms) throws InterruptedException;
}
