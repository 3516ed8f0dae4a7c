package dev.millrace.streams.processor.internals;

import dev.millrace.streams.errors.ProcessorStateException;
import dev.millrace.streams.errors.StreamsException;
import dev.millrace.streams.processor.CommitCallback;
import dev.millrace.streams.processor.StateRestoreCallback;
import dev.millrace.streams.processor.StateStore;
import dev.millrace.streams.state.internals.CachedStateStore;
import dev.millrace.streams.state.internals.WrappedStateStore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stores of one task: opened in topology order, registered with their restore and commit callbacks, flushed
 * (caches first, so cached updates are forwarded downstream) on every commit and closed with the task.
 *
 * <p>Owning thread: the task's thread. Invariant: a store is registered at most once, during its own {@code init}.
 */
final class TaskStores {

    /** A registered store. */
    record Registered(StateStore store, StateRestoreCallback restoreCallback, CommitCallback commitCallback,
                      String changelogTopic) {
    }

    private final Map<String, String> changelogTopics;
    private final Map<String, Registered> registered = new LinkedHashMap<>();

    TaskStores(Map<String, String> changelogTopics) {
        this.changelogTopics = changelogTopics;
    }

    void init(TaskContext context, Iterable<StateStore> stores, List<ProcessorNode<?, ?, ?, ?>> nodes) {
        for (StateStore store : stores) {
            try {
                store.init(context, store);
            } catch (RuntimeException e) {
                List<String> users = new ArrayList<>();
                for (ProcessorNode<?, ?, ?, ?> node : nodes) {
                    if (node.stateStores().contains(store.name())) {
                        users.add(node.name());
                    }
                }
                throw new StreamsException("failed to initialize store " + store.name() + " of processors " + users
                        + " (task=" + context.taskId() + " store=" + store.name() + "): " + e.getMessage(), e,
                        context.taskId());
            }
            if (!registered.containsKey(store.name())) {
                throw new IllegalStateException("reason=storeNotRegistered store=" + store.name()
                        + ": a store must call register(...) from its init");
            }
            context.addStore(store);
        }
    }

    void register(StateStore store, StateRestoreCallback restoreCallback, CommitCallback commitCallback) {
        String name = store.name();
        if (registered.containsKey(name)) {
            throw new IllegalArgumentException("reason=storeAlreadyRegistered store=" + name);
        }
        if (restoreCallback == null) {
            throw new IllegalArgumentException("reason=nullRestoreCallback store=" + name);
        }
        registered.put(name, new Registered(store, restoreCallback, commitCallback, changelogTopics.get(name)));
    }

    /** @return the registered stores by name */
    Map<String, Registered> registered() {
        return registered;
    }

    void flush() {
        for (Registered entry : registered.values()) {
            try {
                entry.store().flush();
            } catch (StreamsException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new ProcessorStateException("reason=flushFailed store=" + entry.store().name(), e);
            }
        }
        for (Registered entry : registered.values()) {
            try {
                entry.commitCallback().onCommit();
            } catch (IOException e) {
                throw new ProcessorStateException("reason=commitCallbackFailed store=" + entry.store().name(), e);
            }
        }
    }

    /**
     * Flushes only the record caches, so cached updates are forwarded; the stores below are not made durable.
     * The test driver commits this way after every record (what a commit makes visible, without the cost of a
     * durable flush that nothing in a test can observe).
     */
    void flushCaches() {
        for (Registered entry : registered.values()) {
            StateStore layer = entry.store();
            while (layer instanceof WrappedStateStore<?> wrapped) {
                if (layer instanceof CachedStateStore<?, ?> cached) {
                    cached.flushCache();
                }
                layer = wrapped.wrapped();
            }
        }
    }

    void close() {
        RuntimeException first = null;
        for (Registered entry : registered.values()) {
            try {
                entry.store().close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        registered.clear();
        if (first != null) {
            throw new ProcessorStateException("reason=closeFailed", first);
        }
    }
}
