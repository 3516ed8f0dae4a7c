/**
 * Value types of the topology test driver: {@link dev.millrace.streams.test.TestRecord}, the record that tests pipe
 * into a {@code TestInputTopic} and read back from a {@code TestOutputTopic}.
 */
package dev.millrace.streams.test;
