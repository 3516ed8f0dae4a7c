package dev.millrace.streams.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Holds what succeeded and failed results share: execution details and position. Not thread-safe. */
abstract class AbstractQueryResult<R> implements QueryResult<R> {

    private final List<String> executionInfo = new ArrayList<>();
    private Position position;

    @Override
    public void addExecutionInfo(String message) {
        executionInfo.add(message);
    }

    @Override
    public void setPosition(Position position) {
        this.position = position;
    }

    @Override
    public List<String> getExecutionInfo() {
        return Collections.unmodifiableList(executionInfo);
    }

    @Override
    public Position getPosition() {
        return position;
    }
}
