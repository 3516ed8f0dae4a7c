package dev.millrace.streams.processor.api;

/**
 * A {@link Processor} base class that keeps the context given to {@link #init} for subclasses.
 *
 * @param <KIn> the input key type
 * @param <VIn> the input value type
 * @param <KOut> the output key type
 * @param <VOut> the output value type
 */
public abstract class ContextualProcessor<KIn, VIn, KOut, VOut> implements Processor<KIn, VIn, KOut, VOut> {

    private ProcessorContext<KOut, VOut> context;

    /** Creates the processor; the context arrives with {@link #init}. */
    protected ContextualProcessor() {
    }

    @Override
    public void init(ProcessorContext<KOut, VOut> context) {
        this.context = context;
    }

    /**
     * Returns the context given to {@link #init}.
     *
     * @return the context, or null before {@link #init}
     */
    protected final ProcessorContext<KOut, VOut> context() {
        return context;
    }
}
