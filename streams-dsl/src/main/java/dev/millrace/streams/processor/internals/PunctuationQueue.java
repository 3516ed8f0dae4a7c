package dev.millrace.streams.processor.internals;

import dev.millrace.streams.processor.Cancellable;
import dev.millrace.streams.processor.PunctuationType;
import dev.millrace.streams.processor.Punctuator;

import java.util.PriorityQueue;

/**
 * The scheduled punctuations of one task for one {@link PunctuationType}, ordered by due time (ties in scheduling
 * order). {@link #mayPunctuate} fires every due schedule once with the current time and re-schedules it at the next
 * multiple of its interval after that time (missed intervals are skipped, not replayed), as Kafka Streams does.
 *
 * <p>Owning thread: the task's thread. A punctuator may cancel its own or other schedules while running.
 */
final class PunctuationQueue {

    /** Calls a punctuator for a node; the task sets up the node's context around the call. */
    @FunctionalInterface
    interface NodePunctuator {
        void punctuate(ProcessorNode<?, ?, ?, ?> node, long timestamp, PunctuationType type, Punctuator punctuator);
    }

    private final PriorityQueue<Schedule> queue = new PriorityQueue<>((a, b) -> a.due != b.due
            ? Long.compare(a.due, b.due) : Long.compare(a.sequence, b.sequence));
    private long nextSequence;

    /**
     * Adds a schedule.
     *
     * @param node the node that scheduled it
     * @param due the first due time
     * @param interval the interval in milliseconds, positive
     * @param punctuator the callback
     * @return the handle that cancels it
     */
    Cancellable schedule(ProcessorNode<?, ?, ?, ?> node, long due, long interval, Punctuator punctuator) {
        Schedule schedule = new Schedule(node, due, interval, punctuator, nextSequence++);
        queue.add(schedule);
        return schedule;
    }

    /**
     * Fires every schedule due at {@code now}.
     *
     * @param now the stream time or wall-clock time
     * @param type the type, passed to the punctuator wrapper
     * @param punctuator calls the schedule's punctuator with the node's context
     * @return whether any punctuator ran
     */
    boolean mayPunctuate(long now, PunctuationType type, NodePunctuator punctuator) {
        boolean punctuated = false;
        Schedule top = queue.peek();
        while (top != null && top.due <= now) {
            queue.poll();
            if (!top.cancelled) {
                punctuator.punctuate(top.node, now, type, top.punctuator);
                if (!top.cancelled) {
                    top.advance(now);
                    top.sequence = nextSequence++;
                    queue.add(top);
                }
                punctuated = true;
            }
            top = queue.peek();
        }
        return punctuated;
    }

    /**
     * Returns whether a live schedule is due.
     *
     * @param now the time
     * @return whether {@link #mayPunctuate} would call something
     */
    boolean canPunctuate(long now) {
        Schedule top = queue.peek();
        while (top != null && top.due <= now) {
            if (!top.cancelled) {
                return true;
            }
            queue.poll();
            top = queue.peek();
        }
        return false;
    }

    /** @return the earliest due time of a live schedule, or {@code Long.MAX_VALUE} */
    long nextDue() {
        return queue.stream().filter(s -> !s.cancelled).mapToLong(s -> s.due).min().orElse(Long.MAX_VALUE);
    }

    /** Drops every schedule. */
    void close() {
        queue.clear();
    }

    private static final class Schedule implements Cancellable {
        final ProcessorNode<?, ?, ?, ?> node;
        final long interval;
        final Punctuator punctuator;
        long due;
        long sequence;
        boolean cancelled;

        Schedule(ProcessorNode<?, ?, ?, ?> node, long due, long interval, Punctuator punctuator, long sequence) {
            this.node = node;
            this.due = due;
            this.interval = interval;
            this.punctuator = punctuator;
            this.sequence = sequence;
        }

        void advance(long now) {
            long next = due + interval;
            if (now >= next) {
                next = due + ((now - due) / interval + 1) * interval;
            }
            due = next;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}
