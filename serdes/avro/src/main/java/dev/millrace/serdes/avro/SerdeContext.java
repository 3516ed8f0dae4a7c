package dev.millrace.serdes.avro;

import dev.millrace.serdes.avro.registry.CachedSchemaRegistryClient;
import dev.millrace.serdes.avro.registry.MockSchemaRegistry;
import dev.millrace.serdes.avro.registry.SchemaMetadata;
import dev.millrace.serdes.avro.registry.SchemaRegistryClient;
import dev.millrace.serdes.avro.subject.SubjectNameStrategy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;

/**
 * What a configured serde half holds: its parsed configuration, its registry client, its subject
 * strategy, whether it handles keys, and its cache of each subject's latest version (for
 * {@code use.latest.version}). Built once by {@code configure}; thread-safe afterwards.
 */
final class SerdeContext {
    /** A subject's latest version, as fetched at {@code fetchedAtNanos}. */
    record Latest(int id, Schema schema, long fetchedAtNanos) {
    }

    private final AvroSerdeConfig config;
    private final SchemaRegistryClient client;
    private final boolean ownsClient;
    private final boolean isKey;
    private final Map<String, Latest> latest = new ConcurrentHashMap<>();

    private SerdeContext(AvroSerdeConfig config, SchemaRegistryClient client, boolean ownsClient, boolean isKey) {
        this.config = config;
        this.client = client;
        this.ownsClient = ownsClient;
        this.isKey = isKey;
    }

    /**
     * Parses the configuration and picks the client: the given one, else one for
     * {@code schema.registry.url} ({@code mock://} scopes share an in-process registry).
     *
     * @param configs the serde configuration
     * @param isKey whether the serde handles keys
     * @param givenClient a client passed to the serde's constructor, or null
     * @return the context
     * @throws AvroConfigException if no client was given and no URL is configured
     */
    static SerdeContext configure(Map<String, ?> configs, boolean isKey, SchemaRegistryClient givenClient) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        if (givenClient != null) {
            return new SerdeContext(config, givenClient, false, isKey);
        }
        List<String> urls = config.schemaRegistryUrls();
        if (urls.isEmpty()) {
            throw new AvroConfigException("key=" + AvroSerdeConfig.SCHEMA_REGISTRY_URL + " reason=missing");
        }
        if (urls.get(0).startsWith(MockSchemaRegistry.MOCK_URL_PREFIX)) {
            if (urls.size() > 1) {
                throw new AvroConfigException("key=" + AvroSerdeConfig.SCHEMA_REGISTRY_URL + " value=" + urls
                        + " reason=mockUrlMustBeAlone");
            }
            String scope = MockSchemaRegistry.scopeOf(urls.get(0));
            return new SerdeContext(config, MockSchemaRegistry.getClientForScope(scope), false, isKey);
        }
        try {
            return new SerdeContext(config, new CachedSchemaRegistryClient(urls, configs), true, isKey);
        } catch (IllegalArgumentException e) {
            throw new AvroConfigException("key=" + AvroSerdeConfig.SCHEMA_REGISTRY_URL + " value=" + urls
                    + " reason=" + e.getMessage(), e);
        }
    }

    AvroSerdeConfig config() {
        return config;
    }

    SchemaRegistryClient client() {
        return client;
    }

    String subject(String topic, Schema schema) {
        SubjectNameStrategy strategy = config.subjectNameStrategy(isKey);
        return strategy.subjectName(topic, isKey, schema);
    }

    /** The subject's latest version, from the cache while younger than {@code latest.cache.ttl.sec}. */
    Latest latest(String subject) {
        long now = System.nanoTime();
        long ttlSeconds = config.latestCacheTtlSeconds();
        Latest cached = latest.get(subject);
        boolean fresh = cached != null
                && (ttlSeconds < 0 || now - cached.fetchedAtNanos() < TimeUnit.SECONDS.toNanos(ttlSeconds));
        if (fresh) {
            return cached;
        }
        SchemaMetadata metadata = client.getLatestSchemaMetadata(subject);
        Latest loaded = new Latest(metadata.id(), client.getSchemaById(metadata.id()), now);
        latest.put(subject, loaded);
        return loaded;
    }

    void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
