/** Table aggregation with updates and deletes, and a stream-table enrichment join. */
package dev.millrace.examples.enrich;
