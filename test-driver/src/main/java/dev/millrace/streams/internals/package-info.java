/** Views the test driver hands out for built-in stores (facades dropping timestamps). */
package dev.millrace.streams.internals;
