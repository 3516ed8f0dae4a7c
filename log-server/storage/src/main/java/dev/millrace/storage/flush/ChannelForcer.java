package dev.millrace.storage.flush;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * Forces a channel's written data to the storage device; the one operation
 * {@link GroupCommitFlusher} performs. Production uses {@link #FSYNC}; tests inject a forcer that
 * counts calls, fails on purpose, or holds a call until released. Implementations are called from
 * the flusher thread only, one call at a time.
 */
@FunctionalInterface
public interface ChannelForcer {
    /**
     * {@code channel.force(true)}: file content and metadata (the file length grows with every
     * append, and recovery relies on it), as Kafka flushes log segments.
     */
    ChannelForcer FSYNC = channel -> channel.force(true);

    /** Forces {@code channel}; returns once its data written so far is durable. */
    void force(FileChannel channel) throws IOException;
}
