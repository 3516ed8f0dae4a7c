/**
 * Value types that configuration parsing produces besides the JDK ones, mirroring
 * {@code org.apache.kafka.common.config.types}: today only {@link dev.millrace.common.config.types.Password},
 * which keeps a secret out of logs and {@code toString()}.
 */
package dev.millrace.common.config.types;
