/**
 * The DSL's logical graph: one node per DSL operation, written to the topology builder in build-priority order
 * after the optional optimizations (source-topic reuse, repartition merging) rewrote it, as Kafka Streams does.
 */
package dev.millrace.streams.kstream.internals.graph;
