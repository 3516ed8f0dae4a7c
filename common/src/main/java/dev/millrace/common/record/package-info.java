/**
 * Record-level value types shared by clients, server and streams, mirroring
 * {@code org.apache.kafka.common.record} by the porting rule. Immutable and thread-safe.
 */
package dev.millrace.common.record;
