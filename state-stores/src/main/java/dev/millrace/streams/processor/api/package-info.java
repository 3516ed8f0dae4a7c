/** Metadata of the record being processed, mirroring {@code org.apache.kafka.streams.processor.api}. */
package dev.millrace.streams.processor.api;
