/**
 * A small blocking client for a whole cluster: metadata, topic and config administration, and
 * produce / fetch / list-offsets routed to partition leaders, with bounded retries. It serves the
 * command-line tools; the full producer, consumer and admin clients come later. Everything here is
 * confined to one thread.
 */
package dev.millrace.clients.cluster;
