/** Client-side networking over the Kafka protocol. */
package dev.millrace.clients;
