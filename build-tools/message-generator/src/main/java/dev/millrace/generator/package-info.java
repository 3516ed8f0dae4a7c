/**
 * Build-time generator of the protocol codecs: parses the message definitions, validates them and
 * writes Java sources. Runs once per build in a single thread; no state survives a run. The spec
 * model ({@link dev.millrace.generator.MessageSpec} and friends) is public so that tests can read
 * the same definitions the generator read.
 */
package dev.millrace.generator;
