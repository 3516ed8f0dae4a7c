package dev.millrace.streams.query.internals;

import dev.millrace.streams.query.Position;
import dev.millrace.streams.query.QueryResult;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What succeeded and failed results share: the execution details collected on the way through the store layers
 * and the store position the answer corresponds to. Mutable while a store builds the result and confined to the
 * thread running the query; not thread-safe.
 *
 * @param <R> the result type of the query
 */
public abstract class AbstractQueryResult<R> implements QueryResult<R> {

    private final List<String> executionInfo;
    private Position position;

    /** Creates a result without execution details and without position. */
    protected AbstractQueryResult() {
        this.executionInfo = new ArrayList<>();
    }

    /**
     * Creates a result that starts with the given details and position.
     *
     * @param executionInfo the details collected so far; copied
     * @param position the store position, or null
     */
    protected AbstractQueryResult(List<String> executionInfo, Position position) {
        this.executionInfo = new ArrayList<>(executionInfo);
        this.position = position;
    }

    @Override
    public void addExecutionInfo(String message) {
        executionInfo.add(message);
    }

    @Override
    public void setPosition(Position position) {
        this.position = position;
    }

    /**
     * Returns the execution details, in the order the layers added them (innermost store first).
     *
     * @return an unmodifiable view of the details
     */
    @Override
    public List<String> getExecutionInfo() {
        return Collections.unmodifiableList(executionInfo);
    }

    @Override
    public Position getPosition() {
        return position;
    }
}
