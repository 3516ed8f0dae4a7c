/**
 * Configuration support shared by every module, mirroring {@code org.apache.kafka.common.config} by the
 * porting rule. For now it holds only {@link dev.millrace.common.config.ConfigException}, the error a
 * module raises when a configuration value is unusable; the key definitions themselves live with the
 * component that reads them.
 */
package dev.millrace.common.config;
