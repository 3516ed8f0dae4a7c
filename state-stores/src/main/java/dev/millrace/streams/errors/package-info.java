/** Exceptions of stream processing and state stores, mirroring {@code org.apache.kafka.streams.errors}. */
package dev.millrace.streams.errors;
