/**
 * Cluster metadata of the log server: the metadata records (generated into
 * {@code dev.millrace.metadata.records}), their framing ({@link dev.millrace.metadata.MetadataRecordSerde}),
 * the immutable {@link dev.millrace.metadata.MetadataImage} they replay into, the fsynced
 * {@link dev.millrace.metadata.MetadataLog} that persists them, and the single-threaded
 * {@link dev.millrace.metadata.Controller} that validates admin requests and turns them into records.
 */
package dev.millrace.metadata;
