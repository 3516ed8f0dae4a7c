/**
 * The serialization API, mirroring {@code org.apache.kafka.common.serialization} by the porting rule:
 * {@link dev.millrace.common.serialization.Serializer},
 * {@link dev.millrace.common.serialization.Deserializer} and
 * {@link dev.millrace.common.serialization.Serde}, the built-in implementations under Kafka's class
 * names, and the {@link dev.millrace.common.serialization.Serdes} factory.
 *
 * <p>The built-ins write exactly the bytes Kafka's built-ins write for the same values (checked
 * against Apache kafka-clients in the tests), so records interoperate in both directions. Where
 * Millrace differs it is stricter on malformed input, and each class says how. Failures are
 * {@link dev.millrace.common.errors.SerializationException}s whose messages are {@code key=value}
 * facts (topic, expected and actual size, position).
 *
 * <p>The package depends on the JDK and {@code common} only. Built-in serializers and deserializers
 * hold no mutable state after configuration and are thread-safe from then on.
 */
package dev.millrace.common.serialization;
