package dev.millrace.storage.epoch;

/**
 * An offset together with a leader epoch: the answer of
 * {@link LeaderEpochCache#endOffsetFor(int, long)}, which is what a broker returns for one partition
 * of an {@code OffsetForLeaderEpoch} request. {@link #UNDEFINED} ({@code offset=-1 epoch=-1}) means
 * "unknown"; the values are not otherwise restricted. Immutable.
 *
 * @param offset the end offset, or {@link #UNDEFINED_EPOCH_OFFSET}
 * @param epoch the leader epoch, or {@link #UNDEFINED_EPOCH}
 */
public record OffsetAndEpoch(long offset, int epoch) {
    /** The epoch that means "no epoch" on the wire (Kafka's {@code UNDEFINED_EPOCH}). */
    public static final int UNDEFINED_EPOCH = -1;
    /** The offset that means "no offset" on the wire (Kafka's {@code UNDEFINED_EPOCH_OFFSET}). */
    public static final long UNDEFINED_EPOCH_OFFSET = -1L;
    /** Unknown epoch and unknown end offset. */
    public static final OffsetAndEpoch UNDEFINED = new OffsetAndEpoch(UNDEFINED_EPOCH_OFFSET, UNDEFINED_EPOCH);

    /** True when this is {@link #UNDEFINED}. */
    public boolean isUndefined() {
        return offset == UNDEFINED_EPOCH_OFFSET && epoch == UNDEFINED_EPOCH;
    }
}
