package dev.millrace.streams.processor.api;

/**
 * Makes {@link FixedKeyRecord}s from {@link Record}s for the runtime and for tests of fixed-key processors (Kafka
 * users call this class in tests too, hence its public place).
 */
public final class InternalFixedKeyRecordFactory {

    private InternalFixedKeyRecordFactory() {
    }

    /**
     * Wraps a record.
     *
     * @param record the record
     * @param <K> the key type
     * @param <V> the value type
     * @return a fixed-key record with the same fields (headers copied)
     */
    public static <K, V> FixedKeyRecord<K, V> create(Record<K, V> record) {
        return new FixedKeyRecord<>(record.key(), record.value(), record.timestamp(), record.headers());
    }
}
