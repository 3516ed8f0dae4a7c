/** Cluster metadata: records, image, metadata log and controller. */
package dev.millrace.metadata;
