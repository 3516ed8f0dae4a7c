/** Producer-side helpers shared by the tools: Kafka's default partitioning. */
package dev.millrace.clients.producer;
