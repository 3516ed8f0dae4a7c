/**
 * Helpers and values that user code uses directly, mirroring {@code org.apache.kafka.common.utils}
 * by the porting rule: the partitioner hash ({@link dev.millrace.common.utils.Utils#murmur2(byte[])})
 * and the {@link dev.millrace.common.utils.Bytes} byte-array value. Stateless or immutable, so
 * thread-safe.
 */
package dev.millrace.common.utils;
