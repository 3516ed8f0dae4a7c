/**
 * Record headers, mirroring {@code org.apache.kafka.common.header} by the porting rule: the
 * {@link dev.millrace.common.header.Header} contract and its plain value class. Values are immutable
 * as long as their byte arrays are not modified; no shared mutable state.
 */
package dev.millrace.common.header;
