package dev.millrace.streams.processor.api;

/**
 * The context of a {@link FixedKeyProcessor}: forwarding takes {@link FixedKeyRecord}s, whose key cannot change, so
 * the DSL knows no repartitioning is needed downstream.
 *
 * @param <KForward> the key type of forwarded records
 * @param <VForward> the value type of forwarded records
 */
public interface FixedKeyProcessorContext<KForward, VForward> extends ProcessingContext {

    /**
     * Forwards a record to every child.
     *
     * @param record the record
     * @param <K> the key type
     * @param <V> the value type
     */
    <K extends KForward, V extends VForward> void forward(FixedKeyRecord<K, V> record);

    /**
     * Forwards a record to one child.
     *
     * @param record the record
     * @param childName the name of the child
     * @param <K> the key type
     * @param <V> the value type
     */
    <K extends KForward, V extends VForward> void forward(FixedKeyRecord<K, V> record, String childName);
}
