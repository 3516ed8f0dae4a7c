/**
 * Exceptions, mirroring {@code org.apache.kafka.common.errors} by the porting rule. Each
 * {@link dev.millrace.common.errors.ApiException} subclass corresponds to one wire error code; the
 * mapping lives in one place, the protocol module's {@code ErrorCode} enum. Stateless.
 */
package dev.millrace.common.errors;
