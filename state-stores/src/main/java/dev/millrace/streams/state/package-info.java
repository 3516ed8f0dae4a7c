/** State stores of stream processing, mirroring {@code org.apache.kafka.streams.state}. */
package dev.millrace.streams.state;
