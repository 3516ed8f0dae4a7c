package dev.millrace.streams.state.internals;

import dev.millrace.streams.processor.StateStoreContext;

/**
 * What the caching and changelogging layers need from the runtime beyond {@link StateStoreContext}: the context of
 * the record being processed (read and temporarily replaced while the cache flushes), the stream thread's
 * {@link ThreadCache} and the {@link ChangelogSink}. The runtime's store context implements this interface next to
 * {@link StateStoreContext}; a layer that needs a capability fails at {@code init} with
 * {@link IllegalStateException} (see {@link #of}) when the context does not offer it.
 *
 * <p>Owning thread: the stream thread of the task; none of these methods is called from other threads.
 */
public interface InternalStoreContext {

    /**
     * Returns the context of the record being processed. Outside record processing (punctuation, restore) the
     * runtime returns a context carrying the current stream time and no source.
     *
     * @return the current record context, never null
     */
    ProcessorRecordContext recordContext();

    /**
     * Replaces the current record context; the caching layer sets the context of each entry it flushes and puts
     * the previous one back afterwards.
     *
     * @param recordContext the context, not null
     */
    void setRecordContext(ProcessorRecordContext recordContext);

    /**
     * Returns the record cache of the stream thread.
     *
     * @return the cache, or null when the runtime provides none (caching layers then refuse to initialise)
     */
    default ThreadCache cache() {
        return null;
    }

    /**
     * Returns the sink of changelog records.
     *
     * @return the sink, or null when the runtime cannot log (changelogging layers then refuse to initialise)
     */
    default ChangelogSink changelogSink() {
        return null;
    }

    /**
     * Returns the internal view of a store context, failing when the runtime does not provide one.
     *
     * @param context the context given to {@code init}
     * @param store the name of the initialising store, for the message
     * @param layer the layer that needs it, for the message
     * @return the context as an {@link InternalStoreContext}
     * @throws IllegalStateException if the context does not implement this interface
     */
    static InternalStoreContext of(StateStoreContext context, String store, String layer) {
        if (context instanceof InternalStoreContext internal) {
            return internal;
        }
        throw new IllegalStateException("reason=contextLacksStoreRuntime store=" + store + " layer=" + layer
                + " context=" + (context == null ? "null" : context.getClass().getName())
                + " required=" + InternalStoreContext.class.getName());
    }
}
