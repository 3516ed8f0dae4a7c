package dev.millrace.streams.kstream;

/**
 * A parameter object that can carry the name of the processor it configures. Package-private as in Kafka; the
 * public classes implementing it expose {@code withName}.
 *
 * @param <T> the implementing type
 */
interface NamedOperation<T extends NamedOperation<T>> {

    /**
     * Returns a parameter object carrying the given processor name; whether this is a copy or {@code this} depends
     * on the implementing class, exactly as in Kafka.
     *
     * @param name the processor name
     * @return the named parameter object
     */
    T withName(String name);
}
