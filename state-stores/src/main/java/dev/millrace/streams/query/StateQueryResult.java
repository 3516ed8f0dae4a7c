package dev.millrace.streams.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The answers to a {@link StateQueryRequest}: one {@link QueryResult} per store partition asked, or one global
 * result for a global store. Mutable while the runtime collects the answers; not thread-safe.
 *
 * @param <R> the result type of the query
 */
public class StateQueryResult<R> {

    private final Map<Integer, QueryResult<R>> partitionResults = new HashMap<>();
    private QueryResult<R> globalResult;

    /** Creates an empty result. */
    public StateQueryResult() {
    }

    /**
     * Sets the answer of a global store.
     *
     * @param r the answer
     */
    public void setGlobalResult(QueryResult<R> r) {
        this.globalResult = r;
    }

    /**
     * Records the answer of one partition, replacing an earlier one.
     *
     * @param partition the partition
     * @param r its answer
     */
    public void addResult(int partition, QueryResult<R> r) {
        partitionResults.put(partition, r);
    }

    /**
     * Returns the answers by partition.
     *
     * @return the live map of answers
     */
    public Map<Integer, QueryResult<R>> getPartitionResults() {
        return partitionResults;
    }

    /**
     * Returns the one successful answer with a non-null result, for queries that only one partition can answer
     * (such as a key lookup).
     *
     * @return the answer, or null if no partition has one
     * @throws IllegalArgumentException if more than one partition has one
     */
    public QueryResult<R> getOnlyPartitionResult() {
        List<QueryResult<R>> nonEmpty = new ArrayList<>();
        for (QueryResult<R> result : partitionResults.values()) {
            if (result.isSuccess() && result.getResult() != null) {
                nonEmpty.add(result);
            }
        }
        if (nonEmpty.size() > 1) {
            throw new IllegalArgumentException("reason=moreThanOnePartitionResult partitions="
                    + partitionResults.keySet() + " results=" + partitionResults);
        }
        return nonEmpty.isEmpty() ? null : nonEmpty.get(0);
    }

    /**
     * Returns the answer of a global store.
     *
     * @return the answer, or null if none was set
     */
    public QueryResult<R> getGlobalResult() {
        return globalResult;
    }

    /**
     * Returns the position of the answers: that of the global answer if there is one, else the merge of the
     * positions of the partition answers (a new object).
     *
     * @return the position
     */
    public Position getPosition() {
        if (globalResult != null) {
            return globalResult.getPosition();
        }
        Position position = Position.emptyPosition();
        for (QueryResult<R> result : partitionResults.values()) {
            position.merge(result.getPosition());
        }
        return position;
    }

    @Override
    public String toString() {
        return "StateQueryResult{partitionResults=" + partitionResults + ", globalResult=" + globalResult + '}';
    }
}
