/**
 * The schema registry's storage: an append-only log of key/value records in the JSON layout of
 * Confluent's {@code _schemas} topic ({@link dev.millrace.serdes.avro.registry.store.RegistryRecordCodec}),
 * behind the {@link dev.millrace.serdes.avro.registry.store.SchemaStore} interface. Implementations:
 * {@link dev.millrace.serdes.avro.registry.store.TopicSchemaStore}, the log server's compacted
 * {@code _schemas} topic (durable across restarts), and
 * {@link dev.millrace.serdes.avro.registry.store.InMemorySchemaStore} for tests.
 */
package dev.millrace.serdes.avro.registry.store;
