package dev.millrace.streams.kstream.internals;

/**
 * Generates the names of processors and state stores that the user did not name, as Kafka's
 * {@code InternalNameProvider} does: a prefix plus a topology-wide, zero-padded index. The topology builder
 * implements it; every call consumes an index, so call order defines the names and must stay stable for
 * compatible topologies. Called only on the thread building the topology.
 */
public interface InternalNameProvider {

    /**
     * Returns a new processor name and consumes an index.
     *
     * @param prefix the name prefix, such as {@code "KSTREAM-MAP-"}
     * @return the generated name
     */
    String newProcessorName(String prefix);

    /**
     * Returns a new store name and consumes an index.
     *
     * @param prefix the name prefix, such as {@code "KSTREAM-AGGREGATE-STATE-STORE-"}
     * @return the generated name
     */
    String newStoreName(String prefix);
}
