/**
 * The schema registry's REST service: {@link dev.millrace.serdes.avro.registry.server.SchemaRegistryServer}
 * serves the Confluent-compatible subset of the REST API for a
 * {@link dev.millrace.serdes.avro.registry.core.SchemaRegistry} on the JDK's HTTP server, bound to
 * {@code schema.registry.listeners}.
 */
package dev.millrace.serdes.avro.registry.server;
