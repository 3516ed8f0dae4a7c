/**
 * Request, response and header classes generated at build time from the definitions in
 * {@code clients/protocol/src/main/messages}, and {@code ApiMessageType}, the table of APIs.
 * Instances are mutable value holders confined to one thread at a time.
 */
package dev.millrace.protocol.message;
