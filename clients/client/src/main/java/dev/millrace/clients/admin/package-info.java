/**
 * The admin client's configuration, mirroring {@code org.apache.kafka.clients.admin} by the porting rule. Only
 * {@link dev.millrace.clients.admin.AdminClientConfig} exists so far: it defines and validates the keys an admin
 * client (and Streams' admin client) reads; the client itself comes later.
 */
package dev.millrace.clients.admin;
