package dev.millrace.storage.log;

import java.util.ArrayList;
import java.util.List;

/**
 * Segments dropped from a log whose files (already renamed {@code *.deleted}) are removed only
 * after {@code file.delete.delay.ms}, so that reads still sending their bytes can finish. Owned by
 * the log's thread.
 */
final class DelayedSegmentDeletes {
    private record Pending(LogSegment segment, long dueMs) {
    }

    private final List<Pending> pending = new ArrayList<>();

    /** Deletes {@code segment}'s files at or after {@code dueMs}. */
    void schedule(LogSegment segment, long dueMs) {
        pending.add(new Pending(segment, dueMs));
    }

    /** Closes and deletes every segment due at {@code nowMs} ({@code Long.MAX_VALUE}: all of them). */
    void deleteDue(long nowMs) {
        pending.removeIf(p -> {
            if (p.dueMs() <= nowMs) {
                p.segment().deleteIfExists();
                return true;
            }
            return false;
        });
    }
}
