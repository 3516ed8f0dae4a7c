/**
 * Helpers that user code calls directly, mirroring {@code org.apache.kafka.common.utils} by the porting
 * rule; for now only the partitioner hash ({@link dev.millrace.common.utils.Utils#murmur2(byte[])}).
 * Stateless and thread-safe.
 */
package dev.millrace.common.utils;
