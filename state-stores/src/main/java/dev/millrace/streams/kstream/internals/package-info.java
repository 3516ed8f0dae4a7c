/** Concrete window types, mirroring {@code org.apache.kafka.streams.kstream.internals}. */
package dev.millrace.streams.kstream.internals;
