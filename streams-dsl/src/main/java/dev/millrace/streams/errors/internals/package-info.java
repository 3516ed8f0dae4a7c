/**
 * Support for the exception handlers: the runtime's {@code ErrorHandlerContext} implementation, the dead letter
 * queue record builder and the exception that carries a failed processor's name. Internal: not part of the
 * Kafka-compatible API. Values here are created and used on a stream thread.
 */
package dev.millrace.streams.errors.internals;
