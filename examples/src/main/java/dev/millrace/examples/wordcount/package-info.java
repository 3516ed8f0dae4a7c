/** Word count, with the Processor API (a store and a stream-time punctuator) and with the DSL. */
package dev.millrace.examples.wordcount;
