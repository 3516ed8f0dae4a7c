package dev.millrace.storage.flush;

/**
 * When a partition log forces its appended data to disk, from Kafka's settings
 * {@value #FLUSH_INTERVAL_MESSAGES_CONFIG} (topic override {@value #TOPIC_FLUSH_MESSAGES_CONFIG})
 * and {@value #FLUSH_INTERVAL_MS_CONFIG} (topic override {@value #TOPIC_FLUSH_MS_CONFIG}).
 *
 * <p>The defaults are {@link Long#MAX_VALUE} for both, as in Kafka: the log never fsyncs on the
 * write path and relies on the page cache plus replication for durability (and on recovery after
 * an unclean shutdown). Setting {@code intervalMessages} to 1 fsyncs after every append, which is
 * where {@link GroupCommitFlusher} lets concurrent appenders share fsyncs.
 *
 * <p>Invariants (checked): {@code intervalMessages >= 1} and {@code intervalMs >= 0}, the ranges
 * Kafka accepts for {@code flush.messages} and {@code flush.ms}. Immutable and thread-safe.
 *
 * @param intervalMessages flush once this many messages are unflushed
 * @param intervalMs flush once the oldest unflushed data is this old, in milliseconds
 */
public record FlushPolicy(long intervalMessages, long intervalMs) {
    /** Broker setting: messages accumulated before a flush. */
    public static final String FLUSH_INTERVAL_MESSAGES_CONFIG = "log.flush.interval.messages";
    /** Broker setting: milliseconds before unflushed data is flushed. */
    public static final String FLUSH_INTERVAL_MS_CONFIG = "log.flush.interval.ms";
    /** Topic-level override of {@value #FLUSH_INTERVAL_MESSAGES_CONFIG}. */
    public static final String TOPIC_FLUSH_MESSAGES_CONFIG = "flush.messages";
    /** Topic-level override of {@value #FLUSH_INTERVAL_MS_CONFIG}. */
    public static final String TOPIC_FLUSH_MS_CONFIG = "flush.ms";
    /** Kafka's default for {@value #FLUSH_INTERVAL_MESSAGES_CONFIG}: never by count. */
    public static final long DEFAULT_INTERVAL_MESSAGES = Long.MAX_VALUE;
    /** Kafka's default for {@value #FLUSH_INTERVAL_MS_CONFIG}: never by time. */
    public static final long DEFAULT_INTERVAL_MS = Long.MAX_VALUE;
    /** Kafka's defaults: no fsync on the write path. */
    public static final FlushPolicy DEFAULT = new FlushPolicy(DEFAULT_INTERVAL_MESSAGES, DEFAULT_INTERVAL_MS);

    /** Checks the ranges (see the class comment). */
    public FlushPolicy {
        if (intervalMessages < 1) {
            throw new IllegalArgumentException(FLUSH_INTERVAL_MESSAGES_CONFIG + "=" + intervalMessages
                    + " reason=mustBeAtLeast1");
        }
        if (intervalMs < 0) {
            throw new IllegalArgumentException(FLUSH_INTERVAL_MS_CONFIG + "=" + intervalMs + " reason=mustBeAtLeast0");
        }
    }

    /** A policy that fsyncs after every append ({@code intervalMessages=1}). */
    public static FlushPolicy everyAppend() {
        return new FlushPolicy(1, DEFAULT_INTERVAL_MS);
    }

    /** True when every append is followed by an fsync. */
    public boolean flushesEveryAppend() {
        return intervalMessages == 1;
    }

    /**
     * Whether the log must flush now. Nothing is flushed when nothing is unflushed; otherwise a
     * flush is due once {@code unflushedMessages >= intervalMessages} or
     * {@code msSinceLastFlush >= intervalMs}. A negative {@code msSinceLastFlush} (the wall clock
     * stepped back) never triggers the time rule.
     *
     * @throws IllegalArgumentException if {@code unflushedMessages} is negative
     */
    public boolean shouldFlush(long unflushedMessages, long msSinceLastFlush) {
        if (unflushedMessages < 0) {
            throw new IllegalArgumentException("unflushedMessages=" + unflushedMessages + " reason=negative");
        }
        if (unflushedMessages == 0) {
            return false;
        }
        return unflushedMessages >= intervalMessages || msSinceLastFlush >= intervalMs;
    }
}
