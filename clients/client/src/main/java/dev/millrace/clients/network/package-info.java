/**
 * One blocking connection to one broker over the Kafka protocol: ApiVersions negotiation (with the
 * KIP-511 fallback), request framing, correlation checks and error-code mapping. Everything here is
 * confined to the thread that uses the connection.
 */
package dev.millrace.clients.network;
