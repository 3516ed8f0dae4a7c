/**
 * Whole frames of the Kafka protocol: size prefix, request/response header, body, and the
 * rules that pick header versions. Stateless; usable from any thread.
 */
package dev.millrace.protocol.api;
