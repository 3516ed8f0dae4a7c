package dev.millrace.server.handler;

import dev.millrace.common.TopicPartition;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Long-polling fetches waiting for data, indexed by the partitions they read. An append (or a high
 * watermark move) on a partition wakes every fetch waiting on it; the fetch then re-checks on its own
 * shard and completes or keeps waiting. Thread-safe: appends signal from partition shards, fetches
 * register and unregister from theirs.
 */
public final class FetchWaiters {
    private final ConcurrentHashMap<TopicPartition, Set<Waiter>> byPartition = new ConcurrentHashMap<>();

    /** Something waiting for data on some partitions. */
    public interface Waiter {
        /** Called from the appending thread; must only hand off (never block or read logs). */
        void wake();
    }

    public void register(TopicPartition partition, Waiter waiter) {
        byPartition.computeIfAbsent(partition, p -> ConcurrentHashMap.newKeySet()).add(waiter);
    }

    public void unregister(TopicPartition partition, Waiter waiter) {
        byPartition.computeIfPresent(partition, (p, set) -> {
            set.remove(waiter);
            return set.isEmpty() ? null : set;
        });
    }

    /** Wakes every fetch waiting on {@code partition}. */
    public void onAppend(TopicPartition partition) {
        Set<Waiter> waiting = byPartition.get(partition);
        if (waiting != null) {
            for (Waiter waiter : waiting) {
                waiter.wake();
            }
        }
    }

    /** Number of partition registrations (tests). */
    public int registrations() {
        int n = 0;
        for (Set<Waiter> set : byPartition.values()) {
            n += set.size();
        }
        return n;
    }
}
