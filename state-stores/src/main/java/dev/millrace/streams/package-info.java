/** Core types of stream processing shared by the state stores, mirroring {@code org.apache.kafka.streams}. */
package dev.millrace.streams;
