/**
 * Producer-side types: {@link dev.millrace.clients.producer.ProducerRecord}, the record handed to a producer (and
 * to the dead letter queue by stream error handlers), and Kafka's default partitioning used by the tools.
 */
package dev.millrace.clients.producer;
