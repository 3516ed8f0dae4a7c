/**
 * Record batch format v2 (magic 2): batches, records, control records, compression. Batches are
 * read-only views over buffers; builders are confined to one thread.
 */
package dev.millrace.protocol.record;
