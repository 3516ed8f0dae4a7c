/**
 * Small value types every module shares, mirroring {@code org.apache.kafka.common} by the porting
 * rule ({@code Uuid}, {@code TopicPartition}). Immutable and thread-safe.
 */
package dev.millrace.common;
