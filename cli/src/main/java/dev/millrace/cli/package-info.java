/**
 * The {@code bin/millrace} command line (picocli). Commands run on the caller's thread and keep
 * no state between runs.
 */
package dev.millrace.cli;
