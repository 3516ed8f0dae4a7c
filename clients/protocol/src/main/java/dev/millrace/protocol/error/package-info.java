/**
 * Wire error codes: {@link dev.millrace.protocol.error.ErrorCode} maps every code of the Kafka
 * protocol to its exception class (in {@code dev.millrace.common.errors}), its retriability and a
 * default message, in both directions. It is the only place holding that mapping. Immutable and
 * thread-safe.
 */
package dev.millrace.protocol.error;
