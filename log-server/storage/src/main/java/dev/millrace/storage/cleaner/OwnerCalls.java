package dev.millrace.storage.cleaner;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs tasks on a partition log's owner thread, through the executor the owner provides, and waits
 * for their result; also the abort switch of one cleaning.
 *
 * <p>Why: a {@code PartitionLog} is owned by one thread. The cleaner reads only immutable
 * (non-active) segments itself; every read of mutable state (offsets, segment list, producer state,
 * transaction indexes) and the segment swap run as tasks on the owner. With {@code Runnable::run}
 * as executor (deterministic tests) tasks run inline on the caller.
 *
 * <p>Abort protocol: {@link #abort()} sets a flag that {@link #checkNotAborted} turns into
 * {@link CleaningAbortedException}, and cancels the hand-off being waited for if the owner has
 * not started it yet. A task the owner has started always runs to the end and its result is
 * delivered: a swap is never half-cancelled. The waiting thread is never interrupted (an
 * interrupt during file I/O would close channels shared with the log).
 *
 * <p>Threading: thread-safe. One cleaning thread calls {@link #call}; any thread may call
 * {@link #abort()}.
 */
final class OwnerCalls {
    private final Consumer<Runnable> executor;
    private volatile boolean aborted;
    /** The hand-off being waited for, if any. Guarded by {@code this}. */
    private Handoff<?> pending;

    OwnerCalls(Consumer<Runnable> executor) {
        this.executor = Objects.requireNonNull(executor, "ownerExecutor");
    }

    /**
     * Runs {@code task} on the owner thread and returns its result (or rethrows its exception).
     *
     * @throws CleaningAbortedException if aborted before the owner started the task, or if the
     *     executor refused it
     */
    <T> T call(String what, Supplier<T> task) {
        Handoff<T> handoff = new Handoff<>(task);
        synchronized (this) {
            checkNotAborted(what);
            pending = handoff;
        }
        try {
            try {
                executor.accept(handoff);
            } catch (RuntimeException e) {
                throw new CleaningAbortedException("task=" + what + " reason=ownerExecutorRefusedTask", e);
            }
            return handoff.await(what);
        } finally {
            synchronized (this) {
                pending = null;
            }
        }
    }

    /** Asks the cleaning to stop; cancels the pending hand-off unless the owner already runs it. */
    void abort() {
        aborted = true;
        Handoff<?> current;
        synchronized (this) {
            current = pending;
        }
        if (current != null) {
            current.cancel();
        }
    }

    boolean isAborted() {
        return aborted;
    }

    /** Throws {@link CleaningAbortedException} if {@link #abort()} was called. */
    void checkNotAborted(String where) {
        if (aborted) {
            throw new CleaningAbortedException("at=" + where + " reason=cleaningAborted");
        }
    }

    /** One task: PENDING, then RUNNING (on the owner) or CANCELLED, whichever comes first. */
    private static final class Handoff<T> implements Runnable {
        private static final int PENDING = 0;
        private static final int RUNNING = 1;
        private static final int CANCELLED = 2;

        private final Supplier<T> task;
        private final AtomicInteger state = new AtomicInteger(PENDING);
        private final CompletableFuture<T> result = new CompletableFuture<>();

        Handoff(Supplier<T> task) {
            this.task = task;
        }

        @Override
        public void run() {
            if (!state.compareAndSet(PENDING, RUNNING)) {
                return;
            }
            try {
                result.complete(task.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            } catch (Error e) {
                result.completeExceptionally(e);
                throw e;
            }
        }

        void cancel() {
            if (state.compareAndSet(PENDING, CANCELLED)) {
                result.cancel(false);
            }
        }

        T await(String what) {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return result.get();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    } catch (CancellationException e) {
                        throw new CleaningAbortedException("task=" + what + " reason=cancelledBeforeOwnerRanIt", e);
                    } catch (ExecutionException e) {
                        Throwable cause = e.getCause();
                        if (cause instanceof RuntimeException runtime) {
                            throw runtime;
                        }
                        if (cause instanceof Error error) {
                            throw error;
                        }
                        throw new IllegalStateException("task=" + what + " reason=unexpectedCheckedException", cause);
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
