package dev.millrace.streams.query;

import java.util.Optional;
import java.util.Set;

/**
 * A query addressed to the partitions of a named store, with the freshness it requires: a {@link PositionBound}
 * (unbounded by default), the partitions to ask (all by default), whether execution details should be collected
 * (no by default) and whether only active copies may answer (no by default). Immutable: every {@code with} method
 * returns a new request. Built with {@code StateQueryRequest.inStore(name).withQuery(query)}.
 *
 * @param <R> the result type of the query
 */
public class StateQueryRequest<R> {

    private final String storeName;
    private final PositionBound position;
    private final Optional<Set<Integer>> partitions;
    private final Query<R> query;
    private final boolean executionInfoEnabled;
    private final boolean requireActive;

    private StateQueryRequest(String storeName, PositionBound position, Optional<Set<Integer>> partitions,
                              Query<R> query, boolean executionInfoEnabled, boolean requireActive) {
        this.storeName = storeName;
        this.position = position;
        this.partitions = partitions;
        this.query = query;
        this.executionInfoEnabled = executionInfoEnabled;
        this.requireActive = requireActive;
    }

    /**
     * Starts a request to the store with the given name.
     *
     * @param name the store name
     * @return the first step of the request
     */
    public static InStore inStore(String name) {
        return new InStore(name);
    }

    /**
     * Returns the same request with a freshness bound.
     *
     * @param positionBound the bound every answering partition must have reached
     * @return a new request
     */
    public StateQueryRequest<R> withPositionBound(PositionBound positionBound) {
        return new StateQueryRequest<>(storeName, positionBound, partitions, query, executionInfoEnabled,
                requireActive);
    }

    /**
     * Returns the same request addressed to every partition of the store.
     *
     * @return a new request
     */
    public StateQueryRequest<R> withAllPartitions() {
        return new StateQueryRequest<>(storeName, position, Optional.empty(), query, executionInfoEnabled,
                requireActive);
    }

    /**
     * Returns the same request addressed to the given partitions.
     *
     * @param partitions the partitions; copied, not null and without null elements
     * @return a new request
     * @throws NullPointerException if {@code partitions} or one of its elements is null
     */
    public StateQueryRequest<R> withPartitions(Set<Integer> partitions) {
        return new StateQueryRequest<>(storeName, position, Optional.of(Set.copyOf(partitions)), query,
                executionInfoEnabled, requireActive);
    }

    /**
     * Returns the same request asking the stores to collect execution details.
     *
     * @return a new request
     */
    public StateQueryRequest<R> enableExecutionInfo() {
        return new StateQueryRequest<>(storeName, position, partitions, query, true, requireActive);
    }

    /**
     * Returns the same request that only active, running copies of the store may answer.
     *
     * @return a new request
     */
    public StateQueryRequest<R> requireActive() {
        return new StateQueryRequest<>(storeName, position, partitions, query, executionInfoEnabled, true);
    }

    /**
     * Returns the store name.
     *
     * @return the name
     */
    public String getStoreName() {
        return storeName;
    }

    /**
     * Returns the freshness bound.
     *
     * @return the bound
     */
    public PositionBound getPositionBound() {
        return position;
    }

    /**
     * Returns the query.
     *
     * @return the query
     */
    public Query<R> getQuery() {
        return query;
    }

    /**
     * Tells whether every partition is asked.
     *
     * @return true unless {@link #withPartitions} was used last
     */
    public boolean isAllPartitions() {
        return partitions.isEmpty();
    }

    /**
     * Returns the partitions asked.
     *
     * @return an unmodifiable set
     * @throws IllegalStateException if the request is addressed to all partitions
     */
    public Set<Integer> getPartitions() {
        if (partitions.isEmpty()) {
            throw new IllegalStateException("reason=allPartitionsRequest store=" + storeName);
        }
        return partitions.get();
    }

    /**
     * Tells whether execution details are collected.
     *
     * @return true if enabled
     */
    public boolean executionInfoEnabled() {
        return executionInfoEnabled;
    }

    /**
     * Tells whether only active copies may answer.
     *
     * @return true if required
     */
    public boolean isRequireActive() {
        return requireActive;
    }

    /** The first step of a request: the store is known, the query not yet. Immutable. */
    public static class InStore {

        private final String name;

        private InStore(String name) {
            this.name = name;
        }

        /**
         * Completes the request with its query and the defaults: unbounded, all partitions, no execution details,
         * any copy may answer.
         *
         * @param query the query
         * @param <R> the result type of the query
         * @return the request
         */
        public <R> StateQueryRequest<R> withQuery(Query<R> query) {
            return new StateQueryRequest<>(name, PositionBound.unbounded(), Optional.empty(), query, false, false);
        }
    }
}
