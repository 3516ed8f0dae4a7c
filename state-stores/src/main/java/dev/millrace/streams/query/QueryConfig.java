package dev.millrace.streams.query;

/** Options of a query run against one store. Immutable. */
public class QueryConfig {

    final boolean collectExecutionInfo;

    /**
     * Creates options.
     *
     * @param collectExecutionInfo whether stores add execution details to the result
     */
    public QueryConfig(boolean collectExecutionInfo) {
        this.collectExecutionInfo = collectExecutionInfo;
    }

    /**
     * Tells whether stores add execution details to the result.
     *
     * @return true to collect execution info
     */
    public boolean isCollectExecutionInfo() {
        return collectExecutionInfo;
    }
}
