package dev.millrace.streams.processor.api;

/**
 * A {@link FixedKeyProcessor} base class that keeps the context given to {@link #init} for subclasses.
 *
 * @param <KIn> the key type
 * @param <VIn> the input value type
 * @param <VOut> the output value type
 */
public abstract class ContextualFixedKeyProcessor<KIn, VIn, VOut> implements FixedKeyProcessor<KIn, VIn, VOut> {

    private FixedKeyProcessorContext<KIn, VOut> context;

    /** Creates the processor; the context arrives with {@link #init}. */
    protected ContextualFixedKeyProcessor() {
    }

    @Override
    public void init(FixedKeyProcessorContext<KIn, VOut> context) {
        this.context = context;
    }

    /**
     * Returns the context given to {@link #init}.
     *
     * @return the context, or null before {@link #init}
     */
    protected final FixedKeyProcessorContext<KIn, VOut> context() {
        return context;
    }
}
