/** Windowing types shared by window and session stores, mirroring {@code org.apache.kafka.streams.kstream}. */
package dev.millrace.streams.kstream;
