/**
 * Client-side support over the Kafka protocol: the blocking connection used by the command-line tools, and
 * {@link dev.millrace.clients.CommonClientConfigs}, the configuration keys every client shares (mirroring
 * {@code org.apache.kafka.clients} by the porting rule).
 */
package dev.millrace.clients;
