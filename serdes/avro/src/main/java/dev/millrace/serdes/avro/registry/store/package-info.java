/**
 * The schema registry's storage: an append-only log of key/value records in the JSON layout of
 * Confluent's {@code _schemas} topic ({@link dev.millrace.serdes.avro.registry.store.RegistryRecordCodec}),
 * behind the {@link dev.millrace.serdes.avro.registry.store.SchemaStore} interface, with an in-memory
 * implementation. The log server's compacted internal topic will implement the same interface.
 */
package dev.millrace.serdes.avro.registry.store;
