package dev.millrace.streams.processor.internals;

import dev.millrace.streams.errors.internals.FailedProcessingException;
import dev.millrace.streams.processor.api.FixedKeyProcessor;
import dev.millrace.streams.processor.api.InternalFixedKeyRecordFactory;
import dev.millrace.streams.processor.api.Processor;
import dev.millrace.streams.processor.api.Record;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One node of a task's processor graph: a user or DSL {@link Processor} (or {@link FixedKeyProcessor}), its children
 * and the names of the stores it may access. Sources and sinks are subclasses.
 *
 * <p>Owning thread: the task's thread. The children are fixed once the task's topology is built.
 *
 * @param <KIn> the input key type
 * @param <VIn> the input value type
 * @param <KOut> the output key type
 * @param <VOut> the output value type
 */
public class ProcessorNode<KIn, VIn, KOut, VOut> {

    private final String name;
    private final Processor<KIn, VIn, KOut, VOut> processor;
    private final FixedKeyProcessor<KIn, VIn, VOut> fixedKeyProcessor;
    private final Set<String> stateStores;
    private final List<ProcessorNode<KOut, VOut, ?, ?>> children = new ArrayList<>();
    private final Map<String, ProcessorNode<KOut, VOut, ?, ?>> childByName = new HashMap<>();
    private TaskContext taskContext;

    /**
     * Creates a node for a processor.
     *
     * @param name the node name
     * @param processor the processor, or null for sources and sinks
     * @param stateStores the names of the stores it may access
     */
    public ProcessorNode(String name, Processor<KIn, VIn, KOut, VOut> processor, Set<String> stateStores) {
        this.name = name;
        this.processor = processor;
        this.fixedKeyProcessor = null;
        this.stateStores = Set.copyOf(stateStores);
    }

    /**
     * Creates a node for a fixed-key processor.
     *
     * @param name the node name
     * @param processor the processor
     * @param stateStores the names of the stores it may access
     */
    public ProcessorNode(String name, FixedKeyProcessor<KIn, VIn, VOut> processor, Set<String> stateStores) {
        this.name = name;
        this.processor = null;
        this.fixedKeyProcessor = processor;
        this.stateStores = Set.copyOf(stateStores);
    }

    /**
     * Creates a node without processor (sources and sinks).
     *
     * @param name the node name
     */
    protected ProcessorNode(String name) {
        this.name = name;
        this.processor = null;
        this.fixedKeyProcessor = null;
        this.stateStores = Collections.emptySet();
    }

    /** @return the node name */
    public final String name() {
        return name;
    }

    /** @return the names of the stores this node may access */
    public final Set<String> stateStores() {
        return stateStores;
    }

    /** @return the children, in the order they were connected */
    public final List<ProcessorNode<KOut, VOut, ?, ?>> children() {
        return children;
    }

    /**
     * Returns a child by name.
     *
     * @param childName the child's name
     * @return the child, or null
     */
    public final ProcessorNode<KOut, VOut, ?, ?> child(String childName) {
        return childByName.get(childName);
    }

    /**
     * Connects a child.
     *
     * @param child the child
     */
    public final void addChild(ProcessorNode<KOut, VOut, ?, ?> child) {
        children.add(child);
        childByName.put(child.name(), child);
    }

    /**
     * Initialises the processor with the task's context (the context's current node is this one meanwhile).
     *
     * @param context the task's context
     */
    @SuppressWarnings("unchecked") // the one context serves every node; types are the DSL's or the user's contract
    public void init(TaskContext context) {
        this.taskContext = context;
        if (processor != null) {
            processor.init((dev.millrace.streams.processor.api.ProcessorContext<KOut, VOut>)
                    (dev.millrace.streams.processor.api.ProcessorContext<?, ?>) context);
        } else if (fixedKeyProcessor != null) {
            fixedKeyProcessor.init((dev.millrace.streams.processor.api.FixedKeyProcessorContext<KIn, VOut>)
                    (dev.millrace.streams.processor.api.FixedKeyProcessorContext<?, ?>) context);
        }
    }

    /**
     * Processes one record. An exception from the processor (or from a node downstream of it that has no handler
     * of its own) goes to {@code processing.exception.handler}: FAIL rethrows it as a
     * {@link FailedProcessingException} naming this node, RESUME drops the record and counts it.
     *
     * @param record the record
     */
    public void process(Record<KIn, VIn> record) {
        try {
            if (processor != null) {
                processor.process(record);
            } else {
                fixedKeyProcessor.process(InternalFixedKeyRecordFactory.create(record));
            }
        } catch (FailedProcessingException e) {
            throw e;
        } catch (RuntimeException e) {
            if (taskContext == null) {
                throw e;
            }
            ErrorHandling.processingFailed(taskContext, this, record, e);
        }
    }

    /** Closes the processor. */
    public void close() {
        if (processor != null) {
            processor.close();
        } else if (fixedKeyProcessor != null) {
            fixedKeyProcessor.close();
        }
    }

    /** @return whether the processor is a fixed-key processor */
    public final boolean isFixedKey() {
        return fixedKeyProcessor != null;
    }

    @Override
    public String toString() {
        return name;
    }
}
