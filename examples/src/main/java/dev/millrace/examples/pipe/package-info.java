/** The smallest topology: a pipe from one topic to another. */
package dev.millrace.examples.pipe;
