/**
 * Store implementations, suppliers and builders, mirroring {@code org.apache.kafka.streams.state.internals}: the
 * in-memory bytes stores, the typed serde layer that wraps them, and the builders that assemble the layers. Not
 * a public API.
 */
package dev.millrace.streams.state.internals;
