/**
 * Record headers, mirroring {@code org.apache.kafka.common.header} by the porting rule (with
 * Kafka's {@code RecordHeader(s)} in this public package): the {@link dev.millrace.common.header.Header}
 * contract and its value class, and the {@link dev.millrace.common.header.Headers} collection with
 * its {@link dev.millrace.common.header.RecordHeaders} implementation. A {@code RecordHeaders} is
 * confined to one thread; once made read-only it may be shared.
 */
package dev.millrace.common.header;
