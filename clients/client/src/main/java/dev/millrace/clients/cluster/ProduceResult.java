package dev.millrace.clients.cluster;

/**
 * The outcome of appending one batch to one partition. Immutable.
 *
 * @param baseOffset the offset of the first record, -1 with acks=0
 * @param logAppendTimeMs the broker's append time under LogAppendTime, else -1
 * @param logStartOffset the partition's log start offset, -1 if not reported
 */
public record ProduceResult(long baseOffset, long logAppendTimeMs, long logStartOffset) {
}
