/**
 * Configuration support shared by every module, mirroring {@code org.apache.kafka.common.config} by the porting
 * rule: {@link dev.millrace.common.config.ConfigDef} defines keys (type, default, validator, importance,
 * documentation) and parses raw properties with Kafka's rules, {@link dev.millrace.common.config.AbstractConfig}
 * holds one parsed configuration and creates the plug-ins it names, and
 * {@link dev.millrace.common.config.ConfigException} reports an unusable value. Definitions are built once and
 * then only read; parsed configurations are immutable and may be shared between threads.
 */
package dev.millrace.common.config;
