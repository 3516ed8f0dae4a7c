package dev.millrace.storage.producer;

/**
 * The Produce error codes that producer-state validation can return, with their wire values.
 * This is a local stand-in for the protocol-wide error table, which does not exist yet; the names
 * and codes are the Kafka ones so that the mapping is one-to-one.
 */
public enum ProducerErrorCode {
    /** A gap in the sequence, or a new epoch that does not start at sequence 0 (wire code 45). */
    OUT_OF_ORDER_SEQUENCE_NUMBER((short) 45),
    /** The batch's producer epoch is older than the one the partition knows: a fenced zombie (wire code 47). */
    INVALID_PRODUCER_EPOCH((short) 47),
    /**
     * The partition has no state for the producer (wire code 59). {@link ProducerStateTable} never
     * returns it: as in Kafka since KIP-360, a producer without state may continue at any sequence.
     * It is listed so that callers can map the full set of producer-state errors.
     */
    UNKNOWN_PRODUCER_ID((short) 59);

    private final short code;

    ProducerErrorCode(short code) {
        this.code = code;
    }

    /** The error code sent on the wire in the Produce response. */
    public short code() {
        return code;
    }
}
