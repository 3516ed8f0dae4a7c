/**
 * Exceptions, mirroring {@code org.apache.kafka.common.errors} by the porting rule (same simple names,
 * {@code KafkaStorageException} becomes {@code MillraceStorageException}, and the same hierarchy).
 *
 * <p>{@link dev.millrace.common.errors.MillraceException} is the root of everything Millrace throws.
 * {@link dev.millrace.common.errors.ApiException} and its subclasses are the errors that travel as wire
 * error codes; most concrete subclasses correspond to exactly one code, and the mapping between codes,
 * exception classes and retriability lives in one place only, the protocol module's {@code ErrorCode}
 * enum. {@link dev.millrace.common.errors.RetriableException} marks the errors after which the same
 * request may succeed when sent again; {@link dev.millrace.common.errors.InvalidMetadataException}
 * narrows that to "refresh metadata first". Api exceptions skip stack-trace capture because they
 * describe a remote outcome, not a local bug.
 *
 * <p>Every class is an unchecked exception with at least a {@code (String)} and a
 * {@code (String, Throwable)} constructor; none holds mutable state, so instances may be handed between
 * threads freely.
 */
package dev.millrace.common.errors;
