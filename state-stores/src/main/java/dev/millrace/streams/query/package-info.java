/**
 * Interactive queries against state stores and the position tracking behind bounded staleness, mirroring
 * {@code org.apache.kafka.streams.query}.
 */
package dev.millrace.streams.query;
