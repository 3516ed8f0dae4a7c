/** The log server: wiring, network layer and API handlers. */
package dev.millrace.server;
