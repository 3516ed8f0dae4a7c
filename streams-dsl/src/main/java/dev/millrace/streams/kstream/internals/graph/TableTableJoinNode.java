package dev.millrace.streams.kstream.internals.graph;

import dev.millrace.streams.processor.internals.InternalTopologyBuilder;

/**
 * A KTable-KTable join: one processor below each input table (each reads the other side's store through a value
 * getter) and a merge processor below both. The node's name is the merge processor's name.
 */
public final class TableTableJoinNode extends GraphNode {

    private final ProcessorParameters thisJoin;
    private final ProcessorParameters otherJoin;
    private final ProcessorParameters merge;
    private final String thisSideNode;
    private final String otherSideNode;
    private final String[] thisStoreNames;
    private final String[] otherStoreNames;

    /**
     * Creates the node.
     *
     * @param thisJoin the processor below this table
     * @param otherJoin the processor below the other table
     * @param merge the merge processor
     * @param thisSideNode this table's node name
     * @param otherSideNode the other table's node name
     * @param thisStoreNames the stores behind this table's value getter
     * @param otherStoreNames the stores behind the other table's value getter
     */
    public TableTableJoinNode(ProcessorParameters thisJoin, ProcessorParameters otherJoin, ProcessorParameters merge,
                              String thisSideNode, String otherSideNode, String[] thisStoreNames,
                              String[] otherStoreNames) {
        super(merge.processorName());
        this.thisJoin = thisJoin;
        this.otherJoin = otherJoin;
        this.merge = merge;
        this.thisSideNode = thisSideNode;
        this.otherSideNode = otherSideNode;
        this.thisStoreNames = thisStoreNames.clone();
        this.otherStoreNames = otherStoreNames.clone();
    }

    @Override
    public void writeToTopology(InternalTopologyBuilder builder) {
        thisJoin.addProcessorTo(builder, thisSideNode);
        otherJoin.addProcessorTo(builder, otherSideNode);
        merge.addProcessorTo(builder, thisJoin.processorName(), otherJoin.processorName());
        builder.connectProcessorAndStateStores(thisJoin.processorName(), otherStoreNames);
        builder.connectProcessorAndStateStores(otherJoin.processorName(), thisStoreNames);
    }
}
