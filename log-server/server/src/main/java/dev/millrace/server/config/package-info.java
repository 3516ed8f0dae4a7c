/**
 * Server configuration with Kafka's key names, defaults and rules.
 *
 * <p>{@link dev.millrace.server.config.BrokerConfigs} and {@link dev.millrace.server.config.TopicConfigs}
 * define every accepted key ({@link dev.millrace.server.config.ConfigKey}: type, default, validator,
 * dynamic mode, documentation); {@link dev.millrace.server.config.ServerConfig} is the validated, immutable
 * static configuration of one server ({@code server.properties} plus overrides) with typed accessors and
 * the derivation of topic defaults and storage {@code LogConfig}s;
 * {@link dev.millrace.server.config.ConfigDescriber} answers DescribeConfigs with Kafka's sources and
 * synonyms. Every type here is immutable or stateless, so any thread may use them; the dynamic configs
 * (per-broker, cluster default, topic overrides) are owned by the metadata layer and passed in.
 *
 * <p>Errors: an invalid static value is a {@link dev.millrace.common.config.ConfigException} naming the
 * key (start-up fails); an invalid topic override is an
 * {@link dev.millrace.common.errors.InvalidConfigurationException}; a refused dynamic broker change is an
 * {@link dev.millrace.common.errors.InvalidRequestException}.
 */
package dev.millrace.server.config;
