/**
 * The result classes behind {@link dev.millrace.streams.query.QueryResult} and the helper the store layers use to
 * re-type answers, mirroring {@code org.apache.kafka.streams.query.internals}.
 */
package dev.millrace.streams.query.internals;
