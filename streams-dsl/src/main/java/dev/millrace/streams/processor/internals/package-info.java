/**
 * The task engine shared by the test driver and the runtime: the logical topology ({@code InternalTopologyBuilder}),
 * its description, the runtime graph per task ({@code ProcessorTopology}, processor, source and sink nodes), the one
 * context every processor and store sees ({@code TaskContext}) and the task itself ({@code StreamTask}: queues,
 * stream time, punctuation, commit). Not public API.
 */
package dev.millrace.streams.processor.internals;
