/**
 * The schema registry core: {@link dev.millrace.serdes.avro.registry.core.SchemaRegistry} keeps subjects,
 * versions, global ids and compatibility levels, checks evolution with Avro's reader/writer rules and
 * persists every change to a {@link dev.millrace.serdes.avro.registry.store.SchemaStore} before applying
 * it. No HTTP here; the REST service and the in-process client both call this core.
 */
package dev.millrace.serdes.avro.registry.core;
