package dev.millrace.streams.kstream.internals.graph;

import dev.millrace.streams.processor.internals.InternalTopologyBuilder;

/**
 * A node that adds one processor below its parents and, when store names are given, connects it to those stores
 * (stores owned by other operations: {@code process(..., storeNames)}, stream-table joins, value getters).
 */
public class ProcessorGraphNode extends GraphNode {

    private final ProcessorParameters parameters;
    private final String[] storeNames;

    /**
     * Creates a node without store connections.
     *
     * @param nodeName the node name
     * @param parameters the processor
     */
    public ProcessorGraphNode(String nodeName, ProcessorParameters parameters) {
        this(nodeName, parameters, new String[0]);
    }

    /**
     * Creates a node connected to stores.
     *
     * @param nodeName the node name
     * @param parameters the processor
     * @param storeNames the stores to connect, possibly empty
     */
    public ProcessorGraphNode(String nodeName, ProcessorParameters parameters, String[] storeNames) {
        super(nodeName);
        this.parameters = parameters;
        this.storeNames = storeNames.clone();
    }

    /** @return the processor */
    public ProcessorParameters processorParameters() {
        return parameters;
    }

    @Override
    public void writeToTopology(InternalTopologyBuilder builder) {
        parameters.addProcessorTo(builder, parentNodeNames());
        if (storeNames.length > 0) {
            builder.connectProcessorAndStateStores(parameters.processorName(), storeNames);
        }
    }
}
