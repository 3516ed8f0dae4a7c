/**
 * Avro serdes in the Confluent wire format ({@link dev.millrace.serdes.avro.WireFormat}: magic byte 0,
 * 4-byte big-endian schema id, Avro binary): {@link dev.millrace.serdes.avro.AvroSerializer} /
 * {@link dev.millrace.serdes.avro.AvroDeserializer} for any Avro value,
 * {@link dev.millrace.serdes.avro.GenericAvroSerde}, {@link dev.millrace.serdes.avro.SpecificAvroSerde} and
 * {@link dev.millrace.serdes.avro.ReflectAvroSerde}, configured under Confluent's keys
 * ({@link dev.millrace.serdes.avro.AvroSerdeConfig}). Serdes are configured once and thread-safe
 * afterwards.
 */
package dev.millrace.serdes.avro;
