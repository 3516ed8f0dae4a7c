package dev.millrace.serdes.avro;

import dev.millrace.serdes.avro.subject.RecordNameStrategy;
import dev.millrace.serdes.avro.subject.SubjectNameStrategy;
import dev.millrace.serdes.avro.subject.TopicNameStrategy;
import dev.millrace.serdes.avro.subject.TopicRecordNameStrategy;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The configuration of the Avro serdes, under Confluent's key names so that existing client configs
 * carry over unchanged:
 *
 * <table>
 *   <caption>Serde configuration keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code schema.registry.url}</td><td>required</td><td>comma-separated registry base URLs,
 *       or one {@code mock://<scope>} URL for an in-process registry shared per scope</td></tr>
 *   <tr><td>{@code auto.register.schemas}</td><td>true</td><td>serializer registers the value's schema;
 *       when false it only looks the schema up and fails if the subject does not hold it</td></tr>
 *   <tr><td>{@code use.latest.version}</td><td>false</td><td>serializer writes with the subject's latest
 *       schema (converting the value by schema resolution if its own schema differs); deserializer reads
 *       into the subject's latest schema</td></tr>
 *   <tr><td>{@code latest.cache.ttl.sec}</td><td>-1</td><td>how long the latest version is cached;
 *       -1 keeps it for the serde's lifetime, 0 asks the registry every time</td></tr>
 *   <tr><td>{@code key.subject.name.strategy}</td><td>TopicNameStrategy</td><td>class (or class name)
 *       of the key's {@link SubjectNameStrategy}</td></tr>
 *   <tr><td>{@code value.subject.name.strategy}</td><td>TopicNameStrategy</td><td>same for values</td></tr>
 *   <tr><td>{@code specific.avro.reader}</td><td>false</td><td>deserializer returns generated
 *       {@code SpecificRecord} classes instead of {@code GenericRecord}</td></tr>
 *   <tr><td>{@code avro.reflection.allow.null}</td><td>false</td><td>reflect serdes treat every field
 *       as nullable</td></tr>
 * </table>
 *
 * <p>Strategy class names of Confluent's serializers ({@code io.confluent.kafka.serializers.subject.*})
 * are accepted and mapped to the strategies of the same simple name in
 * {@code dev.millrace.serdes.avro.subject}. Values may be given as strings (as from a properties file)
 * or as typed objects. Instances are immutable and thread-safe.
 */
public final class AvroSerdeConfig {
    /** Registry base URLs, comma-separated, or {@code mock://<scope>}. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** Whether the serializer registers schemas. */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    /** Whether serde halves use the subject's latest schema. */
    public static final String USE_LATEST_VERSION = "use.latest.version";
    /** Seconds the latest version stays cached; -1 forever. */
    public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";
    /** Subject name strategy for keys. */
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    /** Subject name strategy for values. */
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    /** Whether the deserializer returns generated specific classes. */
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    /** Whether reflect serdes allow null in every field. */
    public static final String AVRO_REFLECTION_ALLOW_NULL = "avro.reflection.allow.null";

    private static final String CONFLUENT_STRATEGY_PACKAGE = "io.confluent.kafka.serializers.subject.";

    private final List<String> schemaRegistryUrls;
    private final boolean autoRegisterSchemas;
    private final boolean useLatestVersion;
    private final long latestCacheTtlSeconds;
    private final SubjectNameStrategy keySubjectNameStrategy;
    private final SubjectNameStrategy valueSubjectNameStrategy;
    private final boolean specificAvroReader;
    private final boolean reflectionAllowNull;

    /**
     * Parses and checks a configuration map.
     *
     * @param configs the serde configuration; keys other than the ones above are ignored
     * @throws AvroConfigException if a value has the wrong type or a strategy cannot be created
     */
    public AvroSerdeConfig(Map<String, ?> configs) {
        this.schemaRegistryUrls = urls(configs.get(SCHEMA_REGISTRY_URL));
        this.autoRegisterSchemas = bool(configs, AUTO_REGISTER_SCHEMAS, true);
        this.useLatestVersion = bool(configs, USE_LATEST_VERSION, false);
        this.latestCacheTtlSeconds = longValue(configs, LATEST_CACHE_TTL_SEC, -1L);
        this.keySubjectNameStrategy = strategy(configs, KEY_SUBJECT_NAME_STRATEGY);
        this.valueSubjectNameStrategy = strategy(configs, VALUE_SUBJECT_NAME_STRATEGY);
        this.specificAvroReader = bool(configs, SPECIFIC_AVRO_READER, false);
        this.reflectionAllowNull = bool(configs, AVRO_REFLECTION_ALLOW_NULL, false);
        keySubjectNameStrategy.configure(configs);
        valueSubjectNameStrategy.configure(configs);
    }

    /**
     * The registry base URLs in configured order; empty when none was configured.
     *
     * @return the URLs
     */
    public List<String> schemaRegistryUrls() {
        return schemaRegistryUrls;
    }

    /**
     * Whether the serializer registers schemas.
     *
     * @return the flag
     */
    public boolean autoRegisterSchemas() {
        return autoRegisterSchemas;
    }

    /**
     * Whether serde halves use the subject's latest schema.
     *
     * @return the flag
     */
    public boolean useLatestVersion() {
        return useLatestVersion;
    }

    /**
     * How long the latest version is cached, in seconds; negative means forever.
     *
     * @return the time to live
     */
    public long latestCacheTtlSeconds() {
        return latestCacheTtlSeconds;
    }

    /**
     * The subject strategy for keys or values.
     *
     * @param isKey whether the serde handles keys
     * @return the strategy
     */
    public SubjectNameStrategy subjectNameStrategy(boolean isKey) {
        return isKey ? keySubjectNameStrategy : valueSubjectNameStrategy;
    }

    /**
     * Whether the deserializer returns generated specific classes.
     *
     * @return the flag
     */
    public boolean specificAvroReader() {
        return specificAvroReader;
    }

    /**
     * Whether reflect serdes allow null in every field.
     *
     * @return the flag
     */
    public boolean reflectionAllowNull() {
        return reflectionAllowNull;
    }

    private static List<String> urls(Object value) {
        List<String> urls = new ArrayList<>();
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            for (Object item : list) {
                addUrls(urls, String.valueOf(item));
            }
        } else if (value instanceof String text) {
            addUrls(urls, text);
        } else {
            throw new AvroConfigException("key=" + SCHEMA_REGISTRY_URL + " valueType=" + value.getClass().getName()
                    + " reason=expectedStringOrList");
        }
        return List.copyOf(urls);
    }

    private static void addUrls(List<String> urls, String text) {
        for (String part : text.split(",")) {
            String url = part.trim();
            if (!url.isEmpty()) {
                urls.add(url);
            }
        }
    }

    private static boolean bool(Map<String, ?> configs, String key, boolean defaultValue) {
        Object value = configs.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        String text = String.valueOf(value).trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new AvroConfigException("key=" + key + " value=" + text + " reason=notABoolean");
    }

    private static long longValue(Map<String, ?> configs, String key, long defaultValue) {
        Object value = configs.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new AvroConfigException("key=" + key + " value=" + value + " reason=notALong", e);
        }
    }

    private static SubjectNameStrategy strategy(Map<String, ?> configs, String key) {
        Object value = configs.get(key);
        if (value == null) {
            return new TopicNameStrategy();
        }
        if (value instanceof SubjectNameStrategy instance) {
            return instance;
        }
        if (value instanceof Class<?> type) {
            return instantiate(key, type);
        }
        String name = String.valueOf(value).trim();
        if (name.startsWith(CONFLUENT_STRATEGY_PACKAGE)) {
            name = name.substring(CONFLUENT_STRATEGY_PACKAGE.length());
        }
        switch (name) {
            case "TopicNameStrategy":
                return new TopicNameStrategy();
            case "RecordNameStrategy":
                return new RecordNameStrategy();
            case "TopicRecordNameStrategy":
                return new TopicRecordNameStrategy();
            default:
                break;
        }
        try {
            return instantiate(key, Class.forName(name, true, contextClassLoader()));
        } catch (ClassNotFoundException e) {
            throw new AvroConfigException("key=" + key + " value=" + name + " reason=classNotFound", e);
        }
    }

    private static ClassLoader contextClassLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : AvroSerdeConfig.class.getClassLoader();
    }

    private static SubjectNameStrategy instantiate(String key, Class<?> type) {
        if (!SubjectNameStrategy.class.isAssignableFrom(type)) {
            throw new AvroConfigException("key=" + key + " value=" + type.getName()
                    + " reason=notASubjectNameStrategy");
        }
        try {
            return type.asSubclass(SubjectNameStrategy.class).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new AvroConfigException("key=" + key + " value=" + type.getName()
                    + " reason=cannotInstantiate", cause);
        }
    }
}
