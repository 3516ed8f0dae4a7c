/** The injected clock ({@link dev.millrace.common.time.Time}) and its manual test double. */
package dev.millrace.common.time;
