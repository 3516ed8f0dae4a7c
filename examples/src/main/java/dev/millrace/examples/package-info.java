/**
 * Example topologies, ported from Kafka Streams' own examples: each one builds its topology in a static method that
 * its test-driver test calls. Their twins on Apache Kafka Streams live in the test sources (package kafkatwin).
 */
package dev.millrace.examples;
