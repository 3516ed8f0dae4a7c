/**
 * Schema registry clients and the types they share with the registry service:
 * {@link dev.millrace.serdes.avro.registry.SchemaRegistryClient}, the HTTP
 * {@link dev.millrace.serdes.avro.registry.CachedSchemaRegistryClient}, the in-process
 * {@link dev.millrace.serdes.avro.registry.LocalSchemaRegistryClient} and the {@code mock://} scopes of
 * {@link dev.millrace.serdes.avro.registry.MockSchemaRegistry}. Failures are
 * {@link dev.millrace.serdes.avro.registry.SchemaRegistryException}s carrying Confluent's HTTP status and
 * error code. All clients are thread-safe.
 */
package dev.millrace.serdes.avro.registry;
