package dev.millrace.streams.processor.api;

/**
 * The context of a {@link Processor}: {@link ProcessingContext} plus forwarding of typed records to children.
 *
 * @param <KForward> the key type of forwarded records
 * @param <VForward> the value type of forwarded records
 */
public interface ProcessorContext<KForward, VForward> extends ProcessingContext {

    /**
     * Forwards a record to every child. Records forwarded while processing an input record keep its metadata;
     * records forwarded from a punctuator carry none.
     *
     * @param record the record
     * @param <K> the key type
     * @param <V> the value type
     */
    <K extends KForward, V extends VForward> void forward(Record<K, V> record);

    /**
     * Forwards a record to one child.
     *
     * @param record the record
     * @param childName the name of the child
     * @param <K> the key type
     * @param <V> the value type
     * @throws dev.millrace.streams.errors.StreamsException if there is no child of that name
     */
    <K extends KForward, V extends VForward> void forward(Record<K, V> record, String childName);
}
