/**
 * Protocol primitive types: fixed-width integers, varints, (compact) strings, bytes and arrays,
 * tagged-field sections. {@link dev.millrace.protocol.types.Readable} decodes with bounds checks,
 * {@link dev.millrace.protocol.types.Writable} encodes. Stateless helpers; readers and writers are
 * confined to the thread that decodes or encodes one message.
 */
package dev.millrace.protocol.types;
