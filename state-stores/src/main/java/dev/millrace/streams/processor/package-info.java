/** The state store contract and its context, mirroring {@code org.apache.kafka.streams.processor}. */
package dev.millrace.streams.processor;
