/**
 * Subject name strategies: how a serializer maps (topic, key or value, schema) to the registry subject.
 * {@link dev.millrace.serdes.avro.subject.TopicNameStrategy} is the default; all strategies are
 * stateless and thread-safe.
 */
package dev.millrace.serdes.avro.subject;
