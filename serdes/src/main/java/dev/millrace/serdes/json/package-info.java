/**
 * JSON serdes on Jackson: {@link dev.millrace.serdes.json.JsonSerde} for record classes, POJOs and
 * generic types (the target type given to the constructor or configured under
 * {@code json.key.type} / {@code json.value.type}), and {@link dev.millrace.serdes.json.JsonNodeSerde}
 * for trees.
 *
 * <p>Deserialization failures are {@link dev.millrace.common.errors.SerializationException}s naming
 * the topic and the byte offset of the problem in the record's bytes. Jackson is an optional
 * dependency of the {@code serdes} artifact: applications that use this package add
 * {@code jackson-databind} themselves. All classes are thread-safe once configured.
 */
package dev.millrace.serdes.json;
