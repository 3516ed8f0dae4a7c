/**
 * Consumer-side types: {@link dev.millrace.clients.consumer.ConsumerRecord}, a record as read from a partition with
 * its offset, timestamp and serialized sizes. Values of this package are immutable after construction except for
 * the headers they carry.
 */
package dev.millrace.clients.consumer;
